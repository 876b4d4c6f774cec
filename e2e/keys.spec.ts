import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { API_KEYS_URL, BILLING_URL } from '../src/shared/domain';
import { expect, test } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

const keyInput = (page: Page) => page.getByLabel('ModelsLab API key');
const welcome = (page: Page) => page.getByRole('heading', { name: 'Welcome to ModelsLab Chat' });

test.describe('first run', () => {
  test.use({ keySource: 'none' });

  test('welcome → paste → Test → Save → a reply streams', async ({ app }) => {
    const { page } = app;
    await expect(welcome(page)).toBeVisible();
    await page.screenshot({ path: 'e2e/output/welcome.png' });
    await page.getByRole('button', { name: 'Get an API key on modelslab.com' }).click();
    await expect.poll(() => app.opened).toEqual([API_KEYS_URL]);

    await keyInput(page).fill(`  ${app.server.apiKey}  `);
    await expect(keyInput(page)).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(keyInput(page)).toHaveAttribute('type', 'text');
    await page.getByRole('button', { name: 'Test' }).click();
    await expect(page.getByText('Valid key: ModelsLab accepted it.')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(welcome(page)).toBeHidden();
    await expect(page.getByRole('button', { name: /API key in keychain · ••••cdef/ })).toBeVisible();
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('Hello after setup');
    await input.press('Enter');
    await expect(page.locator('.message--assistant')).toHaveAttribute('data-status', 'done');
    await expect(page.locator('.message--assistant')).toContainText('You said: Hello after setup');
  });

  test('a wrong key is reported as invalid, and saving it asks first', async ({ app }) => {
    const { page } = app;
    const wrong = 'wrong-key-1234567890';
    app.secrets.push(wrong);
    await keyInput(page).fill(wrong);
    await page.getByRole('button', { name: 'Test' }).click();
    await expect(page.getByRole('status')).toContainText('Invalid API key (401)');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Save this key anyway?')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(welcome(page)).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await expect(welcome(page)).toBeHidden();
    await expect(page.getByRole('button', { name: /API key in keychain · ••••7890/ })).toBeVisible();
  });

  test('a key without credits is reported as such', async ({ app }) => {
    app.server.nextModels({ kind: 'json', status: 402, body: { status: 'error', message: 'Insufficient credits' } });
    await keyInput(app.page).fill(app.server.apiKey);
    await app.page.getByRole('button', { name: 'Test' }).click();
    await expect(app.page.getByRole('status')).toContainText('Insufficient credits (402)');
    await expect(app.page.getByRole('status')).toContainText('out of credits');
    await app.page.getByRole('status').getByRole('button', { name: 'Top up credits' }).click();
    await expect.poll(() => app.opened).toEqual([BILLING_URL]);
  });

  test('an unreachable server is reported as a network problem', async ({ app }) => {
    await app.server.stop();
    await keyInput(app.page).fill(app.server.apiKey);
    await app.page.getByRole('button', { name: 'Test' }).click();
    await expect(app.page.getByRole('status')).toContainText('Could not reach ModelsLab');
  });
});

test.describe('with no keychain', () => {
  test.use({ keySource: 'none', keychain: 'missing' });

  test('says what is missing and offers a key for this session only', async ({ app }) => {
    const { page } = app;
    await expect(page.getByText('The system keychain is not available')).toContainText('gnome-keyring or KWallet');
    await keyInput(page).fill(app.server.apiKey);
    await page.getByRole('button', { name: 'Use for this session only' }).click();
    await expect(page.getByRole('button', { name: /API key this session · ••••cdef/ })).toBeVisible();
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('Session key works');
    await input.press('Enter');
    await expect(page.locator('.message--assistant')).toHaveAttribute('data-status', 'done');
  });
});

test.describe('a saved key', () => {
  test.use({ keySource: 'keychain' });

  test('opens straight into a chat, and removing it returns to the welcome', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await expect(welcome(page)).toBeHidden();
    await page.keyboard.press('Control+,');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('tab', { name: 'Connection' }).click();
    await expect(dialog).toContainText('Using the key ending in cdef, saved in your system keychain.');
    await dialog.getByRole('button', { name: 'Test saved key' }).click();
    await expect(dialog.getByRole('status')).toContainText('Valid key');
    await page.screenshot({ path: 'e2e/output/settings-key.png' });
    await dialog.getByRole('button', { name: 'Remove key…' }).click();
    await dialog.getByRole('button', { name: 'Remove key', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(welcome(page)).toBeVisible();
  });
});

test('a key from the environment is shown as such and cannot be edited here', async ({ app }) => {
  await app.page.getByRole('button', { name: /API key from environment · ••••cdef/ }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('tab', { name: 'Connection' }).click();
  await expect(dialog).toContainText('from the MODELSLAB_API_KEY environment variable');
  await expect(dialog.getByLabel('ModelsLab API key')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Remove key…' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close settings' }).click();
  await expect(dialog).toBeHidden();
});

test('the built renderer holds no key-storage code', async () => {
  const dir = 'out/renderer/assets';
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const code = await readFile(join(dir, file), 'utf8');
    for (const marker of ['keytar', 'KeytarStore', 'setPassword', 'getPassword', 'MODELSLAB_API_KEY=']) {
      expect(code.includes(marker), `${file} contains ${marker}`).toBe(false);
    }
  }
});

test.describe('the base URL', () => {
  test.use({ keySource: 'keychain', baseUrlIn: 'settings' });
  const CANCEL = 0;
  const SWITCH = 1;
  const CARRY = 2;

  test('moves to another server only through main’s dialog; the key goes along only when the user says so', async ({
    app,
  }) => {
    const { page, server } = app;
    const web = app.web!;
    const other = await new (await import('../test/modelslab-server')).ModelsLabServer(server.apiKey).start();
    try {
      await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
      await page.keyboard.press('Control+,');
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.getByRole('tab', { name: 'Connection' }).click();
      const save = async (url: string) => {
        await dialog.getByLabel('Base URL').fill(url);
        await dialog.getByRole('button', { name: 'Save' }).last().click();
      };
      // Cancelled in main's dialog: nothing changes.
      web.answers.push(CANCEL);
      await save(other.baseUrl);
      await expect(dialog.getByText('Not changed: the move was cancelled in the confirmation.')).toBeVisible();
      expect(web.asked.at(-1)!.message).toBe(`Send your chats to ${new URL(other.baseUrl).origin}?`);
      // Plain HTTP to another computer: main's dialog warns.
      await save('http://gateway.example.com/v1');
      await expect(dialog.getByText('Not changed')).toBeVisible();
      expect(web.asked.at(-1)).toMatchObject({ type: 'warning' });
      expect(web.asked.at(-1)!.detail).toContain('unencrypted');
      // The key carried over, by the user's own choice.
      web.answers.push(CARRY);
      await save(other.baseUrl);
      await expect(dialog.getByText('Saved. New requests use it now.')).toBeVisible();
      await page.screenshot({ path: 'e2e/output/settings-connection.png' });
      await page.keyboard.press('Escape');

      const input = page.getByRole('textbox', { name: 'Message' });
      await input.fill('Which server?');
      await input.press('Enter');
      await expect(page.locator('.message--assistant')).toHaveAttribute('data-status', 'done');
      expect(other.chatRequests()).toHaveLength(1);
      expect(server.chatRequests()).toHaveLength(0);
    } finally {
      await other.stop();
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`after a move without the key, the app asks for a key for the new server and sends nothing there (${scheme})`, async ({
      app,
    }) => {
      const { page, server } = app;
      await page.emulateMedia({ colorScheme: scheme });
      const other = await new (await import('../test/modelslab-server')).ModelsLabServer(server.apiKey).start();
      try {
        await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
        await page.keyboard.press('Control+,');
        const dialog = page.getByRole('dialog', { name: 'Settings' });
        await dialog.getByRole('tab', { name: 'Connection' }).click();
        app.web!.answers.push(SWITCH);
        await dialog.getByLabel('Base URL').fill(other.baseUrl);
        await dialog.getByRole('button', { name: 'Save' }).last().click();
        await expect(dialog.getByRole('status')).toContainText('enter a key for it under API key');
        await expect(dialog.getByRole('note')).toContainText(`only ever sent to ${new URL(server.baseUrl).origin}`);
        for (const [w, h] of [
          [640, 480],
          [1400, 900],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await dialog.getByRole('status').scrollIntoViewIfNeeded();
          await page.screenshot({ path: `e2e/output/connection-${scheme}-${w}.png` });
        }
        await expectAxeClean(page, '.dialog');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('button', { name: /API key is for another server/ })).toBeVisible();
        expect(other.requests).toEqual([]);
      } finally {
        await other.stop();
      }
    });
  }
});
