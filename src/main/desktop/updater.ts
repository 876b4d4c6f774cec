import type { UpdateReady } from '../../shared/contract';

export interface UpdateContext {
  /** Electron's app.isPackaged: false when run from source. */
  isPackaged: boolean;
  platform: string;
  env: Record<string, string | undefined>;
  argv: readonly string[];
  /** The user's "check for updates automatically" setting. */
  userEnabled: boolean;
}

export type UpdateDecision =
  { enabled: true } | { enabled: false; reason: 'development' | 'test' | 'flag' | 'setting' | 'package-manager' };

const NO_UPDATES_FLAG = '--no-updates';

function isSet(value: string | undefined): boolean {
  return !!value && !['0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

/** Whether this run may check for, download and install updates. */
export function decideUpdates(context: UpdateContext): UpdateDecision {
  const { env } = context;
  if (!context.isPackaged) return { enabled: false, reason: 'development' };
  if (isSet(env.CI) || env.NODE_ENV === 'test') return { enabled: false, reason: 'test' };
  const off = env.MODELSLAB_AUTO_UPDATE !== undefined && !isSet(env.MODELSLAB_AUTO_UPDATE);
  if (off || context.argv.includes(NO_UPDATES_FLAG)) return { enabled: false, reason: 'flag' };
  if (!context.userEnabled) return { enabled: false, reason: 'setting' };
  // Only the AppImage replaces itself; .deb and .rpm installs belong to the system's package manager.
  if (context.platform === 'linux' && !env.APPIMAGE) return { enabled: false, reason: 'package-manager' };
  return { enabled: true };
}

/** The part of electron-updater's autoUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

export interface UpdateControllerDeps {
  updater: UpdaterLike;
  /** Tells the windows, which show a non-modal "Restart to update". */
  notify(update: UpdateReady): void;
  log: { info(...data: unknown[]): void; warn(...data: unknown[]): void };
  intervalMs?: number;
  timers?: { setInterval(fn: () => void, ms: number): unknown; clearInterval(handle: unknown): void };
}

export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** Checks at start and every few hours, downloads in the background, and installs on restart or quit. */
export class UpdateController {
  private timer: unknown = null;
  private readyUpdate: UpdateReady | null = null;
  private readonly timers: NonNullable<UpdateControllerDeps['timers']>;

  constructor(private readonly deps: UpdateControllerDeps) {
    this.timers = deps.timers ?? {
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    };
  }

  get ready(): UpdateReady | null {
    return this.readyUpdate;
  }

  start(): void {
    const { updater, notify, log } = this.deps;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.on('update-downloaded', ({ version }) => {
      this.readyUpdate = { version };
      log.info(`update ${version} downloaded`);
      notify(this.readyUpdate);
    });
    // An offline machine or a missing release is routine: note it and try again at the next interval.
    updater.on('error', (error) => log.warn('update check failed:', error.message));
    this.check();
    this.timer = this.timers.setInterval(() => this.check(), this.deps.intervalMs ?? CHECK_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
  }

  /** Quits and installs; a no-op until an update has been downloaded. */
  restart(): void {
    if (this.readyUpdate) this.deps.updater.quitAndInstall();
  }

  private check(): void {
    // Once an update waits to be installed, checking again would only download it again.
    if (this.readyUpdate) return;
    this.deps.updater
      .checkForUpdates()
      .catch((error: Error) => this.deps.log.warn('update check failed:', error.message));
  }
}
