import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { widthOf, expectNoSidewaysScroll, expectHeaderOnScreen } from './fixtures/fit';
import { expectAxeClean } from './fixtures/axe';

/** From the declared minimum window to a 4K screen; the layout must hold at each, in both themes. */
const SIZES = [
  { width: 640, height: 480 },
  { width: 900, height: 600 },
  { width: 1200, height: 780 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

/** Parameters take a column from the chat only from this width; below it they float as a drawer. */
const DOCKED_FROM = 1000;

const paramsButton = (page: Page) => page.getByRole('button', { name: 'Parameters', exact: true });

for (const scheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    const name = `${size.width}x${size.height}-${scheme}`;
    test.describe(name, () => {
      test.use({ viewport: size, colorScheme: scheme });

      test('the chat, its header and Parameters fit the window', async ({ app }, testInfo) => {
        const { page } = app;
        // The empty chat, with its assistants.
        await expect(page.getByRole('region', { name: 'Start with an assistant' })).toBeVisible();
        await expectNoSidewaysScroll(page);
        await expectHeaderOnScreen(page);
        await page.screenshot({ path: testInfo.outputPath(`layout-${name}-empty.png`) });

        await page.getByRole('textbox', { name: 'Message' }).fill('What makes a good desktop chat app?');
        await page.getByRole('textbox', { name: 'Message' }).press('Enter');
        await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');

        await expectNoSidewaysScroll(page);
        await expectHeaderOnScreen(page);
        expect(await widthOf(page, '.composer__box')).toBeGreaterThanOrEqual(300);
        await page.screenshot({ path: testInfo.outputPath(`layout-${name}.png`) });
        await expectAxeClean(page);

        await paramsButton(page).click();
        const docked = size.width >= DOCKED_FROM;
        if (docked) {
          await expect(page.getByRole('complementary', { name: 'Parameters' })).toBeVisible();
          await expect(page.getByRole('dialog', { name: 'Parameters' })).toHaveCount(0);
          // The docked column leaves the message box its room.
          expect(await widthOf(page, '.composer__box')).toBeGreaterThanOrEqual(300);
        } else {
          const drawer = page.getByRole('dialog', { name: 'Parameters' });
          await expect(drawer).toBeVisible();
          const box = (await drawer.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(size.width);
          // Focus went in, and Tab stays in.
          await expect(drawer.getByRole('button', { name: 'Close parameters' })).toBeFocused();
          for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
          expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
          await page.keyboard.press('Shift+Tab');
          expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
        }
        await expectNoSidewaysScroll(page);
        await expectHeaderOnScreen(page);
        await page.screenshot({ path: testInfo.outputPath(`layout-${name}-parameters.png`) });
        await expectAxeClean(page);

        if (!docked) {
          // Esc closes the drawer and gives focus back to the button that opened it.
          await page.keyboard.press('Escape');
          await expect(page.getByRole('dialog', { name: 'Parameters' })).toHaveCount(0);
          await expect(paramsButton(page)).toBeFocused();
        }
      });
    });
  }
}

test.describe('at the smallest window', () => {
  test.use({ viewport: { width: 640, height: 480 } });

  test('the chat list folds away with its button or Ctrl+B, and stays folded after a restart', async ({ app }) => {
    const { page } = app;
    const list = page.getByRole('navigation', { name: 'Conversations' });
    const toggle = page.getByRole('button', { name: 'Chat list' });
    await expect(list).toBeVisible();
    const before = await widthOf(page, '.composer__box');
    await toggle.click();
    await expect(list).toHaveCount(0);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(await widthOf(page, '.composer__box')).toBeGreaterThan(before);
    await page.keyboard.press('Control+b');
    await expect(list).toBeVisible();
    await page.keyboard.press('Control+b');
    await expect(list).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await expectHeaderOnScreen(page);

    test.skip(!app.web, 'restarts are driven through the web harness');
    await app.web!.restart();
    await expect(page.getByRole('button', { name: 'Chat list' })).toHaveAttribute('aria-expanded', 'false');
    await expect(list).toHaveCount(0);
  });

  test('the model picker’s list stays inside the window', async ({ app }) => {
    const { page } = app;
    const model = page.getByRole('combobox', { name: 'Model' });
    await model.click();
    const list = page.getByRole('listbox', { name: 'Model list' });
    await expect(list.getByRole('option')).toHaveCount(3);
    const box = (await page.locator('.picker__popup').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(640);
    expect(box.y + box.height).toBeLessThanOrEqual(480);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath('layout-640x480-picker.png') });
    await expectAxeClean(page);
  });
});
