import { describe, expect, it, vi } from 'vitest';
import { APP_SHORTCUTS } from '../../shared/shortcuts';
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
      const template = buildMenuTemplate(deps);
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
          const all = flatten(buildMenuTemplate(actions(platform, isDev)))
            .map((i) => i.accelerator ?? (i.role ? roleAccelerator(i.role, platform) : undefined))
            .filter((a): a is string => !!a)
            .map((a) => keysOf(a, platform));
          expect(all.length).toBeGreaterThanOrEqual(APP_SHORTCUTS.length + 8);
          expect(all.filter((a, i) => all.indexOf(a) !== i)).toEqual([]);
        }
      });

      it('offers About, Open Data Folder and Show Logs', () => {
        const labels = items.map((i) => i.label ?? i.role);
        expect(labels).toContain(platform === 'darwin' ? 'about' : 'About ModelsLab Chat');
        items.find((i) => i.label === 'Open Data Folder')!.click!();
        items.find((i) => i.label === 'Show Logs')!.click!();
        expect(deps.openDataFolder).toHaveBeenCalledOnce();
        expect(deps.showLogs).toHaveBeenCalledOnce();
      });

      it('leaves reload and developer tools out of packaged builds', () => {
        expect(items.some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
        const dev = flatten(buildMenuTemplate(actions(platform, true)));
        expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
      });
    });
  }

  it('uses the standard macOS app menu roles', () => {
    const [appMenu] = buildMenuTemplate(actions('darwin'));
    const roles = appMenu!.submenu!.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('documents each command once', () => {
    const commands = APP_SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
  });
});
