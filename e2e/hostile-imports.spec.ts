import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG_BASE64, plantSentImages } from '../test/images';
import { BACKUP_FORMAT } from '../src/main/history/transfer';
import type { Services } from '../src/main/services';
import { ask, expect, test } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const row = (page: Page, title: string) => sidebar(page).locator('.conv-row').filter({ hasText: title });
const PNG_URL = `data:image/png;base64,${PNG_BASE64}`;

test.beforeEach(({ mode }) =>
  test.skip(mode === 'electron', 'file dialogs and planted data go through the web harness'),
);

/** Every URL the page asks for, and every load the CSP had to block: neither may name a planted thumbnail. */
async function watch(page: Page) {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.evaluate(() => {
    const blocked: string[] = [];
    Object.defineProperty(window, '__blocked', { value: blocked });
    document.addEventListener('securitypolicyviolation', (event) => blocked.push(event.blockedURI));
  });
  return {
    requested,
    blocked: () => page.evaluate(() => (window as unknown as { __blocked: string[] }).__blocked),
  };
}

const snapshot = (services: Services) =>
  services.history.listConversations().map((c) => ({ c, messages: services.history.listMessages(c.id) }));

test('a thumbnail that is not a data:image URL is never requested, even one planted in the database', async ({
  app,
}) => {
  const { page, web } = app;
  const history = web!.services.history;
  const c = history.createConversation({ title: 'Planted previews', model: 'm', params: {}, systemPrompt: '' });
  const image = (name: string, thumbnail: string) => ({
    id: randomUUID(),
    name,
    mimeType: 'image/png' as const,
    size: 70,
    thumbnail,
  });
  history.addMessage({
    conversationId: c.id,
    parentId: null,
    role: 'user',
    content: 'Three pictures',
    status: 'done',
    model: null,
    attachments: [
      image('share.png', 'file://host/share/x.png'),
      image('tracker.png', 'https://tracker.example/p.png'),
      image('real.png', PNG_URL),
    ],
  });
  await page.reload();
  const seen = await watch(page);
  await row(page, 'Planted previews').getByRole('button', { name: 'Planted previews' }).click();
  const strip = page.locator('.message--user').getByRole('list', { name: 'Attached images' });
  await expect(strip.getByRole('img', { name: 'real.png' })).toBeVisible();
  expect(seen.requested.filter((url) => !url.startsWith('http://app.local/'))).toEqual([]);
  expect(await seen.blocked()).toEqual([]);
  await expect(strip.getByText('share.png')).toBeVisible();
  await expect(strip.getByText('tracker.png')).toBeVisible();
  expect(await strip.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src))).toEqual([
    PNG_URL,
  ]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a hostile backup is imported in part, with what was left out and why, and nothing else changes (${scheme})`, async ({
    app,
  }) => {
    const { page, web } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await ask(page, 'My own chat about otters');
    const before = snapshot(web!.services);
    const message = (id: string, parentId: string | null, extra: object = {}) => ({
      id,
      parentId,
      role: parentId ? 'assistant' : 'user',
      content: `Message ${id}`,
      createdAt: 1700000000000,
      updatedAt: 1700000000000,
      ...extra,
    });
    const chat = (id: string, title: string, messages: object[], params: object = {}) => ({
      conversation: { id, title, model: 'm', params, createdAt: 1700000000000, updatedAt: 1700000000000 },
      messages,
    });
    const attachment = { name: 'id_ed25519.png', mimeType: 'image/png', size: 70 };
    const path = join(web!.services.history.dataDir!, 'hostile.json');
    writeFileSync(
      path,
      JSON.stringify({
        format: BACKUP_FORMAT,
        version: 1,
        conversations: [
          chat(
            'ok',
            'Imported with holes',
            [
              message('u1', null, {
                attachments: [
                  { ...attachment, id: '../../../.ssh/id_ed25519', thumbnail: 'file://host/share/x.png' },
                  { ...attachment, id: 'kept', thumbnail: PNG_URL, data: PNG_BASE64 },
                ],
              }),
              message('a1', 'u1'),
            ],
            { temperature: 0.7, n: 64 },
          ),
          chat('loop', 'Loops back on itself', [message('l1', 'l2'), message('l2', 'l1')]),
        ],
      }),
    );
    web!.nextOpen = path;
    const seen = await watch(page);
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import finished' });
    await expect(dialog).toContainText('Imported 1 chat with 2 messages.');
    const refused = dialog.getByRole('region', { name: 'Not imported' });
    await expect(refused).toContainText('Loops back on itself');
    await expect(refused).toContainText('Some of its messages answer each other in a loop.');
    const partly = dialog.getByRole('region', { name: 'Imported without some parts' });
    await expect(partly).toContainText('Settings left out: n (not a setting the app sends).');
    await expect(partly).toContainText('1 image left out: the file holds only a preview, not the image.');
    await expect(partly).toContainText('1 preview left out: not a PNG, JPEG, WebP or GIF data URL.');
    await expectAxeClean(page);
    await page.screenshot({ path: `e2e/output/import-report-${scheme}.png` });
    await page.setViewportSize({ width: 640, height: 480 });
    await page.screenshot({ path: `e2e/output/import-report-${scheme}-640.png` });
    await dialog.getByRole('button', { name: 'OK' }).click();

    await row(page, 'Imported with holes').getByRole('button', { name: 'Imported with holes' }).click();
    await expect(page.locator('.message--user').getByRole('img', { name: 'id_ed25519.png' })).toHaveCount(1);
    const after = snapshot(web!.services);
    expect(after.filter(({ c }) => c.title !== 'Imported with holes')).toEqual(before);
    expect(after.find(({ c }) => c.title === 'Imported with holes')!.c.params).toEqual({ temperature: 0.7 });
    expect(seen.requested.filter((url) => !url.startsWith('http://app.local/'))).toEqual([]);
    expect(await seen.blocked()).toEqual([]);
  });
}

test('a 600 MB file is refused by its size before it is read, and the history stays as it was', async ({ app }) => {
  const { page, web } = app;
  await ask(page, 'Kept as it is');
  const before = snapshot(web!.services);
  const path = join(web!.services.history.dataDir!, 'huge.json');
  writeFileSync(path, '');
  truncateSync(path, 600 * 1024 * 1024);
  web!.nextOpen = path;
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status')).toHaveText('That file is 600 MB; a file to import can be up to 256 MB.');
  expect(snapshot(web!.services)).toEqual(before);
  await expect(sidebar(page).locator('.conv-row')).toHaveCount(1);
});

test('images over one message’s total or the daily total are refused with a clear message', async ({ app }) => {
  const { page, web } = app;
  const png = (name: string, bytes: number) => {
    const buffer = Buffer.alloc(bytes);
    Buffer.from(PNG_BASE64, 'base64').copy(buffer);
    return { name, mimeType: 'image/png', buffer };
  };
  await page
    .getByLabel('Choose images')
    .setInputFiles([png('a.png', 4_000_000), png('b.png', 4_000_000), png('c.png', 4_000_000)]);
  await expect(page.locator('.composer').getByRole('alert')).toHaveText(
    'c.png is left out: one message can carry up to 10.0 MB of images.',
  );
  await page.getByRole('button', { name: 'Remove a.png' }).click();
  await page.getByRole('button', { name: 'Remove b.png' }).click();

  // Earlier today, 200 MB of images were sent.
  const folder = join(web!.services.history.dataDir!, 'attachments');
  plantSentImages(web!.services.history, folder, [
    { bytes: 100 * 1024 * 1024, hoursAgo: 0 },
    { bytes: 100 * 1024 * 1024, hoursAgo: 0 },
  ]);
  await page.getByLabel('Choose images').setInputFiles([png('one-more.png', 1000)]);
  await composer(page).fill('And this one?');
  await composer(page).press('Enter');
  const notice = page.locator('.chat__footer').getByRole('alert');
  await expect(notice).toContainText('Image limit reached');
  await expect(notice).toContainText(
    'Images added in the last 24 hours come to 200.0 MB; 1 KB more would pass the limit of 200 MB a day. ' +
      'Try again in about 24 hours.',
  );
  await page.screenshot({ path: 'e2e/output/images-daily-limit.png' });
  expect(readdirSync(folder)).toHaveLength(2);
  await page.reload();
  await expect(sidebar(page).locator('.conv-row')).toHaveCount(1);
});
