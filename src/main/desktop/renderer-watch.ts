import { createHash } from 'node:crypto';
import type { RendererGoneReason } from '../../shared/contract';
import { isRightToLeft, type Language } from '../../shared/languages';
import { wordsIn } from '../i18n';
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

// The app's own colours, following the system's light or dark theme.
const STYLE =
  'html{color-scheme:light dark;background:light-dark(#fff,#15171c);color:light-dark(#1c1f24,#e7e9ee)}' +
  'body{margin:0;min-height:100vh;display:grid;place-items:center;font:15px/1.5 system-ui,sans-serif}' +
  'main{max-width:32em;padding:24px}h1{font-size:20px;margin:0 0 8px}p{color:light-dark(#5b616e,#a3a9b6)}';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A page with no script and nothing to load: the one thing still shown once reloading has stopped. */
export function stoppedPage(language: Language = 'en'): string {
  const t = wordsIn(language);
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  const html =
    `<!doctype html><html lang="${language}" dir="${isRightToLeft(language) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'">` +
    `<title>ModelsLab Chat</title><style>${STYLE}</style></head><body><main>` +
    `<h1>${escapeHtml(t('main:stopped.title'))}</h1>` +
    `<p>${escapeHtml(t('main:stopped.body', { times: RELOAD_LIMIT.count + 1 }))}</p>` +
    '</main></body></html>';
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

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
        .loadURL(stoppedPage(language()))
        .catch((error: unknown) => log.error('the stopped page failed', error));
      return;
    }
    reloads.push(at);
    log.warn(`${what}; reloading it`);
    contents.reload();
  });
}
