import type { RendererGoneReason } from '../../shared/contract';
import type { Language } from '../../shared/languages';
import { stoppedPage } from './stopped-page';
import type { CrashRecovery } from './crash-recovery';

/** The part of Electron's WebContents watched here, so tests can drive it with a fake. */
export interface WatchedContents {
  getType(): string;
  isDestroyed(): boolean;
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: RendererGoneReason | 'clean-exit'; exitCode: number }) => void,
  ): unknown;
  reload(): void;
  loadURL(url: string): Promise<void>;
}

export interface WatchDeps {
  recovery: CrashRecovery;
  log: { warn(...data: unknown[]): void; error(...data: unknown[]): void };
  /** The language the settings decide, for the page shown once reloading has stopped. */
  language(): Language;
  now?: () => number;
}

/** A window that crashes this often is not reloaded again: something in it crashes it every time. */
export const RELOAD_LIMIT = { count: 3, withinMs: 60_000 };

/**
 * Reloads a window whose renderer process is gone (crashed, killed, out of memory), unless it quit cleanly. The
 * reloaded page asks main for `recovery` and shows the crash and the chat it was on, as plain text. A window that
 * keeps crashing is not reloaded in a loop: after RELOAD_LIMIT it shows a static page instead.
 */
export function watchRenderer(contents: WatchedContents, { recovery, log, language, now = Date.now }: WatchDeps): void {
  if (contents.getType() !== 'window') return;
  const reloads: number[] = [];
  let stopped = false;
  contents.on('render-process-gone', (_event, { reason, exitCode }) => {
    if (reason === 'clean-exit' || contents.isDestroyed()) return;
    const what = `the window's renderer is gone (${reason}, exit code ${exitCode})`;
    if (stopped) return log.error(`${what} on the stopped page`);
    recovery.crashed(reason);
    const at = now();
    while (reloads.length > 0 && at - reloads[0]! >= RELOAD_LIMIT.withinMs) reloads.shift();
    if (reloads.length >= RELOAD_LIMIT.count) {
      stopped = true;
      log.error(`${what} again; not reloading it`);
      void contents
        .loadURL(stoppedPage(RELOAD_LIMIT.count + 1, language()))
        .catch((error: unknown) => log.error('the stopped page failed', error));
      return;
    }
    reloads.push(at);
    log.warn(`${what}; reloading it`);
    contents.reload();
  });
}
