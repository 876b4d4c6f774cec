import type { Page, TestInfo } from '@playwright/test';
import { LANGUAGES, type Language } from '../src/shared/languages';
import { englishLeft } from './fixtures/english-left';
import type { ModelsLabServer } from '../test/modelslab-server';
import { ask, expect, test } from './fixtures/test';
import { expectNoSidewaysScroll } from './fixtures/fit';
import { expectAxeClean } from './fixtures/axe';

const SMALL = { width: 640, height: 480 };
const LARGE = { width: 1280, height: 800 };

async function chooseLanguage(page: Page, language: Language | 'system') {
  await page.keyboard.press('Control+,');
  const menu = page.locator('select:has(option[value="ar"])');
  await menu.selectOption(language);
  await closeDialog(page);
}

/** Esc closes the dialog and its content goes; a shortcut pressed at once after may open it anew (see Modal). */
async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('dialog > *')).toHaveCount(0);
}

const QUESTION = 'Hello there';

/** This test's own data the window shows: model ids, the key's last four characters, the chat's title. */
const ours = (server: ModelsLabServer) => [...server.models, server.apiKey.slice(-4), QUESTION];

async function shoot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: info.outputPath(`${name}.png`) });
}

test.describe('started on a Japanese system', () => {
  test.use({ systemLocale: 'ja-JP' });

  test('speaks Japanese from the first paint, with no English left, until another language is chosen', async ({
    app,
  }) => {
    const { page, server } = app;
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
    expect(await englishLeft(page, ours(server))).toEqual([]);
    await chooseLanguage(page, 'en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await chooseLanguage(page, 'system');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  });
});

test('each language fits the smallest and a large window in both themes; Arabic right to left', async ({
  app,
}, info) => {
  test.setTimeout(180_000);
  const { page, server } = app;
  await ask(page, QUESTION);
  for (const language of LANGUAGES) {
    await chooseLanguage(page, language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    // Spanish shares English's letters: the locale check (test/locales.test.ts) compares its words instead.
    if (language !== 'en' && language !== 'es') expect(await englishLeft(page, ours(server)), language).toEqual([]);
    for (const [size, viewport] of [
      ['640x480', SMALL],
      ['1280x800', LARGE],
    ] as const) {
      await page.setViewportSize(viewport);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expectNoSidewaysScroll(page);
        await shoot(page, info, `${language}-${size}-${scheme}`);
      }
    }
    // Settings, the longest words of all, at the smallest window.
    await page.setViewportSize(SMALL);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Control+,');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shoot(page, info, `${language}-640x480-settings`);
    if (language === 'ar') await expectAxeClean(page);
    await closeDialog(page);
    if (language === 'ar') {
      // The chat list sits at the right-hand side, where Arabic text starts.
      const list = await page.getByRole('navigation').first().boundingBox();
      const composer = await page.locator('.composer').boundingBox();
      expect(list!.x).toBeGreaterThan(composer!.x);
      await expectAxeClean(page);
      await page.emulateMedia({ colorScheme: 'light' });
      await expectAxeClean(page);
    }
  }
});

test.describe('in Japanese', () => {
  test.use({ systemLocale: 'ja-JP', viewport: { width: 1200, height: 780 } });

  test('no English is left anywhere the app speaks: chat, errors, Parameters, compare, Settings, search, dialogs', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const { page, server } = app;
    const left: string[] = [];
    const look = async (where: string) => {
      for (const text of await englishLeft(page, ours(server))) left.push(`${where}: ${text}`);
    };
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await look('empty chat');

    await page.locator('.composer textarea').fill(QUESTION);
    await page.locator('.composer textarea').press('Enter');
    await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');
    await page.locator('.message--assistant').last().hover();
    await look('a reply');

    await page.locator('.chat__header button[aria-expanded]').last().click();
    await look('Parameters');
    await page.locator('.chat__header button[aria-expanded]').last().click();

    await page.locator('.compare-bar__toggle').click();
    await look('compare');
    await page.locator('.compare-bar__toggle').click();

    await page.keyboard.press('Control+,');
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      await look(`Settings ${await tab.textContent()}`);
    }
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    await page.getByRole('dialog').locator('input').fill('Hello');
    await expect(page.getByRole('dialog').getByRole('option').first()).toBeVisible();
    await look('search');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+/');
    await look('shortcuts');
    await page.keyboard.press('Escape');

    await page.locator('.sidebar__assistants').click();
    await look('assistants');
    await page.keyboard.press('Escape');

    await page.locator('.conv-row__more').first().click();
    await look('chat menu');
    await page.keyboard.press('Escape');

    server.next({ kind: 'json', status: 402, body: { status: 'error', message: 'Insufficient credits in wallet' } });
    await page.locator('.composer textarea').fill(QUESTION);
    await page.locator('.composer textarea').press('Enter');
    await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'error');
    await look('out of credits');

    expect(left).toEqual([]);
  });
});
