import type { Locator, Page } from '@playwright/test';
import { chunked } from '../test/modelslab-server';
import { ask, expect, test } from './fixtures/test';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const reply = (page: Page) => page.locator('.message--assistant').last();

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

test('a reply streams in token by token', async ({ app }) => {
  const words = chunked(
    'Streaming replies arrive a few words at a time so the reader never waits for the end. '.repeat(3),
    1,
  );
  app.server.next({ kind: 'stream', chunks: words, delayMs: 60, keepAlive: true, usage: true });
  await ask(app.page, 'Explain streaming', { until: 'sent' });

  await expect(app.page.locator('.message--user .message__content')).toHaveText('Explain streaming');
  const seen = new Set<number>();
  const content = reply(app.page).locator('.message__content');
  await expect(async () => {
    // Status first: once it reads done, the text read after it is the final one.
    const status = await reply(app.page).getAttribute('data-status');
    const text = (await content.textContent().catch(() => '')) ?? '';
    seen.add(text.length);
    expect(status).toBe('done');
  }).toPass({ intervals: [40], timeout: 15_000 });

  const lengths = [...seen].filter((n) => n > 0).sort((a, b) => a - b);
  const full = words.join('');
  expect(lengths.length, `intermediate lengths ${lengths.join(',')}`).toBeGreaterThanOrEqual(4);
  expect(lengths.at(-1)).toBe(full.trimEnd().length); // Markdown drops the trailing space
  await expect(content).toHaveText(full.trimEnd());
  await expect(composer(app.page)).toHaveValue('');
});

test('Stop keeps the partial text, closes the request, and never moves', async ({ app }) => {
  app.server.next({ kind: 'stream', chunks: ['Here ', 'is ', 'a ', 'partial ', 'answer'], delayMs: 40, hang: true });
  const send = app.page.getByRole('button', { name: 'Send' });
  await composer(app.page).fill('Write an essay');
  const sendBox = await box(send);
  await composer(app.page).press('Enter');

  const stop = app.page.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeVisible();
  const early = await box(stop);
  await expect(reply(app.page)).toContainText('partial answer');
  const late = await box(stop);
  expect(early).toEqual(late);
  expect(early).toEqual(sendBox);

  await stop.click();
  await expect(reply(app.page)).toHaveAttribute('data-status', 'stopped');
  await expect(reply(app.page).locator('.message__content')).toHaveText('Here is a partial answer');
  await expect(reply(app.page)).toContainText('Stopped');
  const request = app.server.chatRequests().at(-1)!;
  await request.finished;
  expect(request.closedEarly).toBe(true);
  await expect(send).toBeVisible();
});

test('Esc stops a streaming reply', async ({ app }) => {
  app.server.next({ kind: 'stream', chunks: ['Still ', 'going'], hang: true });
  await ask(app.page, 'Go on', { until: 'sent' });
  await expect(reply(app.page)).toContainText('Still going');
  await app.page.keyboard.press('Escape');
  await expect(reply(app.page)).toHaveAttribute('data-status', 'stopped');
  await expect(reply(app.page).locator('.message__content')).toHaveText('Still going');
});

test('Enter sends and Shift+Enter adds a line', async ({ app }) => {
  await composer(app.page).fill('first line');
  await composer(app.page).press('Shift+Enter');
  await composer(app.page).pressSequentially('second line');
  await expect(composer(app.page)).toHaveValue('first line\nsecond line');
  await composer(app.page).press('Enter');
  await expect(app.page.locator('.message--user .message__content')).toHaveText('first line\nsecond line');
  await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
});

test('parameters and the model id reach the server', async ({ app }) => {
  const model = app.page.getByRole('combobox', { name: 'Model' });
  await model.fill('meta-llama-3-8B-instruct');
  await app.page.getByRole('button', { name: 'Parameters' }).click();
  await app.page.getByRole('textbox', { name: 'Temperature' }).fill('0.4');
  await app.page.getByRole('textbox', { name: 'Max tokens' }).fill('256');
  await app.page.getByRole('textbox', { name: 'Top P' }).fill('7');
  await expect(app.page.getByText('Between 0 and 1')).toBeVisible();
  await app.page.getByLabel('System prompt').fill('Answer in French.');
  await ask(app.page, 'Bonjour', { until: 'sent' });
  await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
  const body = app.server.chatRequests().at(-1)!.body as Record<string, unknown>;
  expect(body).toMatchObject({ model: 'meta-llama-3-8B-instruct', temperature: 0.4, max_tokens: 256 });
  expect(body).not.toHaveProperty('top_p');
  expect((body.messages as { role: string }[])[0]).toEqual({ role: 'system', content: 'Answer in French.' });
});

test('a second message continues the same conversation', async ({ app }) => {
  await ask(app.page, 'One', { until: 'sent' });
  await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
  await ask(app.page, 'Two', { until: 'sent' });
  await expect(app.page.locator('.message--assistant')).toHaveCount(2);
  await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
  const messages = (app.server.chatRequests().at(-1)!.body as { messages: { role: string }[] }).messages;
  expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  await expect(app.page.getByRole('navigation').getByRole('button', { name: 'One' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('the model picker searches the server’s models, marks vision ones, and keeps favourites and recent ones', async ({
  app,
}) => {
  const { page } = app;
  const model = page.getByRole('combobox', { name: 'Model' });
  await expect(page.getByText('Vision', { exact: true })).toBeVisible();
  await model.focus();
  await model.press('ArrowDown');
  const list = page.getByRole('listbox', { name: 'Model list' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(3);
  await expect(options.nth(2)).toContainText('Qwen/Qwen2.5-VL-72B-Instruct-together');
  await expect(options.nth(2)).toContainText('Vision');
  await expect(options.nth(0)).toContainText('meta-llama-3-8B-instruct');
  await expect(options.nth(0)).not.toContainText('Vision');
  expect(app.server.requests.map((r) => r.path)).toEqual(['/api/v7/llm/models', '/api/v7/llm/v1/models']);

  // Words in any order narrow the list; the arrow keys and Enter choose; Ctrl+D stars the model.
  await model.fill('70 llama');
  await expect(options).toHaveCount(1);
  await model.press('ArrowDown');
  await model.press('Enter');
  await expect(model).toHaveValue('meta-llama/Llama-3.1-70B-Instruct');
  await expect(list).toBeHidden();
  await model.press('Control+d');
  await expect(page.getByRole('button', { name: 'Favourite model' })).toHaveAttribute('aria-pressed', 'true');

  // Any id may be typed; a reply asked of it lists it as recently used.
  await model.fill('my-own/custom-model-id');
  await model.press('Escape');
  await expect(page.getByText('Vision', { exact: true })).toBeHidden();
  await ask(page, 'Hi');
  await expect(reply(page)).toHaveAttribute('data-status', 'done');
  expect((app.server.chatRequests().at(-1)!.body as { model: string }).model).toBe('my-own/custom-model-id');
  await expect(reply(page).locator('.reply-model')).toHaveText('my-own/custom-model-id');
  await model.click();
  await expect(list.getByRole('group', { name: 'Favourites' })).toContainText('meta-llama/Llama-3.1-70B-Instruct');
  await expect(list.getByRole('group', { name: 'Recently used' })).toContainText('my-own/custom-model-id');
  await model.press('Escape');
  await expect(list).toBeHidden();
});

test('reply facts sit behind a toggle', async ({ app }) => {
  app.server.next({ kind: 'stream', chunks: ['One ', 'two ', 'three'], delayMs: 30, usage: true });
  await ask(app.page, 'Count', { until: 'sent' });
  await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
  const toggle = reply(app.page).getByRole('button', { name: 'Reply details' });
  await expect(reply(app.page)).not.toContainText('tokens in');
  // The model that wrote the reply shows without the toggle.
  await expect(reply(app.page).locator('.reply-model')).toHaveText('Qwen/Qwen2.5-VL-72B-Instruct-together');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(reply(app.page)).toContainText('12 tokens in · 3 out');
  await expect(reply(app.page)).toContainText(/first token after \d+ ms/);
  await expect(reply(app.page)).toContainText(/tokens\/s/);
});
