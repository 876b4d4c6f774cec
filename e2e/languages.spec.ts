import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { LANGUAGES, type Language } from '../src/shared/languages';
import { englishLeft } from './fixtures/english-left';
import { ask, expect, test } from './fixtures/test';

const SMALL = { width: 640, height: 480 };
const LARGE = { width: 1280, height: 800 };

async function chooseLanguage(page: Page, language: Language | 'system') {
  await page.keyboard.press('Control+,');
  const menu = page.locator('select:has(option[value="ar"])');
  await menu.selectOption(language);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Nothing is wider than the window, so it never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

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
    expect(await englishLeft(page, server.models)).toEqual([]);
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
  await ask(page, 'Hello there');
  for (const language of LANGUAGES) {
    await chooseLanguage(page, language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    if (language !== 'en') expect(await englishLeft(page, server.models), language).toEqual([]);
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
