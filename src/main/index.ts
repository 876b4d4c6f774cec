import { app, BrowserWindow, dialog, ipcMain, nativeTheme, session, shell, type WebContents } from 'electron';
import ElectronStore from 'electron-store';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { externalUrlSchema } from '../shared/schemas';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from './ipc';
import type { FileDialogs } from './history/history-handlers';
import { createHandlers, createServices } from './services';
import { openSettings } from './settings/settings-store';

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const indexHtml = join(import.meta.dirname, '../renderer/index.html');
const appOrigin = rendererUrl ? new URL(rendererUrl).origin : null;

function isAppUrl(url: string): boolean {
  if (appOrigin) return url.startsWith(`${appOrigin}/`);
  return url.split('#')[0] === pathToFileURL(indexHtml).href;
}

async function openExternal(url: string): Promise<void> {
  if (externalUrlSchema.safeParse(url).success) await shell.openExternal(url);
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    void openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
}

/** Electron's Save and Open dialogs, attached to the focused window. */
const files: FileDialogs = {
  saveFile: async ({ title, defaultName, filters, content }) => {
    const owner = BrowserWindow.getFocusedWindow();
    const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await writeFile(result.filePath, content, 'utf8');
    return result.filePath;
  },
  openFile: async ({ title, filters }) => {
    const owner = BrowserWindow.getFocusedWindow();
    const options = { title, filters, properties: ['openFile' as const] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return null;
    return { path, content: await readFile(path, 'utf8') };
  },
};

function createWindow(bounds: { x?: number; y?: number; width: number; height: number } | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'ModelsLab Chat',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#ffffff',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (rendererUrl) void window.loadURL(rendererUrl);
  else void window.loadFile(indexHtml);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  const dataDir = app.getPath('userData');
  // electron-store runs only inside Electron, so it is built here; tests use conf through the same interface.
  const settings = openSettings(
    join(dataDir, 'config.json'),
    () => new ElectronStore({ cwd: dataDir, name: 'config' }),
  );
  const services = createServices({
    env: process.env,
    version: app.getVersion(),
    platform: process.platform,
    openExternal,
    dataDir,
    settings,
    files,
  });
  const keepBounds = (window: BrowserWindow) =>
    window.on('close', () => {
      if (!window.isMinimized())
        settings.update({ windowBounds: { ...window.getNormalBounds(), maximized: window.isMaximized() } });
    });

  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('before-quit', () => services.chat.stopAll());
  app.on('will-quit', () => services.history.close());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    registerIpc(ipcMain as unknown as IpcMainLike, createHandlers(services), {
      // Only the app's own top frame, showing the app's own page, may call main.
      isTrustedSender: (event: InvokeEventLike) => {
        const frame = (event as unknown as Electron.IpcMainInvokeEvent).senderFrame;
        return !!frame && frame.parent === null && isAppUrl(frame.url);
      },
      onUnexpectedError: (channel, error) => console.error(`[ipc] ${channel} failed`, error),
    });
    const open = () => {
      const { windowBounds } = settings.get().values;
      const window = createWindow(windowBounds);
      if (windowBounds?.maximized) window.maximize();
      keepBounds(window);
    };
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
  });
}
