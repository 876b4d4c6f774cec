import type { Page } from '@playwright/test';
import { RELOAD_LIMIT } from '../src/main/desktop/renderer-watch';
import { chunked } from '../test/modelslab-server';
import { ask, expect, test, type AppFixture } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

const SIZES = { small: { width: 640, height: 480 }, large: { width: 1600, height: 1000 } };

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const openChat = (page: Page, title: string) =>
  sidebar(page).locator('.conv-row').filter({ hasText: title }).getByRole('button', { name: title }).click();
const lastReply = (page: Page) => page.locator('.message--assistant').last();
const notice = (page: Page) => page.getByRole('status', { name: 'Recovered' });

/** Asks with the reply scripted (when given), and waits until the question shows and the reply is done. */
async function askFor(app: AppFixture, prompt: string, reply?: string) {
  if (reply) app.server.next({ kind: 'stream', chunks: chunked(reply, 3), delayMs: 1 });
  await ask(app.page, prompt);
  await expect(app.page.locator('.message--user .message__content').last()).toHaveText(prompt);
}

/** Main hears that the renderer is gone, and reloads the page; resolves once it has loaded again. */
async function rendererGone(app: AppFixture) {
  const loaded = app.page.waitForEvent('load');
  app.web!.rendererGone('crashed');
  await loaded;
}

const RICH = 'A **bold** claim, a list:\n\n- one\n- two\n\nand `code`.';

test('after a crash the window comes back on the chat it showed, its replies as plain text until asked', async ({
  app,
}) => {
  const { page } = app;
  await askFor(app, 'The chat that crashes', RICH);
  await page.getByRole('button', { name: 'New chat' }).click();
  await askFor(app, 'Another chat', RICH);
  await openChat(page, 'The chat that crashes');
  await expect(lastReply(page).locator('strong')).toHaveText('bold');

  await rendererGone(app);
  await expect(notice(page)).toContainText('The window stopped unexpectedly and was reloaded.');
  await expect(page.locator('.chat__title')).toHaveText('The chat that crashes');
  const content = page.locator('.message--assistant').first().locator('.message__content');
  await expect(content).toHaveText(RICH);
  await expect(content.locator('strong, li, code')).toHaveCount(0);

  // The composer still sends, and the new reply is plain text too.
  await askFor(app, 'Still there?');
  await expect(lastReply(page).locator('.message__content')).not.toHaveClass(/markdown/);

  await notice(page).getByRole('button', { name: 'Show formatting' }).click();
  await expect(content.locator('strong')).toHaveText('bold');
  await expect(notice(page)).not.toContainText('plain text');
  await notice(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice(page)).toHaveCount(0);

  await openChat(page, 'Another chat');
  await expect(lastReply(page).locator('strong')).toHaveText('bold');
  await expect(notice(page)).toHaveCount(0);
});

test(`a window that crashes ${RELOAD_LIMIT.count + 1} times in a minute is not reloaded again`, async ({ app }) => {
  await askFor(app, 'A chat', RICH);
  for (let i = 0; i < RELOAD_LIMIT.count; i++) {
    await rendererGone(app);
    await expect(notice(app.page)).toBeVisible();
  }
  await rendererGone(app);
  await expect(app.page.getByRole('heading', { name: 'The window keeps stopping' })).toBeVisible();
  expect(app.page.url()).toMatch(/^data:text\/html/);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('the plain-text fallback, the crash notice and the stopped page look right', async ({ app }) => {
      const { page } = app;
      const deep =
        'Here is the structure you asked for:\n\n' + '>'.repeat(3000) + ' too deep\n\nAnd a **closing** line.';
      await askFor(app, 'Nest it', deep);
      await expect(lastReply(page).locator('.md-plain')).toBeVisible();
      for (const [name, size] of Object.entries(SIZES)) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `e2e/output/plain-fallback-${scheme}-${name}.png` });
      }

      await rendererGone(app);
      await expect(notice(page)).toBeVisible();
      for (const [name, size] of Object.entries(SIZES)) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `e2e/output/crash-notice-${scheme}-${name}.png` });
      }
      await expectAxeClean(page);

      for (let i = 0; i < RELOAD_LIMIT.count; i++) await rendererGone(app);
      await expect(page.getByRole('heading', { name: 'The window keeps stopping' })).toBeVisible();
      for (const [name, size] of Object.entries(SIZES)) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `e2e/output/stopped-${scheme}-${name}.png` });
      }
      await expectAxeClean(page);
    });
  });
}
