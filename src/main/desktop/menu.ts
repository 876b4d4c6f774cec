import type { AppCommand } from '../../shared/contract';
import { API_KEYS_URL } from '../../shared/domain';
import type { Language } from '../../shared/languages';
import { shortcutFor } from '../../shared/shortcuts';
import { wordsIn } from '../i18n';

/** The Electron roles this menu uses; each brings its behaviour and platform accelerator, and gets its label here. */
const ROLE_NAMES = [
  'about',
  'services',
  'hide',
  'hideOthers',
  'unhide',
  'quit',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'pasteAndMatchStyle',
  'delete',
  'selectAll',
  'reload',
  'forceReload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'togglefullscreen',
  'minimize',
  'zoom',
  'front',
  'close',
] as const;

export type MenuRole = (typeof ROLE_NAMES)[number];

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
/** One item per role: `ROLE.undo` is `{ role: 'undo' }`. */
const ROLE = Object.fromEntries(ROLE_NAMES.map((role) => [role, { role }])) as Record<MenuRole, MenuItem>;

/**
 * The menu in a language. Every item has its own label, the roles' too: Electron names roles in English only
 * outside macOS. Built again when the language changes (see onLanguageChange).
 */
export function buildMenuTemplate(actions: MenuActions, language: Language): MenuItem[] {
  const mac = actions.platform === 'darwin';
  const t = wordsIn(language);
  const appName = actions.appName;
  const command = (name: AppCommand): MenuItem => {
    const { label, accelerator } = shortcutFor(name);
    return { label: t(`shortcuts:${label}`), accelerator, click: () => actions.send(name) };
  };
  const roleLabels: Record<MenuRole, string> = {
    about: t('main:menu.about', { appName }),
    services: t('main:role.services'),
    hide: t('main:role.hide', { appName }),
    hideOthers: t('main:role.hideOthers'),
    unhide: t('main:role.unhide'),
    quit: mac
      ? t('main:role.quitApp', { appName })
      : actions.platform === 'win32'
        ? t('main:role.exit')
        : t('main:role.quit'),
    undo: t('main:role.undo'),
    redo: t('main:role.redo'),
    cut: t('main:role.cut'),
    copy: t('main:role.copy'),
    paste: t('main:role.paste'),
    pasteAndMatchStyle: t('main:role.pasteAndMatchStyle'),
    delete: t('main:role.delete'),
    selectAll: t('main:role.selectAll'),
    reload: t('main:role.reload'),
    forceReload: t('main:role.forceReload'),
    toggleDevTools: t('main:role.toggleDevTools'),
    resetZoom: t('main:role.resetZoom'),
    zoomIn: t('main:role.zoomIn'),
    zoomOut: t('main:role.zoomOut'),
    togglefullscreen: t('main:role.togglefullscreen'),
    minimize: t('main:role.minimize'),
    zoom: t('main:role.zoom'),
    front: t('main:role.front'),
    close: mac ? t('main:role.closeWindow') : t('main:role.close'),
  };
  const labelled = (items: MenuItem[]): MenuItem[] =>
    items.map((item) => ({
      ...(item.role ? { label: roleLabels[item.role] } : {}),
      ...item,
      ...(item.submenu ? { submenu: labelled(item.submenu) } : {}),
    }));

  const appMenu: MenuItem = {
    label: appName,
    submenu: [
      ROLE.about,
      separator,
      command('settings'),
      separator,
      ROLE.services,
      separator,
      ROLE.hide,
      ROLE.hideOthers,
      ROLE.unhide,
      separator,
      ROLE.quit,
    ],
  };
  const file: MenuItem = {
    label: t('main:menu.file'),
    submenu: [
      command('new-chat'),
      ...(mac ? [] : [separator, command('settings')]),
      separator,
      mac ? ROLE.close : ROLE.quit,
    ],
  };
  const edit: MenuItem = {
    label: t('main:menu.edit'),
    submenu: [
      ROLE.undo,
      ROLE.redo,
      separator,
      ROLE.cut,
      ROLE.copy,
      ROLE.paste,
      ...(mac ? [ROLE.pasteAndMatchStyle] : []),
      ROLE.delete,
      ROLE.selectAll,
      separator,
      command('copy-last-reply'),
      command('search'),
    ],
  };
  const view: MenuItem = {
    label: t('main:menu.view'),
    submenu: [
      ...(actions.isDev ? [ROLE.reload, ROLE.forceReload] : []),
      ...(actions.isDev ? [ROLE.toggleDevTools, separator] : []),
      command('toggle-sidebar'),
      separator,
      ROLE.resetZoom,
      ROLE.zoomIn,
      ROLE.zoomOut,
      separator,
      ROLE.togglefullscreen,
    ],
  };
  const window: MenuItem = {
    label: t('main:menu.window'),
    submenu: mac ? [ROLE.minimize, ROLE.zoom, separator, ROLE.front] : [ROLE.minimize, ROLE.close],
  };
  const help: MenuItem = {
    label: t('main:menu.help'),
    submenu: [
      command('shortcuts'),
      separator,
      { label: t('main:menu.openDataFolder'), click: actions.openDataFolder },
      { label: t('main:menu.showLogs'), click: actions.showLogs },
      separator,
      { label: t('main:menu.getApiKey'), click: () => actions.openUrl(API_KEYS_URL) },
      ...(mac ? [] : [separator, { label: t('main:menu.about', { appName }), click: actions.showAbout }]),
    ],
  };
  return labelled([...(mac ? [appMenu] : []), file, edit, view, window, help]);
}
