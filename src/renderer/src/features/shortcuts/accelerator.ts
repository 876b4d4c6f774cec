/** macOS shows ⌘ where the others use Ctrl; Electron's CmdOrCtrl means the same. */
const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

function parts(accelerator: string): string[] {
  return accelerator.split('+');
}

/** The keys to show for an Electron accelerator. */
export function keysOf(accelerator: string): string[] {
  return parts(accelerator).map((p) => (p === 'CmdOrCtrl' ? (isMac ? '⌘' : 'Ctrl') : p));
}

/** Whether a keydown is the given accelerator, so the web page answers the same keys the menu binds. */
export function matches(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  accelerator: string,
): boolean {
  const keys = parts(accelerator);
  const key = keys.at(-1)!.toLowerCase();
  const wantsCmd = keys.includes('CmdOrCtrl');
  const cmd = isMac ? event.metaKey : event.ctrlKey;
  return (
    event.key.toLowerCase() === key &&
    cmd === wantsCmd &&
    event.shiftKey === keys.includes('Shift') &&
    event.altKey === keys.includes('Alt')
  );
}
