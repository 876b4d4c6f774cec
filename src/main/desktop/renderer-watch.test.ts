import { describe, expect, it, vi } from 'vitest';
import type { RendererGoneReason } from '../../shared/contract';
import { CrashRecovery } from './crash-recovery';
import { RELOAD_LIMIT, watchRenderer, type WatchedContents } from './renderer-watch';
import { stoppedPage } from './stopped-page';

type Listener = Parameters<WatchedContents['on']>[1];

/** Stands in for Electron's WebContents: records reloads and loads, and lets the test end its renderer. */
class FakeContents implements WatchedContents {
  listeners: Listener[] = [];
  reloads = 0;
  loaded: string[] = [];
  destroyed = false;
  constructor(private readonly type = 'window') {}
  getType = () => this.type;
  isDestroyed = () => this.destroyed;
  on(_event: 'render-process-gone', listener: Listener) {
    this.listeners.push(listener);
    return this;
  }
  reload = () => void this.reloads++;
  loadURL = async (url: string) => void this.loaded.push(url);
  gone(reason: RendererGoneReason | 'clean-exit', exitCode = 11) {
    for (const listener of this.listeners) listener({}, { reason, exitCode });
  }
}

function setup(type?: string) {
  const contents = new FakeContents(type);
  const recovery = new CrashRecovery();
  const log = { warn: vi.fn(), error: vi.fn() };
  let time = 1_000_000;
  watchRenderer(contents, { recovery, log, language: () => 'en', now: () => time });
  return { contents, recovery, log, advance: (ms: number) => (time += ms) };
}

describe('watchRenderer', () => {
  it('reloads a crashed window and tells the reloaded page which chat it was on', () => {
    const { contents, recovery, log } = setup();
    recovery.opened('chat-1');
    contents.gone('crashed');
    expect(contents.reloads).toBe(1);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('crashed, exit code 11'));
    expect(recovery.take()).toEqual({ crash: { reason: 'crashed', conversationId: 'chat-1' }, plainText: ['chat-1'] });
  });

  it.each(['killed', 'oom', 'abnormal-exit', 'launch-failed', 'memory-eviction'] as const)(
    'reloads after %s too',
    (reason) => {
      const { contents } = setup();
      contents.gone(reason);
      expect(contents.reloads).toBe(1);
    },
  );

  it('leaves a clean exit alone, and a window already destroyed', () => {
    const { contents, recovery } = setup();
    contents.gone('clean-exit');
    contents.destroyed = true;
    contents.gone('crashed');
    expect(contents.reloads).toBe(0);
    expect(recovery.take().crash).toBeNull();
  });

  it('watches windows only, not other web contents', () => {
    const { contents } = setup('webview');
    expect(contents.listeners).toEqual([]);
  });

  it(`stops reloading after ${RELOAD_LIMIT.count} crashes within a minute and shows a static page`, () => {
    const { contents, log } = setup();
    for (let i = 0; i < RELOAD_LIMIT.count; i++) contents.gone('crashed');
    expect(contents.reloads).toBe(RELOAD_LIMIT.count);
    expect(contents.loaded).toEqual([]);
    contents.gone('crashed');
    expect(contents.reloads).toBe(RELOAD_LIMIT.count);
    expect(contents.loaded).toEqual([stoppedPage(RELOAD_LIMIT.count + 1)]);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('not reloading'));
    // Stopped is stopped: no reload loop through the static page either.
    contents.gone('crashed');
    expect(contents.reloads).toBe(RELOAD_LIMIT.count);
    expect(contents.loaded).toHaveLength(1);
  });

  it('counts only the crashes of the last minute', () => {
    const { contents, advance } = setup();
    for (let i = 0; i < 10; i++) {
      contents.gone('crashed');
      advance(RELOAD_LIMIT.withinMs / RELOAD_LIMIT.count);
    }
    expect(contents.reloads).toBe(10);
    expect(contents.loaded).toEqual([]);
  });
});

describe('stoppedPage', () => {
  it('is a page with no script, nothing to load, and a style only its hash admits', () => {
    const html = decodeURIComponent(stoppedPage(4).replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(html).not.toMatch(/<script|src=|href=|unsafe-inline/i);
    expect(html).toContain("default-src 'none'; style-src 'sha256-");
    expect(html).toContain('Your chats are saved');
  });

  it('speaks the language of the settings, right to left for Arabic', () => {
    const html = (language: 'ja' | 'ar') =>
      decodeURIComponent(stoppedPage(4, language).replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(html('ja')).toContain('<html lang="ja" dir="ltr">');
    expect(html('ja')).toContain('<h1>ウィンドウが何度も停止しています</h1>');
    expect(html('ar')).toContain('<html lang="ar" dir="rtl">');
    expect(html('ar')).toMatch(/<p>[^<]*\p{Script=Arabic}[^<]*4[^<]*<\/p>/u);
  });
});
