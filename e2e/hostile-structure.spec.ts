import type { Page } from '@playwright/test';
import { HOSTILE_STRUCTURE } from './fixtures/hostile-structure';
import { expect, test } from './fixtures/test';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const openChat = (page: Page, title: string) =>
  sidebar(page).locator('.conv-row').filter({ hasText: title }).getByRole('button', { name: title }).click();
const lastReply = (page: Page) => page.locator('.message--assistant').last();

/** The payload split into about 40 pieces, so half-written states of it are rendered on the way too. */
function pieces(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 40));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

test('every reply of the hostile-structure corpus leaves the window usable, streamed and reopened', async ({ app }) => {
  test.setTimeout(600_000);
  const { page, server } = app;
  const faults: string[] = [];
  page.on('crash', () => faults.push('the renderer crashed'));
  page.on('pageerror', (error) => faults.push(`uncaught: ${error.message}`));
  const composer = page.getByRole('textbox', { name: 'Message' });
  const send = async (text: string) => {
    await composer.fill(text);
    await composer.press('Enter');
    await expect(page.locator('.message--user .message__content').last()).toHaveText(text);
    await expect(lastReply(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  };
  await send('A first, ordinary chat');

  for (const [n, payload] of HOSTILE_STRUCTURE.entries()) {
    const title = `hostile ${n}`;
    const where = `payload ${n}: ${payload.name}`;
    await page.getByRole('button', { name: 'New chat' }).click();
    server.next({ kind: 'stream', chunks: pieces(payload.text), delayMs: 1 });
    await send(title);
    const check = async () => {
      const content = lastReply(page).locator('.message__content');
      await expect(content, where).toBeVisible();
      if (payload.shows === 'plain') await expect(content.locator('.md-plain').first(), where).toBeVisible();
      if (payload.shows === 'formatted') {
        await expect(content.locator('.md-plain'), where).toHaveCount(0);
        await expect(content.locator('.katex').first(), where).toBeVisible();
      }
    };
    await check();

    // Reopened from the sidebar, by way of the chat before it, it shows again the same way.
    const before = n === 0 ? 'A first, ordinary chat' : `hostile ${n - 1}`;
    await openChat(page, before);
    await expect(page.locator('.chat__title')).toHaveText(before);
    await openChat(page, title);
    await expect(page.locator('.chat__title')).toHaveText(title);
    await expect(lastReply(page)).toHaveAttribute('data-status', 'done');
    await check();

    // And the composer still types and sends in it.
    await send(`still here after ${n}`);
    await expect(lastReply(page).locator('.message__content')).toContainText(`still here after ${n}`);
    expect(faults, where).toEqual([]);
  }
  console.log(
    `hostile-structure corpus: ${HOSTILE_STRUCTURE.length} replies streamed and reopened; ` +
      `the window stayed usable after every one`,
  );
});
