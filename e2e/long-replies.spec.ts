import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { chunked } from '../test/modelslab-server';
import type { WebApp } from './fixtures/web-app';
import { ask, expect, test } from './fixtures/test';

const reply = (page: Page) => page.locator('.message--assistant').last();

/** `count` sections of three blocks each: a heading, a paragraph and a list; `extra` adds a code block and a table. */
function sections(count: number, extra = false): string {
  const code = '```ts\n' + 'const value = compute(input); // a line of code\n'.repeat(8) + '```\n\n';
  const table = '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n';
  let text = '';
  for (let i = 1; i <= count; i++) {
    text += `## Section ${i}\n\nSome **words** about section ${i}, with \`code\`.\n\n- first point of ${i}\n- second point\n\n`;
    if (extra) text += code + table;
  }
  return text.trimEnd();
}

/** Puts a conversation with `content` as its reply into history, then starts the app again to list it. */
async function saved(web: WebApp, title: string, content: string): Promise<void> {
  const { history } = web.services;
  const c = history.createConversation({ title, model: 'test-model', params: {}, systemPrompt: '' });
  const common = { conversationId: c.id, status: 'done' as const, attachments: [] };
  const question = history.addMessage({ ...common, parentId: null, role: 'user', content: title, model: null });
  const answer = history.addMessage({ ...common, parentId: question.id, role: 'assistant', content, model: 'x' });
  history.updateConversation(c.id, { leafId: answer.id });
  await web.restart();
}

test('a long reply arriving in bursts is whole when main ends, frozen in groups, and all of it becomes Markdown', async ({
  app,
}) => {
  const text = sections(100);
  // Twenty big chunks, as a fast server and a busy main send them: hundreds of blocks per event.
  const size = Math.ceil(text.length / 20);
  const chunks = Array.from({ length: 20 }, (_, i) => text.slice(i * size, (i + 1) * size));
  app.server.next({ kind: 'stream', chunks, delayMs: 0 });
  await ask(app.page, 'A long one', { until: 'sent' });

  await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
  // The end of the reply is on screen as Markdown as soon as the reply is done.
  await expect(reply(app.page).getByRole('heading', { name: 'Section 100' })).toBeInViewport();
  await expect(reply(app.page).locator('.md-pending')).toHaveCount(0);
  await expect(reply(app.page).getByRole('heading', { level: 2 })).toHaveCount(100);
  // 300 blocks: 299 finished ones in groups of 32, and the last one on its own.
  await expect(reply(app.page).locator('.md-group')).toHaveCount(10);
  expect(await reply(app.page).locator('.message__content').textContent()).toContain('second point');
});

test('Stop: what the window shows is what was saved', async ({ app }) => {
  const words = chunked('Every word that arrives before Stop is kept and shown, and nothing else. '.repeat(40), 1);
  app.server.next({ kind: 'stream', chunks: words, delayMs: 4, hang: true });
  await ask(app.page, 'Go on and on', { until: 'sent' });
  await expect(reply(app.page)).toContainText('kept and shown');
  await app.page.getByRole('button', { name: 'Stop' }).click();
  await expect(reply(app.page)).toHaveAttribute('data-status', 'stopped');

  const id = (await reply(app.page).getAttribute('data-message-id'))!;
  const stored = app.web!.services.history.getMessage(id)!;
  expect(stored.status).toBe('stopped');
  expect(stored.content.length).toBeGreaterThan(0);
  await expect(reply(app.page).locator('.message__content')).toHaveText(stored.content.trim());
});

test('opening a chat with a long reply shows its end first, then renders the rest', async ({ app }) => {
  await saved(app.web!, 'Long saved chat', sections(60, true));
  await app.page.getByRole('button', { name: 'Long saved chat' }).click();

  await expect(reply(app.page).getByRole('heading', { name: 'Section 60' })).toBeInViewport();
  await expect(reply(app.page).locator('.md-pending')).toHaveCount(0);
  await expect(reply(app.page).getByRole('heading', { level: 2 })).toHaveCount(60);
  // Groups never laid out are sized by an estimate: reading up through the reply, the page grows or shrinks
  // by little as they are laid out, and the first section is there, as Markdown.
  const list = app.page.locator('.message-list');
  const before = await list.evaluate((el) => el.scrollHeight);
  for (let y = before; y > 0; y -= 600) await list.evaluate((el, top) => el.scrollTo({ top }), y);
  await list.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(reply(app.page).getByRole('heading', { name: 'Section 1', exact: true })).toBeInViewport();
  const after = await list.evaluate((el) => el.scrollHeight);
  expect(Math.abs(after - before) / after).toBeLessThan(0.25);
});

test('the Markdown stack loads after the conversation list has painted, and only woff2 fonts ship', async ({ app }) => {
  await app.page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.conv-row')) return;
      observer.disconnect();
      (window as unknown as { __rowAt: number }).__rowAt = performance.now();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await saved(app.web!, 'A saved chat', 'A saved reply with $x^2$ in it.');
  const loaded = await app.page.waitForFunction(() => {
    const chunk = performance.getEntriesByType('resource').find((r) => /\/Markdown-[^/]*\.js$/.test(r.name));
    const rowAt = (window as unknown as { __rowAt?: number }).__rowAt;
    return chunk && rowAt ? { chunkAt: chunk.startTime, rowAt } : null;
  });
  const { chunkAt, rowAt } = (await loaded.jsonValue())!;
  expect(chunkAt).toBeGreaterThan(rowAt);

  await app.page.getByRole('button', { name: 'A saved chat' }).click();
  await expect(reply(app.page).locator('.katex')).toBeVisible();
  const fonts = readdirSync('out/renderer/assets').filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f));
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => !f.endsWith('.woff2'))).toEqual([]);
});
