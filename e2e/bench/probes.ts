import type { Page } from '@playwright/test';

/**
 * Installed in the page before the app loads. `watch(marker)` follows the newest reply and records, as epoch
 * milliseconds, when its first text was painted, when text containing `marker` (put in its last block) was painted,
 * and when no block of it was left as plain text; the last input (Enter or a click) and the arrival of the reply's
 * end event are recorded too. "Painted" is
 * the frame after the change, once that frame is done: a post-paint callback, so it errs late by under a frame.
 */
export const PROBES = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const afterPaint = (record) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record(now());
      channel.port2.postMessage(0);
    });
  const bench = { inputAt: null };
  addEventListener('keydown', (e) => { if (e.key === 'Enter') bench.inputAt = performance.timeOrigin + e.timeStamp; }, true);
  addEventListener('click', (e) => { bench.inputAt = performance.timeOrigin + e.timeStamp; }, true);
  bench.watch = (marker) => {
    bench.firstAt = bench.textAt = bench.richAt = bench.endAt = null;
    // When the end of the reply reached the page: the harness carries events over the DevTools protocol, one at a
    // time, which takes longer than Electron's IPC.
    bench.off?.();
    bench.off = window.api.chat.onEvent((e) => {
      if (e.type === 'end') bench.endAt = now();
    });
    const seen = { first: false, text: false };
    // The reply to follow is one that was not on the page yet.
    const before = new Set(document.querySelectorAll('article.message--assistant'));
    let article = null;
    const check = () => {
      if (!article || !article.isConnected) {
        article = [...document.querySelectorAll('article.message--assistant')].findLast((a) => !before.has(a)) ?? null;
      }
      const content = article?.querySelector('.message__content');
      if (!content) return;
      if (!seen.first && content.textContent) {
        seen.first = true;
        afterPaint((t) => {
          bench.firstAt = t;
          performance.mark('bench-first');
        });
      }
      // The marker is in the reply's last block, which is never in a group; a group's text is long to read.
      const last = content.lastElementChild;
      if (!seen.text && last && !last.classList.contains('md-group') && last.textContent.includes(marker)) {
        seen.text = true;
        afterPaint((t) => {
          bench.textAt = t;
          performance.mark('bench-text');
        });
        bench.observer.disconnect();
        waitForRich();
      }
    };
    // Every block rendered: checked ten times a second. Blocks are rendered from the end, so the first one left
    // as plain text is found near the start of the reply; only the last check reads the whole reply.
    const waitForRich = () => {
      if (article.isConnected && article.dataset.status !== 'streaming' && !article.querySelector('.md-pending')) {
        afterPaint((t) => (bench.richAt = t));
      } else {
        setTimeout(waitForRich, 100);
      }
    };
    bench.observer?.disconnect();
    bench.observer = new MutationObserver(check);
    bench.observer.observe(document.body, {
      childList: true, subtree: true, characterData: true, attributeFilter: ['data-status'],
    });
    check();
  };
  Object.defineProperty(window, '__bench', { value: bench });
})();`;

export interface Painted {
  inputAt: number;
  /** When the page received the end of the reply (streaming only). */
  endAt: number | null;
  firstAt: number;
  textAt: number;
  richAt: number;
}

export async function watch(page: Page, marker: string): Promise<void> {
  await page.evaluate((m) => (window as unknown as { __bench: { watch(m: string): void } }).__bench.watch(m), marker);
}

/** Waits, without polling the page more than twice a second, until the reply is painted whole and rich. */
export async function painted(page: Page, timeoutMs: number): Promise<Painted> {
  const handle = await page.waitForFunction(
    () => {
      const b = (window as unknown as { __bench: Partial<Painted> }).__bench;
      return b.richAt && b.textAt ? { ...b } : null;
    },
    undefined,
    { polling: 500, timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as Painted;
}

export const mark = (page: Page, name: 'bench-start' | 'bench-end') =>
  page.evaluate((n) => void performance.mark(n), name);
