import { expect, test } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('a chat with a reply and an error looks right and passes axe', async ({ app }) => {
      const input = app.page.getByRole('textbox', { name: 'Message' });
      await input.fill('What makes a good desktop chat app?');
      await input.press('Enter');
      await expect(app.page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');
      app.server.next({ kind: 'json', status: 402, body: { status: 'error', message: 'Insufficient credits' } });
      await input.fill('And one more thing?');
      await input.press('Enter');
      await expect(app.page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'error');
      await app.page.getByRole('button', { name: 'Parameters' }).click();
      await app.page.screenshot({ path: `e2e/output/chat-${scheme}.png` });

      await expectAxeClean(app.page);
    });
  });
}
