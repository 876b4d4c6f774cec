import { describe, expect, it, vi } from 'vitest';
import { APP_SHORTCUTS } from '../../shared/shortcuts';
import { onLanguageChange } from '../settings/language-change';
import { memorySettings } from '../settings/settings-store';
import { buildMenuTemplate, type MenuActions, type MenuItem, type MenuRole } from './menu';

/** Electron's default accelerators for the roles (lib/browser/api/menu-item-roles.ts), per platform. */
function roleAccelerator(role: MenuRole, platform: string): string | undefined {
  const mac = platform === 'darwin';
  const table: Partial<Record<MenuRole, string | undefined>> = {
    close: 'CmdOrCtrl+W',
    copy: 'CmdOrCtrl+C',
    cut: 'CmdOrCtrl+X',
    forceReload: 'Shift+CmdOrCtrl+R',
    hide: 'Command+H',
    hideOthers: 'Command+Alt+H',
    minimize: 'CmdOrCtrl+M',
    paste: 'CmdOrCtrl+V',
    pasteAndMatchStyle: 'Shift+CmdOrCtrl+V',
    quit: platform === 'win32' ? undefined : 'CmdOrCtrl+Q',
    redo: platform === 'win32' ? 'Control+Y' : 'Shift+CmdOrCtrl+Z',
    reload: 'CmdOrCtrl+R',
    resetZoom: 'CmdOrCtrl+0',
    selectAll: 'CmdOrCtrl+A',
    toggleDevTools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
    undo: 'CmdOrCtrl+Z',
    zoomIn: 'CmdOrCtrl+Plus',
    zoomOut: 'CmdOrCtrl+-',
  };
  return table[role];
}

/** The keys an accelerator means on a platform, in a canonical spelling. */
function keysOf(accelerator: string, platform: string): string {
  const mac = platform === 'darwin';
  const names: Record<string, string> = {
    cmdorctrl: mac ? 'cmd' : 'ctrl',
    commandorcontrol: mac ? 'cmd' : 'ctrl',
    command: 'cmd',
    cmd: 'cmd',
    control: 'ctrl',
    ctrl: 'ctrl',
    alt: 'alt',
    option: 'alt',
    shift: 'shift',
  };
  const parts = accelerator.toLowerCase().split('+');
  // "CmdOrCtrl+Plus" and "CmdOrCtrl+," both end in a key; a trailing "+" would mean the plus key itself.
  const key = parts.pop()!;
  return [...parts.map((p) => names[p] ?? p).sort(), key].join('+');
}

function flatten(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

function actions(platform: string, isDev = false) {
  return {
    appName: 'ModelsLab Chat',
    platform,
    isDev,
    send: vi.fn<MenuActions['send']>(),
    showAbout: vi.fn(),
    openDataFolder: vi.fn(),
    showLogs: vi.fn(),
    openUrl: vi.fn(),
  } satisfies MenuActions;
}

describe('application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux']) {
    describe(platform, () => {
      const deps = actions(platform);
      const template = buildMenuTemplate(deps, 'en');
      const items = flatten(template);

      it('has File, Edit, View, Window and Help (after the app menu on macOS)', () => {
        const labels = template.map((m) => m.label);
        const expected = ['File', 'Edit', 'View', 'Window', 'Help'];
        expect(labels).toEqual(platform === 'darwin' ? ['ModelsLab Chat', ...expected] : expected);
      });

      it('binds every documented shortcut as an accelerator that sends its command', () => {
        for (const shortcut of APP_SHORTCUTS) {
          const item = items.find((i) => i.accelerator === shortcut.accelerator);
          expect(item, shortcut.accelerator).toBeDefined();
          deps.send.mockClear();
          item!.click!();
          expect(deps.send).toHaveBeenCalledWith(shortcut.command);
        }
      });

      it('has no two items on the same keys, counting the roles’ own accelerators', () => {
        for (const isDev of [false, true]) {
          const all = flatten(buildMenuTemplate(actions(platform, isDev), 'en'))
            .map((i) => i.accelerator ?? (i.role ? roleAccelerator(i.role, platform) : undefined))
            .filter((a): a is string => !!a)
            .map((a) => keysOf(a, platform));
          expect(all.length).toBeGreaterThanOrEqual(APP_SHORTCUTS.length + 8);
          expect(all.filter((a, i) => all.indexOf(a) !== i)).toEqual([]);
        }
      });

      it('offers About, Open Data Folder and Show Logs', () => {
        const about = items.find((i) => i.label === 'About ModelsLab Chat');
        expect(about?.role ?? 'own item').toBe(platform === 'darwin' ? 'about' : 'own item');
        items.find((i) => i.label === 'Open Data Folder')!.click!();
        items.find((i) => i.label === 'Show Logs')!.click!();
        expect(deps.openDataFolder).toHaveBeenCalledOnce();
        expect(deps.showLogs).toHaveBeenCalledOnce();
      });

      it('leaves reload and developer tools out of packaged builds', () => {
        expect(items.some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
        const dev = flatten(buildMenuTemplate(actions(platform, true), 'en'));
        expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
      });
    });
  }

  it('uses the standard macOS app menu roles', () => {
    const [appMenu] = buildMenuTemplate(actions('darwin'), 'en');
    const roles = appMenu!.submenu!.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('documents each command once', () => {
    const commands = APP_SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
  });
});

describe('in the language of the settings', () => {
  const labels = (items: MenuItem[]) => flatten(items).flatMap((i) => (i.type === 'separator' ? [] : [i.label]));

  it('labels every item, the roles too, as Electron names them in English', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      for (const isDev of [false, true]) {
        expect(labels(buildMenuTemplate(actions(platform, isDev), 'en')).every(Boolean)).toBe(true);
      }
    }
    const linux = flatten(buildMenuTemplate(actions('linux', true), 'en'));
    const roleLabel = (role: MenuRole) => linux.find((i) => i.role === role)?.label;
    expect([roleLabel('undo'), roleLabel('selectAll'), roleLabel('resetZoom'), roleLabel('quit')]).toEqual([
      'Undo',
      'Select All',
      'Actual Size',
      'Quit',
    ]);
    expect(flatten(buildMenuTemplate(actions('win32'), 'en')).find((i) => i.role === 'quit')?.label).toBe('Exit');
    const mac = flatten(buildMenuTemplate(actions('darwin'), 'en'));
    expect(mac.find((i) => i.role === 'quit')?.label).toBe('Quit ModelsLab Chat');
    expect(mac.find((i) => i.role === 'close')?.label).toBe('Close Window');
  });

  it('speaks Japanese and Arabic, roles and shortcuts included', () => {
    const ja = buildMenuTemplate(actions('linux'), 'ja');
    expect(ja.map((m) => m.label)).toEqual(['ファイル', '編集', '表示', 'ウィンドウ', 'ヘルプ']);
    expect(labels(ja)).toEqual(expect.arrayContaining(['新しいチャット', '元に戻す', 'ModelsLab Chat について']));
    const ar = buildMenuTemplate(actions('win32'), 'ar');
    expect(ar.map((m) => m.label)).toEqual(['ملف', 'تحرير', 'عرض', 'نافذة', 'مساعدة']);
    for (const language of ['ja', 'ar'] as const) {
      const script =
        language === 'ja' ? /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u : /\p{Script=Arabic}/u;
      for (const platform of ['darwin', 'win32', 'linux']) {
        const shown = labels(buildMenuTemplate(actions(platform, true), language)).filter(
          (l) => l !== 'ModelsLab Chat',
        );
        expect(shown.filter((l) => !script.test(l!))).toEqual([]);
      }
    }
  });

  it('is built again in the new language when a settings update changes it, and only then', () => {
    const built: MenuItem[][] = [];
    const settings = onLanguageChange(memorySettings(), (language) =>
      built.push(buildMenuTemplate(actions('linux'), language)),
    );
    settings.update({ theme: 'dark' });
    expect(built).toEqual([]);
    settings.update({ language: 'ar' });
    expect(built.at(-1)!.map((m) => m.label)).toEqual(['ملف', 'تحرير', 'عرض', 'نافذة', 'مساعدة']);
    settings.update({ language: 'ja' });
    expect(built.at(-1)!.map((m) => m.label)).toEqual(['ファイル', '編集', '表示', 'ウィンドウ', 'ヘルプ']);
    // 'system' is English here, as the system's locale is: the language changes, so the menu follows.
    settings.update({ language: 'system' });
    expect(built.at(-1)![0]!.label).toBe('File');
    expect(built).toHaveLength(3);
  });
});
