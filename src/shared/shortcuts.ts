import type { AppCommand } from './contract';
import type english from './locales/en/shortcuts.json';

export interface Shortcut {
  command: AppCommand;
  /** Its name in the `shortcuts` namespace (src/shared/locales/<language>/shortcuts.json). */
  label: keyof typeof english;
  /** Electron accelerator syntax; CmdOrCtrl is Cmd on macOS and Ctrl elsewhere. */
  accelerator: string;
}

/** The app-wide shortcuts: the menu binds them, and a shortcuts sheet can list them. */
export const APP_SHORTCUTS: readonly Shortcut[] = [
  { command: 'new-chat', label: 'newChat', accelerator: 'CmdOrCtrl+N' },
  { command: 'search', label: 'search', accelerator: 'CmdOrCtrl+K' },
  { command: 'settings', label: 'settings', accelerator: 'CmdOrCtrl+,' },
  { command: 'copy-last-reply', label: 'copyLastReply', accelerator: 'CmdOrCtrl+Shift+C' },
  { command: 'shortcuts', label: 'shortcuts', accelerator: 'CmdOrCtrl+/' },
  { command: 'toggle-sidebar', label: 'toggleSidebar', accelerator: 'CmdOrCtrl+B' },
];

export function shortcutFor(command: AppCommand): Shortcut {
  const shortcut = APP_SHORTCUTS.find((s) => s.command === command);
  if (!shortcut) throw new Error(`No shortcut for ${command}`);
  return shortcut;
}
