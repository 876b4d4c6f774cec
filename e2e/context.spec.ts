import type { Page } from '@playwright/test';
import { tokenCounter } from '../src/main/chat/token-count';
import { PNG_BASE64 } from '../test/images';
import { requestedTokens } from '../test/strict-thread';
import { ask, expect, test } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const lastReply = (page: Page) => page.locator('.message--assistant').last();
const list = (page: Page) => page.locator('.message-list');
const png = { name: 'red.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BASE64, 'base64') };

/** The image parts of every chat request so far. */
function imagesSent(app: { server: { chatRequests(): { body: unknown }[] } }): number[] {
  return app.server.chatRequests().map((r) => {
    const messages = (r.body as { messages: { content: unknown }[] }).messages;
    return messages.flatMap((m) => (Array.isArray(m.content) ? m.content : [])).filter((p) => p.type === 'image_url')
      .length;
  });
}

test.beforeEach(({ mode }) =>
  test.skip(mode === 'electron', 'seeds history and scripts the server through the web harness'),
);

test('a 300-turn conversation against a 4,096-token model keeps working, and shows where the context starts', async ({
  app,
}) => {
  const { page, server, web } = app;
  server.contextTokens = 4096;
  const history = web!.services.history;
  const model = 'meta-llama-3-8B-instruct';
  const chat = history.createConversation({ title: 'A very long chat', model, params: {}, systemPrompt: '' });
  let parentId: string | null = null;
  for (let i = 0; i < 600; i++) {
    const role = i % 2 ? 'assistant' : 'user';
    // Now and then a reply that failed, as a long-lived chat has them.
    const status = i % 2 && i % 37 === 1 ? 'error' : 'done';
    const content = `${role === 'user' ? 'Question' : 'Answer'} ${i >> 1}: ${'the quick brown fox jumps over the lazy dog '.repeat(3 + (i % 7))}`;
    parentId = history.addMessage({ conversationId: chat.id, parentId, role, content, status, model: null }).id;
  }
  history.updateConversation(chat.id, { leafId: parentId });
  await page.reload();
  await page.getByRole('button', { name: 'A very long chat' }).click();
  await expect(page.locator('.message--user').last()).toContainText('Question 299');

  // This server serves the model with half the context the app knows it for: the user says so.
  await page.getByRole('button', { name: 'Parameters' }).click();
  await page.getByRole('spinbutton', { name: 'Context length' }).fill('4096');
  await page.getByRole('button', { name: 'Close parameters' }).click();
  await expect(page.locator('.context-meter')).toContainText('/ 3,096 tokens');

  for (let i = 0; i < 4; i++) await ask(page, `Follow-up number ${i}: what did we say?`);
  const count = await tokenCounter();
  for (const request of server.chatRequests()) {
    const body = request.body as Parameters<typeof requestedTokens>[0];
    expect(requestedTokens(body, count)).toBeLessThanOrEqual(4096);
    expect(body.messages.length).toBeGreaterThan(6);
  }
  expect(server.chatRequests()).toHaveLength(4);

  // Scrolled up, the thread says where the sent context starts.
  const marker = page.getByRole('note').filter({ hasText: /\d+ earlier messages are not sent/ });
  for (let i = 0; i < 40 && !(await marker.isVisible()); i++) {
    await list(page).evaluate((el) => (el.scrollTop -= 500));
  }
  await expect(marker).toBeVisible();
  const notSent = Number((await marker.textContent())!.match(/[\d,]+/)![0].replace(',', ''));
  expect(notSent).toBeGreaterThan(550);
  await page.screenshot({ path: 'e2e/output/context-start.png' });
});

test('an image goes with its own turn only, unless the user keeps sending it', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Choose images').setInputFiles([png]);
  await expect(page.getByText('Images go with this message only')).toBeVisible();
  await ask(page, 'What colour is this?');
  await ask(page, 'Are you sure?');
  await ask(page, 'Thanks');
  expect(imagesSent(app)).toEqual([1, 0, 0]);
  const first = page.locator('.message--user').first();
  await expect(first).toContainText('Images sent with this turn only');
  await first.getByRole('button', { name: 'Keep sending' }).click();
  await expect(first).toContainText('Images sent with every message');
  await ask(page, 'Look again');
  expect(imagesSent(app)).toEqual([1, 0, 0, 1]);
});

test('a reply cut at max tokens says so; Continue completes it, or raises the limit first', async ({ app }) => {
  const { page, server } = app;
  server.next({ kind: 'stream', chunks: ['Once upon ', 'a time'], finish: 'length', usage: true });
  await ask(page, 'Tell me a story');
  const reply = lastReply(page);
  const notice = reply.getByRole('status').filter({ hasText: 'Cut at the max-tokens limit' });
  await expect(notice).toContainText('Cut at the max-tokens limit (2)');
  await page.screenshot({ path: 'e2e/output/cut-at-limit.png' });

  server.next({ kind: 'stream', chunks: [' there was', ' a'], finish: 'length' });
  await reply.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(reply.locator('.message__content')).toHaveText('Once upon a time there was a');
  await expect(reply).toHaveAttribute('data-status', 'done');

  server.next({ kind: 'stream', chunks: [' cat.'] });
  await reply.getByRole('button', { name: 'Raise the limit and continue' }).click();
  await expect(reply.locator('.message__content')).toHaveText('Once upon a time there was a cat.');
  await expect(notice).toHaveCount(0);
  const [, continued, raised] = server
    .chatRequests()
    .map((r) => r.body as { max_tokens?: number; messages: unknown[] });
  expect(continued!.max_tokens).toBeUndefined();
  expect(raised!.max_tokens).toBe(2000);
  expect(raised!.messages.at(-1)).toEqual({ role: 'assistant', content: 'Once upon a time there was a' });
});

test('a content filter has its own notice', async ({ app }) => {
  app.server.next({ kind: 'stream', chunks: ['I can'], finish: 'content_filter' });
  await ask(app.page, 'Something');
  await expect(lastReply(app.page).getByRole('status')).toHaveText(/content filter/);
});

test('a strict server accepts every request after a 503, a stop before any text, an error mid-stream and a drop', async ({
  app,
}) => {
  const { page, server } = app;
  server.next({ kind: 'json', status: 503, body: { status: 'error', message: 'Service unavailable' } });
  await ask(page, 'One', { until: 'error' });
  await ask(page, 'Two');

  server.next({ kind: 'stream', chunks: [], hang: true });
  await composer(page).fill('Three');
  await composer(page).press('Enter');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(lastReply(page)).toHaveAttribute('data-status', 'stopped');
  await ask(page, 'Four');

  server.next({ kind: 'stream', chunks: ['Half ', 'of it'], then: { errorEvent: { error: { message: 'Upstream' } } } });
  await ask(page, 'Five', { until: 'error' });
  await ask(page, 'Six');

  server.next({ kind: 'stream', chunks: ['The answer ', 'is'], then: { drop: true } });
  await ask(page, 'Seven', { until: 'error' });
  server.next({ kind: 'stream', chunks: [' forty-two.'] });
  await lastReply(page).getByRole('button', { name: 'Continue' }).click();
  await expect(lastReply(page).locator('.message__content')).toHaveText('The answer is forty-two.');
  await ask(page, 'Eight');

  const roles = server
    .chatRequests()
    .map((r) => (r.body as { messages: { role: string }[] }).messages.map((m) => m.role));
  expect(roles.at(-1)).toEqual([
    'user',
    'assistant',
    'user',
    'assistant',
    'user',
    'assistant',
    'user',
    'assistant',
    'user',
  ]);
  expect((server.chatRequests()[1]!.body as { messages: unknown[] }).messages).toEqual([
    { role: 'user', content: 'One\n\nTwo' },
  ]);
});

test('usage appears when the server sends it only on request, with the chat’s totals', async ({ app }) => {
  const { page, server } = app;
  server.usageOnRequest = true;
  await ask(page, 'Count my tokens');
  await ask(page, 'And again');
  await lastReply(page).getByRole('button', { name: 'Reply details' }).click();
  const facts = lastReply(page).locator('.reply-facts__text');
  await expect(facts).toContainText(/12 tokens in · \d+ out/);
  await expect(facts).toContainText(/this chat: 24 in · \d+ out/);
});

test('after a 429, Retry counts down the wait the server asked for', async ({ app }) => {
  const { page, server } = app;
  server.next({ kind: 'json', status: 429, body: { error: { message: 'Too many requests', retry_after: 3 } } });
  await ask(page, 'Hello', { until: 'error' });
  const retry = lastReply(page).getByRole('button', { name: /^Retry/ });
  await expect(retry).toHaveText(/Retry in [23] s/);
  await expect(retry).toBeDisabled();
  await page.screenshot({ path: 'e2e/output/retry-countdown.png' });
  await expect(retry).toHaveText('Retry', { timeout: 5000 });
  await retry.click();
  await expect(lastReply(page)).toHaveAttribute('data-status', 'done');
  expect(server.chatRequests()).toHaveLength(2);
});

test('with the setting on, a rate-limited reply is retried once by itself when the wait is over', async ({ app }) => {
  const { page, server } = app;
  await expect(composer(page)).toBeFocused();
  await page.keyboard.press('Control+,');
  await page.getByRole('checkbox', { name: /retry once by itself/ }).check();
  await expect.poll(() => app.web!.services.settings.get().values.autoRetry).toBe(true);
  await page.keyboard.press('Escape');
  server.next({ kind: 'json', status: 429, body: { error: { message: 'Too many requests', retry_after: 1 } } });
  await ask(page, 'Hello', { until: 'error' });
  await expect(lastReply(page)).toHaveAttribute('data-status', 'done', { timeout: 5000 });
  expect(server.chatRequests()).toHaveLength(2);
});

test.describe('with model-made titles', () => {
  test.use({ autoTitle: true });

  test('a new chat is named by the model after its first reply', async ({ app }) => {
    const { page, server } = app;
    server.next({ kind: 'stream', chunks: ['About five ', 'metres.'] }, { kind: 'stream', chunks: ['Giraffe height'] });
    await ask(page, 'How tall is a giraffe, roughly, in metres?');
    await expect(page.locator('.chat__title')).toHaveText('Giraffe height');
    const sidebar = page.getByRole('navigation', { name: 'Conversations' });
    await expect(sidebar.getByRole('button', { name: 'Giraffe height' })).toBeVisible();
  });
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [width, height] of [
    [640, 480],
    [1280, 820],
  ] as const) {
    test(`screenshot: the context budget at ${width}×${height}, ${scheme}`, async ({ app }) => {
      const { page, server } = app;
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await page.getByLabel('Choose images').setInputFiles([png]);
      await ask(page, 'What colour is this?');
      server.next({ kind: 'stream', chunks: ['It is red, ', 'a bright'], finish: 'length', usage: true });
      await ask(page, 'Describe it at length');
      await composer(page).fill('A message being typed, long enough to move the meter a little.');
      // Once the reply is in, the image is no longer part of what the next message would send.
      await expect(page.locator('.context-meter')).toHaveText(/^≈\d{2,3} \//);
      await page.screenshot({ path: `e2e/output/context-${scheme}-${width}.png` });
    });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the context fields and the chats settings look right and pass axe, ${scheme}`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await ask(page, 'Hello');
    await page.getByRole('button', { name: 'Parameters' }).click();
    await page.getByRole('radio', { name: 'The last' }).check();
    await page.getByRole('spinbutton', { name: 'Number of messages sent' }).fill('12');
    await expect(page.getByText('Empty: 32,768, known for this model.')).toBeVisible();
    await page.locator('.context-fields').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/output/context-fields-${scheme}.png` });
    await expectAxeClean(page);
    await page.keyboard.press('Control+,');
    await page.getByRole('tab', { name: 'Models & defaults' }).click();
    await expect(page.getByRole('heading', { name: 'Chat titles' })).toBeVisible();
    await page.screenshot({ path: `e2e/output/settings-chats-${scheme}.png` });
    await expectAxeClean(page);
  });
}
