import { PNG_BASE64 } from '../test/images';
import { expect, test } from './fixtures/test';

const png = { name: 'red.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BASE64, 'base64') };

test('an image is shown as a thumbnail and sent as an image_url part', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Choose images').setInputFiles([png]);
  const composerStrip = page.locator('.composer').getByRole('list', { name: 'Attached images' });
  await expect(composerStrip.getByRole('img', { name: 'red.png' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Message' }).fill('Describe this image');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');

  await expect(page.locator('.message--assistant')).toHaveAttribute('data-status', 'done');
  await expect(page.locator('.message--user').getByRole('img', { name: 'red.png' })).toBeVisible();
  await expect(composerStrip).toHaveCount(0);
  const body = app.server.chatRequests().at(-1)!.body as { messages: { content: unknown }[] };
  expect(body.messages.at(-1)!.content).toEqual([
    { type: 'text', text: 'Describe this image' },
    { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
  ]);
});

test('a pasted image is attached, and can be removed', async ({ app }) => {
  const { page } = app;
  await page.getByRole('textbox', { name: 'Message' }).focus();
  await page.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, PNG_BASE64);
  await expect(page.getByRole('img', { name: 'pasted.png' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove pasted.png' }).click();
  await expect(page.getByRole('img', { name: 'pasted.png' })).toHaveCount(0);
});

test('a wrong file type or a too-large image gets a clear message', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Choose images').setInputFiles([
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
    { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(6 * 1024 * 1024) },
  ]);
  const alert = page.locator('.composer').getByRole('alert');
  await expect(alert).toContainText('notes.txt is not a PNG, JPEG, WebP or GIF image.');
  await expect(alert).toContainText('huge.png is 6.0 MB; images can be up to 5.0 MB.');
  await expect(page.locator('.composer img')).toHaveCount(0);
});

test('images with a model not known for vision get a warning, not a silent failure', async ({ app }) => {
  const { page } = app;
  await page.getByRole('combobox', { name: 'Model' }).fill('meta-llama-3-8B-instruct');
  await expect(page.getByText('is not known to accept images')).toHaveCount(0);
  await page.getByLabel('Choose images').setInputFiles([png]);
  await expect(
    page.getByRole('status').filter({ hasText: 'meta-llama-3-8B-instruct is not known to accept images' }),
  ).toBeVisible();
});

test('screenshot: a message with an image', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Choose images').setInputFiles([png]);
  await page.getByRole('textbox', { name: 'Message' }).fill('What colour is this?');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(page.locator('.message--assistant')).toHaveAttribute('data-status', 'done');
  await page.getByLabel('Choose images').setInputFiles([png]);
  await page.screenshot({ path: 'e2e/output/images.png' });
});
