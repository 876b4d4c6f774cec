import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

/**
 * Screenshots of the main states at the smallest and the usual window size, in both themes, into
 * e2e/output/look/ (or LOOK_DIR). Two runs compared with `node scripts/compare-looks.ts <dir> <dir>` show whether a
 * change to the styles changed what the user sees. Here each state must render without an error on screen.
 */
const DIR = process.env.LOOK_DIR ?? 'e2e/output/look';
const SIZES = [
  { width: 640, height: 480 },
  { width: 1200, height: 780 },
];

async function shoot(page: Page, name: string, scheme: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Caret blinks and hover states would differ between runs.
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: `${DIR}/${name}-${scheme}-${size.width}.png`,
      caret: 'hide',
      animations: 'disabled',
    });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`main states in the ${scheme} theme`, async ({ app }) => {
    await app.page.emulateMedia({ colorScheme: scheme });
    const { page } = app;
    const input = page.getByRole('textbox', { name: 'Message' });
    await shoot(page, 'empty', scheme);

    app.server.next({ kind: 'stream', chunks: ['A **good** chat app\n\n', '- is fast\n- `keeps` history\n'] });
    await input.fill('What makes a good desktop chat app?');
    await input.press('Enter');
    await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');
    app.server.next({ kind: 'json', status: 402, body: { status: 'error', message: 'Insufficient credits' } });
    await input.fill('And one more thing?');
    await input.press('Enter');
    await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'error');
    await input.blur();
    await shoot(page, 'chat', scheme);

    const params = page.locator('.chat__header').getByRole('button', { name: 'Parameters' });
    await params.click();
    await shoot(page, 'params', scheme);
    await params.click();

    await page.keyboard.press('Control+,');
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await shoot(page, 'settings', scheme);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    const search = page.getByRole('dialog', { name: 'Search chats' });
    await search.getByRole('searchbox').fill('good');
    await expect(search.locator('.search-hit').first()).toBeVisible();
    await shoot(page, 'search', scheme);
    await page.keyboard.press('Escape');

    await expect(page.locator('.error-notice, [role="alert"]').filter({ hasText: 'went wrong' })).toHaveCount(0);
  });
}
