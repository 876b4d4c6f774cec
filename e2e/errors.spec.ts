import type { Behaviour } from '../test/modelslab-server';
import { expect, test } from './fixtures/test';

const cases: { name: string; behaviour: Behaviour; title: string; text: RegExp; partial?: string }[] = [
  {
    name: '401 invalid key',
    behaviour: { kind: 'json', status: 401, body: { error: { message: 'Invalid API key', type: 'auth' } } },
    title: 'Invalid API key (401)',
    text: /did not accept the API key/,
  },
  {
    name: '402 insufficient credits',
    behaviour: { kind: 'json', status: 402, body: { status: 'error', message: 'Insufficient credits in wallet' } },
    title: 'Insufficient credits (402)',
    text: /out of credits.*Insufficient credits in wallet/s,
  },
  {
    name: '429 rate limit',
    behaviour: { kind: 'json', status: 429, body: { error: { message: 'Too many requests', retry_after: 20 } } },
    title: 'Too many requests at once (429)',
    text: /Try again in 20 s/,
  },
  {
    name: '500 server error',
    behaviour: { kind: 'json', status: 500, body: { error: { message: 'Internal server error' } } },
    title: 'ModelsLab had a server error (500)',
    text: /Try again in a moment/,
  },
  {
    name: '503 unavailable',
    behaviour: { kind: 'json', status: 503, body: { status: 'error', message: 'Service unavailable' } },
    title: 'ModelsLab had a server error (503)',
    text: /Service unavailable/,
  },
  {
    name: 'an error on HTTP 200',
    behaviour: { kind: 'json', status: 200, body: { status: 'error', message: 'Model is loading' } },
    title: 'ModelsLab reported an error',
    text: /Model is loading/,
  },
  {
    name: 'an error event mid-stream',
    behaviour: {
      kind: 'stream',
      chunks: ['The first ', 'half'],
      then: { errorEvent: { error: { message: 'Upstream timeout' } } },
    },
    title: 'ModelsLab reported an error',
    text: /Upstream timeout/,
    partial: 'The first half',
  },
  {
    name: 'a dropped connection',
    behaviour: { kind: 'stream', chunks: ['The first ', 'half'], then: { drop: true } },
    title: 'The connection dropped mid-reply',
    text: /text that arrived is kept/,
    partial: 'The first half',
  },
  {
    name: 'a malformed chunk',
    behaviour: { kind: 'stream', chunks: ['The first ', 'half'], then: { malformed: true } },
    title: 'Unreadable reply from the server',
    text: /text that arrived is kept/,
    partial: 'The first half',
  },
];

for (const c of cases) {
  test(`${c.name} shows its own message and the app stays usable`, async ({ app }) => {
    app.server.next(c.behaviour);
    const input = app.page.getByRole('textbox', { name: 'Message' });
    await input.fill('Hello');
    await input.press('Enter');
    const reply = app.page.locator('.message--assistant').first();
    await expect(reply).toHaveAttribute('data-status', 'error');
    const alert = reply.getByRole('alert');
    await expect(alert.locator('.error-notice__title')).toHaveText(c.title);
    await expect(alert).toContainText(c.text);
    if (c.partial) await expect(reply.locator('.message__content')).toHaveText(c.partial);

    await input.fill('Again');
    await input.press('Enter');
    await expect(app.page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');
    await expect(reply.getByRole('alert')).toBeVisible();
  });
}

test.describe('without a key', () => {
  test.use({ keySource: 'none' });

  test('the app says so plainly and sends nothing', async ({ app }) => {
    await expect(app.page.getByRole('heading', { name: 'Welcome to ModelsLab Chat' })).toBeVisible();
    await expect(app.page.getByText('needs your ModelsLab API key')).toBeVisible();
    await expect(app.page.getByRole('textbox', { name: 'Message' })).toBeHidden();
    await expect(app.page.getByRole('button', { name: /No API key/ })).toBeVisible();
    expect(app.server.requests).toEqual([]);
  });
});
