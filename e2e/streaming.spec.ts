import type { Page } from '@playwright/test';
import { ask, expect, test, type AppFixture } from './fixtures/test';

const list = (page: Page) => page.locator('.message-list');

function gapToBottom(page: Page): Promise<number> {
  return list(page).evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
}

/** A reply of `count` paragraphs, one every `delayMs`, that hangs at its end; returns once the view follows it. */
async function followedReply({ page, server }: AppFixture, count: number, delayMs: number) {
  const paragraphs = Array.from({ length: count }, (_, i) => `Paragraph ${i + 1} of a long answer.\n\n`);
  server.next({ kind: 'stream', chunks: paragraphs, delayMs, hang: true });
  await ask(page, 'Write a lot', { until: 'sent' });
  const reply = page.locator('.message--assistant').last();
  await expect(reply).toContainText('Paragraph 20');
  await expect.poll(() => gapToBottom(page)).toBeLessThan(4);
  return { reply, jump: page.getByRole('button', { name: 'Jump to latest' }) };
}

test('the view follows a stream only while the reader is at the bottom, and offers Jump to latest', async ({ app }) => {
  const { page } = app;
  const { reply, jump } = await followedReply(app, 80, 60);
  await expect(jump).toBeHidden();

  // The reader scrolls up: the view stays where they put it while text keeps arriving.
  await list(page).hover();
  await page.mouse.wheel(0, -600);
  await expect(jump).toBeVisible();
  const top = await list(page).evaluate((el) => el.scrollTop);
  await expect(reply).toContainText('Paragraph 40');
  expect(await list(page).evaluate((el) => el.scrollTop)).toBe(top);
  expect(await gapToBottom(page)).toBeGreaterThan(400);
  await page.screenshot({ path: 'e2e/output/jump-to-latest.png' });

  await jump.click();
  await expect(jump).toBeHidden();
  await expect(reply).toContainText('Paragraph 55');
  await expect.poll(() => gapToBottom(page)).toBeLessThan(4);
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('a jump the layout makes while the reply grows does not stop following; the reader’s own does', async ({
  app,
}) => {
  const { page } = app;
  const { reply, jump } = await followedReply(app, 200, 40);

  // As when a block above the end is laid out shorter and a burst lands before the next frame: the view is pulled
  // up and the content has grown by the time the scroll event is read, with no wheel, key or touch from the reader.
  await list(page).evaluate((el) => {
    (el as HTMLElement).style.paddingBottom = '3000px';
    el.scrollTop -= 268;
  });
  await expect(reply).toContainText('Paragraph 40');
  await expect.poll(() => gapToBottom(page)).toBeLessThan(4);
  await expect(jump).toBeHidden();
  await list(page).evaluate((el) => ((el as HTMLElement).style.paddingBottom = ''));

  // The same move with the reader's button held on the list (a scrollbar drag) is theirs: the view stays.
  const box = (await list(page).boundingBox())!;
  await page.mouse.move(box.x + box.width - 4, box.y + 40);
  await page.mouse.down();
  await list(page).evaluate((el) => (el.scrollTop -= 600));
  await expect(jump).toBeVisible();
  await page.mouse.up();
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('a long conversation keeps only the messages near the viewport in the page', async ({ app }) => {
  const { page } = app;
  for (let i = 1; i <= 16; i++) {
    app.server.next({ kind: 'stream', chunks: [`Answer ${i}.\n\n`, 'Some more text.\n\n'.repeat(4)], delayMs: 1 });
    await ask(page, `Question ${i}`, { until: 'sent' });
    await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');
  }
  await expect(page.locator('.message--assistant').last()).toContainText('Answer 16.');
  const rendered = await page.locator('.message').count();
  expect(rendered).toBeLessThan(32);
  expect(rendered).toBeGreaterThan(2);
  await expect(page.locator('.message--user').first()).not.toHaveText('Question 1');

  // Scrolled to the top, the first messages are rendered again, in order.
  await list(page).evaluate((el) => (el.scrollTop = 0));
  await expect(page.locator('.message--user .message__content').first()).toHaveText('Question 1');
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
});
