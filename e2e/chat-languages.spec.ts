import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

const reply = (page: Page) => page.locator('.message--assistant').last();

/** Sends a message through the composer, whatever the composer is called in the window's language. */
async function send(page: Page, name: string, text: string) {
  const box = page.getByRole('textbox', { name });
  await box.fill(text);
  await box.press('Enter');
}

test.describe('in Japanese', () => {
  test.use({ systemLocale: 'ja-JP' });

  test('the chat, its errors and its reply facts speak Japanese; a server’s English words are marked English', async ({
    app,
  }) => {
    const { page, server } = app;
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { name: '何をお手伝いしましょうか？' })).toBeVisible();

    server.next({ kind: 'json', status: 503, body: { status: 'error', message: 'Service unavailable' } });
    await send(page, 'メッセージ', 'こんにちは');
    await expect(reply(page)).toHaveAttribute('data-status', 'error');
    const alert = reply(page).getByRole('alert');
    await expect(alert.locator('.error-notice__title')).toHaveText('ModelsLab でサーバーエラーが発生しました（503）');
    await expect(alert.locator('.error-notice__hint')).toHaveText(
      'ModelsLab 側の問題です。しばらくしてからもう一度お試しください。',
    );
    await expect(alert.locator('.error-notice__detail')).toHaveText('Service unavailable');
    await expect(alert.locator('.error-notice__detail')).toHaveAttribute('lang', 'en');

    server.next({ kind: 'stream', chunks: ['一つ', '二つ', '三つ'], delayMs: 30, usage: true });
    await send(page, 'メッセージ', 'もう一度');
    await expect(reply(page)).toHaveAttribute('data-status', 'done');
    await reply(page).getByRole('button', { name: '返信の詳細' }).click();
    await expect(reply(page)).toContainText('入力 12 トークン · 出力 3');
    await expect(reply(page)).toContainText(/最初のトークンまで \d+ ミリ秒/);
    await expect(reply(page).getByRole('button', { name: '再生成' })).toBeAttached();
  });
});

test.describe('in Arabic', () => {
  test.use({ systemLocale: 'ar-EG' });

  test('the chat runs right to left, with its errors in Arabic, and passes axe', async ({ app }) => {
    const { page, server } = app;
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    server.next({ kind: 'stream', chunks: ['النصف ', 'الأول'], then: { drop: true } });
    await send(page, 'الرسالة', 'مرحبًا');
    await expect(reply(page)).toHaveAttribute('data-status', 'error');
    const alert = reply(page).getByRole('alert');
    await expect(alert.locator('.error-notice__title')).toHaveText('انقطع الاتصال في منتصف الرد');
    // The socket's words are put in Arabic, so nothing is marked English.
    await expect(alert.locator('[lang="en"]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'متابعة' })).toBeVisible();
    await page.screenshot({ path: 'e2e/output/chat-ar.png' });
    await expectAxeClean(page);
  });
});
