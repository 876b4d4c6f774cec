/**
 * Asks `find` again every `everyMs` until it gives something other than undefined, instead of sleeping for a time
 * that is too long on a fast machine and too short on a loaded one. Fails after `timeoutMs`, saying what it waited for.
 */
export async function poll<T>(
  what: string,
  find: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = 10_000, everyMs = 20 } = {},
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
