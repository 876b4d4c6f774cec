import type { Browser, Page } from '@playwright/test';
import { loadavg } from 'node:os';
import type { ChatEvent } from '../../src/shared/contract';
import type { ServiceDeps } from '../../src/main/services';
import { WebApp } from '../fixtures/web-app';
import { PROBES } from './probes';

/** One app in its own browser context, with the probes installed and every event main sends timed. */
export async function openApp(
  browser: Browser,
  server: { baseUrl: string; apiKey: string },
  deps: Partial<ServiceDeps> = {},
  /** A page of the caller's, already set up; by default, a new one in a new context. */
  own?: Page,
) {
  const context = own ? null : await browser.newContext({ viewport: { width: 1200, height: 780 } });
  const page = own ?? (await context!.newPage());
  await page.addInitScript(PROBES);
  const web = new WebApp(page);
  /** When main sent each chat event (epoch ms). */
  const sent: { event: ChatEvent; at: number }[] = [];
  const push = web.toRenderer.push.bind(web.toRenderer);
  web.toRenderer.push = (...items: unknown[]) => {
    for (const item of items) if ((item as ChatEvent)?.type) sent.push({ event: item as ChatEvent, at: Date.now() });
    return push(...items);
  };
  await web.start({ env: { MODELSLAB_BASE_URL: server.baseUrl, MODELSLAB_API_KEY: server.apiKey }, ...deps });
  const close = async () => {
    web.stop();
    await context?.close();
  };
  return { page, web, sent, close };
}

/** Types a message and presses Enter. */
export async function ask(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

/** Waits for main to end the `n`th reply, checking twice a second (Playwright's own polling would be measured). */
export async function ended(sent: { event: ChatEvent }[], n: number, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (sent.filter((s) => s.event.type === 'end').length < n) {
    if (Date.now() > deadline) throw new Error('the reply did not end in time');
    await new Promise((r) => setTimeout(r, 500));
  }
}

export const load = () => loadavg()[0]!;
