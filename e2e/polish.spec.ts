import type { Page } from '@playwright/test';
import { BILLING_URL, type Conversation } from '../src/shared/domain';
import { PNG_BASE64 } from '../test/images';
import { msg } from '../test/thread-message';
import { ask, expect, test, type AppFixture } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

const png = { name: 'red.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BASE64, 'base64') };
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const reply = (page: Page) => page.locator('.message--assistant').last();

/** Presses Tab (or Shift+Tab) until focus is inside `within`, as a keyboard user would; fails after `most` steps. */
async function tabInto(page: Page, within: string, key = 'Shift+Tab', most = 20) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((sel) => !!document.activeElement?.closest(sel), within)) return;
  }
  throw new Error(`focus never reached ${within}`);
}

test('an image alone can be sent, and goes as an image-only user turn', async ({ app }) => {
  const { page, server } = app;
  const send = page.getByRole('button', { name: 'Send' });
  await expect(send).toBeDisabled();
  await expect(send).toHaveAttribute('title', 'Type a message or attach an image to send');
  await page.getByLabel('Choose images').setInputFiles([png]);
  await expect(send).toBeEnabled();
  await composer(page).press('Enter');
  await expect(reply(page)).toHaveAttribute('data-status', 'done');
  const body = server.chatRequests().at(-1)!.body as { messages: { role: string; content: unknown }[] };
  expect(body.messages.at(-1)).toEqual({
    role: 'user',
    content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } }],
  });
  const sent = page.locator('.message--user');
  await expect(sent.getByRole('img', { name: 'red.png' })).toBeVisible();
  await expect(sent.locator('.message__bubble')).toHaveCount(0);
  // Nothing to copy from an image-only message, and the chat is named for what was sent.
  await expect(sent.getByRole('button', { name: 'Copy' })).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Image' }),
  ).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`message actions are icon buttons that appear on hover and on keyboard focus (${scheme})`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await ask(page, 'Hello');
    await page.mouse.move(0, 0);
    const actions = reply(page).getByRole('group', { name: 'Message actions' });
    const regenerate = actions.getByRole('button', { name: 'Regenerate' });
    await expect(regenerate).toHaveCSS('opacity', '0');
    // Keyboard alone: back from the composer into the reply's actions.
    await composer(page).focus();
    await tabInto(page, '.message--assistant .message-actions');
    await expect(regenerate).toHaveCSS('opacity', '1');
    for (const button of await actions.getByRole('button').all()) {
      const name = await button.getAttribute('aria-label');
      expect(name).toBeTruthy();
      await expect(button).toHaveAttribute('title', name!);
    }
    await expect(actions.getByRole('button')).toHaveText(['', '', '']); // icons, not words
    await expect(actions.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await page.mouse.move(0, 0);
    await page.keyboard.press('Tab'); // out of the actions, and they hide again
    await composer(page).focus();
    await expect(regenerate).toHaveCSS('opacity', '0');
    await reply(page).hover();
    await expect(regenerate).toHaveCSS('opacity', '1');
    await page.screenshot({ path: `e2e/output/polish-actions-${scheme}.png` });
    await expectAxeClean(page);
  });
}

test('each reply state offers exactly one of Retry or Regenerate, and no Copy without text', async ({ app }) => {
  const { page, server } = app;
  server.next({ kind: 'json', status: 500, body: { error: { message: 'Internal server error' } } });
  await ask(page, 'Fail please', { until: 'error' });
  await expect(reply(page).getByRole('button', { name: 'Retry' })).toHaveCount(1);
  await expect(reply(page).getByRole('button', { name: 'Regenerate' })).toHaveCount(0);
  await expect(reply(page).getByRole('button', { name: 'Copy' })).toHaveCount(0);
  // A failed reply's actions stay in view: Retry is what the user needs next.
  await page.mouse.move(0, 0);
  await expect(reply(page).getByRole('button', { name: 'Retry' })).toHaveCSS('opacity', '1');

  server.next({ kind: 'stream', chunks: ['Half a'], hang: true });
  await composer(page).fill('Stop me');
  await composer(page).press('Enter');
  await expect(reply(page).locator('.message__content')).toHaveText('Half a');
  await page.keyboard.press('Escape');
  await expect(reply(page)).toHaveAttribute('data-status', 'stopped');
  await expect(reply(page).getByRole('button', { name: 'Retry' })).toHaveCount(1);
  await expect(reply(page).getByRole('button', { name: 'Regenerate' })).toHaveCount(0);
  await expect(reply(page).getByRole('button', { name: 'Copy' })).toHaveCount(1);

  server.next({ kind: 'stream', chunks: [] });
  await ask(page, 'Say nothing');
  await expect(reply(page).getByRole('button', { name: 'Regenerate' })).toHaveCount(1);
  await expect(reply(page).getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(reply(page).getByRole('button', { name: 'Copy' })).toHaveCount(0);
});

test('out of credits, the notice opens the billing page through main, by keyboard', async ({ app }) => {
  const { page, server } = app;
  server.next({ kind: 'json', status: 402, body: { status: 'error', message: 'Insufficient credits in wallet' } });
  await ask(page, 'Hello', { until: 'error' });
  const topUp = reply(page).getByRole('alert').getByRole('button', { name: 'Top up credits' });
  await composer(page).focus();
  await tabInto(page, '.error-notice');
  await expect(topUp).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => app.opened).toEqual([BILLING_URL]);
});

test('a connection dropped before any text is told in plain words', async ({ app }) => {
  const { page, server } = app;
  server.next({ kind: 'stream', chunks: [], then: { drop: true } });
  await ask(page, 'Hello', { until: 'error' });
  const alert = reply(page).getByRole('alert');
  await expect(alert).toBeVisible();
  const text = (await alert.innerText()).toLowerCase();
  for (const jargon of ['terminated', 'econnreset', 'fetch failed', 'other side closed', 'und_err']) {
    expect(text).not.toContain(jargon);
  }
});

test.describe('without a key', () => {
  test.use({ keySource: 'none' });

  test('a refused key, shown beside the key form, does not send the user to Settings', async ({ app }) => {
    const { page } = app;
    app.secrets.push('wrong-key-1234567890');
    await page.getByLabel('ModelsLab API key').fill('wrong-key-1234567890');
    await page.getByRole('button', { name: 'Test' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Invalid API key (401)' });
    await expect(status).toContainText('did not accept the API key');
    await expect(status).not.toContainText('Settings');
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a vision warning is an info notice, not an error (${scheme})`, async ({ app }) => {
    const { page, server } = app;
    await page.emulateMedia({ colorScheme: scheme });
    server.next({ kind: 'json', status: 500, body: { error: { message: 'Internal server error' } } });
    await ask(page, 'Fail please', { until: 'error' });
    await page.getByRole('combobox', { name: 'Model' }).fill('meta-llama-3-8B-instruct');
    await page.getByLabel('Choose images').setInputFiles([png]);
    const warning = page.locator('.composer__warning');
    await expect(warning).toBeVisible();
    await expect(warning.locator('svg')).toHaveCount(1);
    const colours = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const style = getComputedStyle(el);
          return [style.backgroundColor, style.borderTopColor];
        });
    const [infoBg, infoBorder] = await colours('.composer__warning');
    const [errorBg, errorBorder] = await colours('.error-notice');
    expect(infoBg).not.toBe(errorBg);
    expect(infoBorder).not.toBe(errorBorder);
    await page.screenshot({ path: `e2e/output/polish-notices-${scheme}.png` });
    await expectAxeClean(page);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`Settings is a list of pages, walked by keyboard alone (${scheme})`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await expect(composer(page)).toBeFocused();
    await page.keyboard.press('Control+,');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const tabs = dialog.getByRole('tablist', { name: 'Settings pages' }).getByRole('tab');
    await expect(tabs).toHaveText(['General', 'Connection', 'Models & defaults', 'Data', 'Updates', 'About']);
    await expect(dialog.getByRole('tab', { name: 'General' })).toHaveAttribute('aria-selected', 'true');
    await tabInto(page, '[role="tablist"]', 'Tab');
    await expect(dialog.getByRole('tab', { name: 'General' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('tab', { name: 'Connection' })).toBeFocused();
    await expect(dialog.getByRole('tabpanel', { name: 'Connection' }).getByLabel('Base URL')).toBeVisible();
    await page.screenshot({ path: `e2e/output/polish-settings-${scheme}.png` });
    await expectAxeClean(page);
    await page.keyboard.press('End');
    await expect(dialog.getByRole('tabpanel', { name: 'About' })).toContainText('Version');
    await page.keyboard.press('ArrowDown'); // wraps round
    await expect(dialog.getByRole('tab', { name: 'General' })).toBeFocused();
    await page.keyboard.press('Tab'); // into the page
    await expect(dialog.getByRole('combobox', { name: 'Theme' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(dialog.getByRole('tab', { name: 'Updates' })).toBeFocused();
    await expect(dialog.getByRole('checkbox', { name: /Check for updates/ })).toBeVisible();
    await page.setViewportSize({ width: 640, height: 480 });
    await expect(dialog.getByRole('tab', { name: 'About' })).toBeInViewport();
    await page.screenshot({ path: `e2e/output/polish-settings-${scheme}-640.png` });
  });
}

test.describe('a sidebar with history', () => {
  test.beforeEach(({ mode }) =>
    test.skip(mode === 'electron', 'chats of past dates are seeded through the web harness'),
  );

  const DAY = 24 * 3600 * 1000;
  const LONG = 'A very long title that the sidebar cannot show in full, about Lisbon trams and their routes';

  async function seed(app: Pick<AppFixture, 'web'>) {
    const { history } = app.web!.services;
    const base = history.createConversation({ title: 'seed', model: 'm', params: {}, systemPrompt: '' });
    history.deleteConversation(base.id);
    const midday = new Date();
    midday.setHours(12, 0, 0, 0);
    const at = (daysAgo: number) => midday.getTime() - daysAgo * DAY;
    const chat = (id: string, title: string, time: number, pinned = false): Conversation => ({
      ...base,
      id,
      title,
      pinned,
      createdAt: time,
      updatedAt: time,
    });
    const question = msg('user', '## Trams\n\n```python\nprint("tram 28")\n```\n\n- **Tram** 28 goes up the hill', {
      id: 'm-week',
      conversationId: 'c-week',
      tokens: null,
      createdAt: at(4),
      updatedAt: at(4),
    });
    history.merge(
      [
        chat('c-pinned', 'Pinned plan', at(90), true),
        chat('c-today', LONG, Math.min(Date.now(), at(0))),
        chat('c-yesterday', 'Yesterday’s chat', at(1)),
        chat('c-week', 'Earlier this week', at(4)),
        chat('c-month', 'Earlier this month', at(20)),
        chat('c-old', 'Long ago', at(120)),
      ].map((conversation) => ({ conversation, messages: conversation.id === 'c-week' ? [question] : [] })),
    );
    await app.web!.restart();
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`chats are grouped by date, with full titles on hover and unclipped focus (${scheme})`, async ({ app }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      await seed(app);
      const sidebar = page.getByRole('navigation', { name: 'Conversations' });
      const old = new Date(Date.now() - 120 * DAY).toLocaleDateString('en-US', { month: 'long', year: 'numeric' });
      await expect(sidebar.getByRole('heading')).toHaveText([
        'Pinned',
        'Today',
        'Yesterday',
        'Previous 7 days',
        'Previous 30 days',
        old,
      ]);
      const long = sidebar.getByRole('button', { name: LONG });
      await expect(long).toHaveAttribute('title', LONG);
      // Keyboard: into the list; the ring around the focused row lies inside the list's scrolling box.
      await sidebar.getByRole('button', { name: 'Search chats' }).focus();
      await tabInto(page, '.sidebar__list', 'Tab');
      const fits = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const list = el.closest('.sidebar__list')!.getBoundingClientRect();
        const style = getComputedStyle(el);
        const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
        const box = el.getBoundingClientRect();
        return (
          style.outlineStyle !== 'none' &&
          box.left - reach >= list.left &&
          box.right + reach <= list.right &&
          box.top - reach >= list.top
        );
      });
      expect(fits).toBe(true);
      await page.screenshot({ path: `e2e/output/polish-sidebar-${scheme}.png` });
      await expectAxeClean(page);
    });
  }

  test('search previews read as plain text, without Markdown markers', async ({ app }) => {
    const { page } = app;
    await seed(app);
    await expect(page.getByRole('button', { name: 'Earlier this week' })).toBeVisible();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search chats' });
    await dialog.getByRole('searchbox').fill('tram');
    const snippet = dialog.locator('.search-hit__snippet').first();
    await expect(snippet).toContainText('Trams');
    const text = await snippet.innerText();
    for (const marker of ['```', '##', '**', '- ']) expect(text).not.toContain(marker);
    await expect(snippet.locator('mark').first()).toHaveText(/tram/i);
  });
});
