import type { AppCommand } from './contract';

export interface Shortcut {
  command: AppCommand;
  label: string;
  /** Electron accelerator syntax; CmdOrCtrl is Cmd on macOS and Ctrl elsewhere. */
  accelerator: string;
}

/** The app-wide shortcuts: the menu binds them, and a shortcuts sheet can list them. */
export const APP_SHORTCUTS: readonly Shortcut[] = [
  { command: 'new-chat', label: 'New Chat', accelerator: 'CmdOrCtrl+N' },
  { command: 'search', label: 'Search Chats…', accelerator: 'CmdOrCtrl+K' },
  { command: 'settings', label: 'Settings…', accelerator: 'CmdOrCtrl+,' },
  { command: 'copy-last-reply', label: 'Copy Last Reply', accelerator: 'CmdOrCtrl+Shift+C' },
  { command: 'shortcuts', label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/' },
  { command: 'toggle-sidebar', label: 'Show or Hide Chats', accelerator: 'CmdOrCtrl+B' },
];

export function shortcutFor(command: AppCommand): Shortcut {
  const shortcut = APP_SHORTCUTS.find((s) => s.command === command);
  if (!shortcut) throw new Error(`No shortcut for ${command}`);
  return shortcut;
}
