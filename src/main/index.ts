import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import log from 'electron-log/main';
import ElectronStore from 'electron-store';
import electronUpdater from 'electron-updater';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EventChannel, EventPayloads } from '../shared/contract';
import { externalUrlSchema } from '../shared/schemas';
import { buildMenuTemplate } from './desktop/menu';
import { installRedaction } from './desktop/redact';
import { watchRenderer } from './desktop/renderer-watch';
import { decideUpdates, UpdateController } from './desktop/updater';
import { restoreBounds, WindowStateFile } from './desktop/window-state';
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

let updates: UpdateController | null = null;

function sendTo<C extends EventChannel>(
  window: BrowserWindow | null | undefined,
  channel: C,
  payload: EventPayloads[C],
) {
  if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
}

function createWindow(windowState: WindowStateFile): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  const workAreas = [primary, ...others].map((d) => d.workArea);
  const initial = restoreBounds(windowState.load(), workAreas, { width: 1200, height: 800 }, MIN_SIZE);
  const window = new BrowserWindow({
    ...initial.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
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
      // A middle click would otherwise open a link in a new window, outside setWindowOpenHandler's checks.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (initial.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    try {
      windowState.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      log.warn('could not save the window state', error);
    }
  });
  window.webContents.on('did-finish-load', () => {
    if (updates?.ready) sendTo(window, 'app.update', updates.ready);
  });
  if (rendererUrl) void window.loadURL(rendererUrl);
  else void window.loadFile(indexHtml);
  return window;
}

const MIN_SIZE = { width: 640, height: 480 };

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
    copyText: async (text) => clipboard.writeText(text),
    restartToUpdate: () => updates?.restart(),
    dataDir,
    settings,
    files,
  });
  // Logs go to electron-log's standard place (e.g. ~/.config/ModelsLab Chat/logs/main.log), keys redacted.
  installRedaction(log.hooks, () => [process.env.MODELSLAB_API_KEY, services.keys.knownKey()]);
  log.errorHandler.startCatching({ showDialog: false });
  void services.keys.getKey();
  const windowState = new WindowStateFile(join(dataDir, 'window-state.json'));
  const focused = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('web-contents-created', (_event, contents) => watchRenderer(contents, { recovery: services.recovery, log }));
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
    // Every permission is refused; copying goes through main (app.copyText), so not even the clipboard is needed.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    app.setAboutPanelOptions({
      applicationName: 'ModelsLab Chat',
      applicationVersion: app.getVersion(),
      website: 'https://modelslab.com',
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          appName: 'ModelsLab Chat',
          platform: process.platform,
          isDev: !app.isPackaged,
          send: (command) => sendTo(focused(), 'app.command', command),
          showAbout: () => app.showAboutPanel(),
          openDataFolder: () => void shell.openPath(app.getPath('userData')),
          showLogs: () => shell.showItemInFolder(log.transports.file.getFile().path),
          openUrl: (url) => void openExternal(url),
        }),
      ),
    );
    registerIpc(ipcMain as unknown as IpcMainLike, createHandlers(services), {
      // Only the app's own top frame, showing the app's own page, may call main.
      isTrustedSender: (event: InvokeEventLike) => {
        const frame = (event as unknown as Electron.IpcMainInvokeEvent).senderFrame;
        return !!frame && frame.parent === null && isAppUrl(frame.url);
      },
      onUnexpectedError: (channel, error) => log.error(`[ipc] ${channel} failed`, error),
    });
    createWindow(windowState);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow(windowState);
    });

    const decision = decideUpdates({
      isPackaged: app.isPackaged,
      platform: process.platform,
      env: process.env,
      argv: process.argv,
      userEnabled: settings.get().values.autoUpdate,
    });
    if (decision.enabled) {
      const { autoUpdater } = electronUpdater;
      autoUpdater.logger = log;
      updates = new UpdateController({
        updater: autoUpdater,
        notify: (update) => BrowserWindow.getAllWindows().forEach((w) => sendTo(w, 'app.update', update)),
        log,
      });
      updates.start();
    } else {
      log.info(`automatic updates off: ${decision.reason}`);
    }
  });
}
