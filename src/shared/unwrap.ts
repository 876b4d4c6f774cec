import { API_METHODS, type Api, type Bridge } from './contract';
import { ApiError, type Result } from './errors';

/** Turns the bridge's Results back into values and thrown ApiErrors, on the renderer's side of the bridge. */
export function unwrapBridge(bridge: Bridge): Api {
  const api: Record<string, Record<string, unknown>> = {};
  for (const [namespace, members] of Object.entries(bridge as unknown as Record<string, Record<string, unknown>>)) {
    const methods = API_METHODS[namespace as keyof typeof API_METHODS] as Record<string, true>;
    const target: Record<string, unknown> = (api[namespace] = {});
    for (const [name, member] of Object.entries(members)) {
      const fn = member as (...args: unknown[]) => unknown;
      target[name] = methods[name]
        ? async (...args: unknown[]) => {
            const result = (await fn(...args)) as Result<unknown>;
            if (!result.ok) throw new ApiError(result.error);
            return result.value;
          }
        : fn;
    }
  }
  return api as unknown as Api;
}
