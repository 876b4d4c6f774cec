import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
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
import type { EventChannel, EventPayloads } from '../shared/contract';
import type { AskUser } from './desktop/ask';
import { buildMenuTemplate, type MenuActions } from './desktop/menu';
import { installRedaction } from './keys/redact';
import { watchRenderer } from './desktop/renderer-watch';
import { decideUpdates, UpdateController } from './desktop/updater';
import { restoreBounds, WindowStateFile } from './desktop/window-state';
import { APP_BASE, APP_INDEX, APP_SCHEME, bundleHandler } from './guards/app-scheme';
import {
  appUrlCheck,
  guardContents,
  isTrustedSender,
  refusePermission,
  refusePermissionCheck,
} from './guards/window-guards';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from './ipc';
import type { FileDialogs } from './desktop/file-dialogs';
import { WORKER_FILE } from './documents/extractor';
import { createHandlers, createServices } from './services';
import { onLanguageChange } from './settings/language-change';
import { openSettings } from './settings/settings-store';

// The dev server's address, in development only: a packaged app never loads its UI from anywhere but app://.
const rendererUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererDir = join(import.meta.dirname, '../renderer');
const isAppUrl = appUrlCheck(rendererUrl ? `${new URL(rendererUrl).origin}/` : APP_BASE);

// Before the app is ready: app:// behaves like https (a real origin for 'self', module scripts, fetch of chunks).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

function harden(contents: WebContents): void {
  guardContents(
    {
      onNavigate: (listener) => {
        contents.on('will-navigate', (event, url) => listener(event, url));
        contents.on('will-redirect', (event, url) => listener(event, url));
      },
      onAttachWebview: (listener) => contents.on('will-attach-webview', (event) => listener(event)),
      setWindowOpenHandler: (handler) => contents.setWindowOpenHandler(handler),
    },
    isAppUrl,
    (what, url) => log.warn(`blocked ${what} ${url.slice(0, 200)}`),
  );
}

/** A native message box over the focused window: the page can neither draw over it nor answer it. */
const ask: AskUser = async (box) => {
  const owner = BrowserWindow.getFocusedWindow();
  const options = { ...box, noLink: true };
  const result = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  return result.response;
};

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
    // Only the path: main checks the file's size before reading it (src/main/history/import-file.ts).
    return path;
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
  void window.loadURL(rendererUrl ?? APP_INDEX);
  return window;
}

const MIN_SIZE = { width: 640, height: 480 };

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  const dataDir = app.getPath('userData');
  // electron-store runs only inside Electron, so it is built here; tests use conf through the same interface.
  // The menu is built once the app is ready, and again in the new language whenever the setting changes it.
  let showMenu = (): void => {};
  const settings = onLanguageChange(
    openSettings(
      join(dataDir, 'config.json'),
      () => new ElectronStore({ cwd: dataDir, name: 'config' }),
      // Read at each use, so a language changed in the OS applies at the next window load.
      () => [app.getLocale(), ...app.getPreferredSystemLanguages()],
    ),
    () => showMenu(),
  );
  const services = createServices({
    env: process.env,
    version: app.getVersion(),
    platform: process.platform,
    openExternal: (url) => shell.openExternal(url),
    ask,
    copyText: async (text) => clipboard.writeText(text),
    restartToUpdate: () => updates?.restart(),
    dataDir,
    // Built by electron-vite beside this file (see electron.vite.config.ts).
    documentsWorker: new URL(`./${WORKER_FILE}`, import.meta.url),
    settings,
    files,
  });
  // Logs go to electron-log's standard place (e.g. ~/.config/ModelsLab Chat/logs/main.log), keys redacted.
  installRedaction(log.hooks, () => services.keys.knownKeys());
  log.errorHandler.startCatching({ showDialog: false });
  void services.keys.status();
  const windowState = new WindowStateFile(join(dataDir, 'window-state.json'));
  const focused = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

  app.on('web-contents-created', (_event, contents) => {
    harden(contents);
    watchRenderer(contents, { recovery: services.recovery, log, language: () => settings.get().language });
  });
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('before-quit', () => {
    services.chat.stopAll();
    void services.closeDocuments();
  });
  app.on('will-quit', () => services.history.close());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    protocol.handle(
      APP_SCHEME,
      bundleHandler(rendererDir, APP_BASE, (path) => readFile(path)),
    );
    session.defaultSession.setPermissionRequestHandler(refusePermission);
    session.defaultSession.setPermissionCheckHandler(refusePermissionCheck);
    app.setAboutPanelOptions({
      applicationName: 'ModelsLab Chat',
      applicationVersion: app.getVersion(),
      website: 'https://modelslab.com',
    });
    const menuActions: MenuActions = {
      appName: 'ModelsLab Chat',
      platform: process.platform,
      isDev: !app.isPackaged,
      send: (command) => sendTo(focused(), 'app.command', command),
      showAbout: () => app.showAboutPanel(),
      openDataFolder: () => void shell.openPath(app.getPath('userData')),
      showLogs: () => shell.showItemInFolder(log.transports.file.getFile().path),
      openUrl: (url) => void services.app.openLink(url).catch((error) => log.warn('link not opened', error)),
    };
    showMenu = () =>
      Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(menuActions, settings.get().language)));
    showMenu();
    registerIpc(ipcMain as unknown as IpcMainLike, createHandlers(services), {
      isTrustedSender: (event: InvokeEventLike) =>
        isTrustedSender((event as unknown as Electron.IpcMainInvokeEvent).senderFrame, isAppUrl),
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
