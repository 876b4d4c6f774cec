import type { AppCommand } from '../../shared/contract';
import { API_KEYS_URL } from '../../shared/domain';
import { shortcutFor } from '../../shared/shortcuts';

/** The Electron roles this menu uses; each brings its own label, behaviour and platform accelerator. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close';

/** The subset of Electron's MenuItemConstructorOptions used here, so the template is built and tested without Electron. */
export interface MenuItem {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

export interface MenuActions {
  appName: string;
  platform: string;
  /** Development builds get reload and developer tools. */
  isDev: boolean;
  /** Sends a command to the focused window's page. */
  send(command: AppCommand): void;
  showAbout(): void;
  openDataFolder(): void;
  showLogs(): void;
  openUrl(url: string): void;
}

const separator: MenuItem = { type: 'separator' };

export function buildMenuTemplate(actions: MenuActions): MenuItem[] {
  const mac = actions.platform === 'darwin';
  const command = (name: AppCommand): MenuItem => {
    const { label, accelerator } = shortcutFor(name);
    return { label, accelerator, click: () => actions.send(name) };
  };

  const appMenu: MenuItem = {
    label: actions.appName,
    submenu: [
      { role: 'about' },
      separator,
      command('settings'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const file: MenuItem = {
    label: 'File',
    submenu: [
      command('new-chat'),
      ...(mac ? [] : [separator, command('settings')]),
      separator,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItem = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      command('copy-last-reply'),
      command('search'),
    ],
  };
  const view: MenuItem = {
    label: 'View',
    submenu: [
      ...(actions.isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const] : []),
      ...(actions.isDev ? [{ role: 'toggleDevTools' } as const, separator] : []),
      command('toggle-sidebar'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItem = {
    label: 'Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItem = {
    label: 'Help',
    submenu: [
      command('shortcuts'),
      separator,
      { label: 'Open Data Folder', click: actions.openDataFolder },
      { label: 'Show Logs', click: actions.showLogs },
      separator,
      { label: 'Get a ModelsLab API Key', click: () => actions.openUrl(API_KEYS_URL) },
      ...(mac ? [] : [separator, { label: `About ${actions.appName}`, click: actions.showAbout }]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}
