import { app, BrowserWindow, clipboard, ipcMain, nativeTheme, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { externalUrlSchema } from '../shared/schemas';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from './ipc';
import { createHandlers, createServices } from './services';

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

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
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
  const services = createServices({
    env: process.env,
    version: app.getVersion(),
    platform: process.platform,
    openExternal,
    copyText: async (text) => clipboard.writeText(text),
  });

  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('before-quit', () => services.chat.stopAll());
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
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
