import type { Locator, Page } from '@playwright/test';
import { chunked } from '../test/modelslab-server';
import { openCompare, pickCompareModels } from './fixtures/compare-picker';
import { ask, expect, test } from './fixtures/test';
import { RICH_REPLY } from './fixtures/rich-reply';
import { expectNoSidewaysScroll, expectHeaderOnScreen } from './fixtures/fit';
import { expectAxeClean } from './fixtures/axe';

const ARABIC_OPENING = '## البحث الثنائي باختصار\n\n';

/**
 * The window laid out right to left, as for Arabic: the page gets dir="rtl" (what applyLanguage sets), the words stay
 * English. Everything mirrors: the sidebar at the right, the send button at the left end of the message box, the
 * user's messages at the left, Parameters from the left, icons that point along the line turned round.
 */
const SIZES = [
  { width: 640, height: 480 },
  { width: 1200, height: 780 },
] as const;

/** Parameters take a column from the chat only from this width (as in layout.spec.ts). */
const DOCKED_FROM = 1000;

/** After the app has set the page's language itself (at start and once more when App mounts), as Arabic would. */
async function rightToLeft(page: Page, ready: Locator = page.getByRole('textbox', { name: 'Message' })) {
  await expect(ready).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
    document.documentElement.dir = 'rtl';
    document.documentElement.lang = 'ar';
  });
}

async function box(locator: Locator) {
  const b = await locator.first().boundingBox();
  expect(b, String(locator)).not.toBeNull();
  return { ...b!, right: b!.x + b!.width };
}

const mirrored = (icon: Locator) => icon.evaluate((el) => getComputedStyle(el).transform);

for (const scheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    const name = `${size.width}x${size.height}-${scheme}`;
    test.describe(name, () => {
      test.use({ viewport: size, colorScheme: scheme });

      test('right to left, the chat mirrors and still fits the window', async ({ app }, testInfo) => {
        const { page } = app;
        await expect(page.getByRole('region', { name: 'Start with an assistant' })).toBeVisible();
        const send = page.locator('.composer__action .icon');
        expect(await mirrored(send)).toBe('none');
        await rightToLeft(page);

        // The sidebar sits at the start of the line: the right edge of the window.
        const sidebar = await box(page.getByRole('navigation', { name: 'Conversations' }));
        expect(sidebar.right).toBeGreaterThanOrEqual(size.width - 1);
        expect(sidebar.x).toBeGreaterThan(size.width / 2);
        await expectNoSidewaysScroll(page);
        await expectHeaderOnScreen(page);
        await page.screenshot({ path: testInfo.outputPath(`rtl-${name}-empty.png`) });

        await ask(page, 'What makes a good desktop chat app?');
        await expectNoSidewaysScroll(page);
        await expectHeaderOnScreen(page);
        const composer = await box(page.locator('.composer__box'));
        expect(composer.width).toBeGreaterThanOrEqual(300);
        expect(composer.right).toBeLessThanOrEqual(sidebar.x + 1);

        // The send button ends the line: at the left of the message field.
        const field = await box(page.getByRole('textbox', { name: 'Message' }));
        const button = await box(page.locator('.composer__action'));
        expect(button.right).toBeLessThanOrEqual(field.x + 1);
        // Icons pointing along the line turn round; the others keep their shape.
        expect(await mirrored(send)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
        expect(await mirrored(page.getByRole('button', { name: 'Chat list' }).locator('.icon'))).not.toBe('none');
        expect(await mirrored(page.getByRole('button', { name: 'Parameters' }).locator('.icon'))).toBe('none');
        expect(await mirrored(page.getByRole('button', { name: 'Copy' }).last().locator('.icon'))).toBe('none');

        // The user's message at the end of the line (left), the reply from its start (right).
        const user = await box(page.locator('.message--user .message__bubble'));
        const reply = await box(page.locator('.message--assistant .message__content'));
        expect(user.x).toBeLessThanOrEqual(reply.x + 1);
        expect(user.right).toBeLessThan(reply.right - 40);
        await page.screenshot({ path: testInfo.outputPath(`rtl-${name}.png`) });
        await expectAxeClean(page);

        // Parameters open from the end of the line: the left.
        await page.getByRole('button', { name: 'Parameters', exact: true }).click();
        const docked = size.width >= DOCKED_FROM;
        const panel = await box(
          docked
            ? page.getByRole('complementary', { name: 'Parameters' })
            : page.getByRole('dialog', { name: 'Parameters' }),
        );
        expect(panel.x).toBeLessThanOrEqual(1);
        expect(panel.right).toBeLessThan(size.width / 2 + (docked ? 0 : 200));
        await expectNoSidewaysScroll(page);
        await expectHeaderOnScreen(page);
        if (docked) expect((await box(page.locator('.composer__box'))).width).toBeGreaterThanOrEqual(300);
        await page.screenshot({ path: testInfo.outputPath(`rtl-${name}-parameters.png`) });
        await expectAxeClean(page);
      });
    });
  }
}

test.describe('right to left at the smallest window', () => {
  test.use({ viewport: { width: 640, height: 480 } });

  test('menus and lists open inside the window, lined up with what opened them', async ({ app }, testInfo) => {
    const { page } = app;
    await ask(page, 'What makes a good desktop chat app?');
    await rightToLeft(page);

    // The model list hangs from the end of its field (its left edge in right-to-left).
    await page.getByRole('combobox', { name: 'Model' }).click();
    await expect(page.getByRole('listbox', { name: 'Model list' }).getByRole('option').first()).toBeVisible();
    const popup = await box(page.locator('.picker__popup'));
    const input = await box(page.locator('.chat__header .picker__input'));
    expect(popup.x).toBeGreaterThanOrEqual(0);
    expect(popup.right).toBeLessThanOrEqual(640);
    expect(Math.abs(popup.x - input.x)).toBeLessThanOrEqual(40);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: testInfo.outputPath('rtl-640x480-picker.png') });
    await page.keyboard.press('Escape');

    // A chat's menu opens under its button at the row's end, inside the sidebar.
    const row = page.locator('.conv-row').first();
    await row.hover();
    await row.getByRole('button', { name: 'Chat actions' }).click();
    const menu = await box(page.getByRole('menu'));
    const sidebar = await box(page.getByRole('navigation', { name: 'Conversations' }));
    expect(menu.x).toBeGreaterThanOrEqual(sidebar.x);
    expect(menu.right).toBeLessThanOrEqual(640);
    const more = await box(row.getByRole('button', { name: 'Chat actions' }));
    expect(more.x).toBeLessThan((await box(row)).x + 40);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: testInfo.outputPath('rtl-640x480-menu.png') });
    await expectAxeClean(page);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`1200x780-${scheme}, right to left`, () => {
    test.use({ viewport: { width: 1200, height: 780 }, colorScheme: scheme });

    test('a rich reply, Settings and search mirror; code and formulas stay left to right', async ({
      app,
    }, testInfo) => {
      const { page } = app;
      await rightToLeft(page);
      // An English reply keeps reading left to right inside the Arabic window: its direction is its own.
      app.server.next({ kind: 'stream', chunks: ['Binary search halves the range.'], delayMs: 2 });
      await ask(page, 'Explain binary search');
      const english = page.locator('.message--assistant').last().locator('.message__content');
      await expect(english).toHaveText('Binary search halves the range.');
      expect(await english.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

      // A reply that opens in Arabic mirrors, down to its quotes and lists.
      app.server.next({ kind: 'stream', chunks: chunked(ARABIC_OPENING + RICH_REPLY, 6), delayMs: 2 });
      await ask(page, 'اشرح البحث الثنائي');
      const reply = page.locator('.message--assistant').last();
      await expect(reply.locator('.code-block pre span[style]').first()).toBeVisible();
      await page.locator('.message-list').evaluate((el) => (el.scrollTop = 0));

      const style = (selector: string, property: string) =>
        reply
          .locator(selector)
          .first()
          .evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);
      // The quote's rule and the lists' indent are at the start of the line: the right.
      expect(await style('blockquote', 'border-right-width')).toBe('3px');
      expect(await style('blockquote', 'border-left-width')).toBe('0px');
      expect(parseFloat(await style('ol', 'padding-right'))).toBeGreaterThan(10);
      // Code and formulas read left to right, from the left edge of their box.
      expect(await style('.code-block pre', 'direction')).toBe('ltr');
      expect(await style('.katex', 'direction')).toBe('ltr');
      const pre = await box(reply.locator('.code-block pre'));
      const firstLine = await box(reply.locator('.code-block pre span[style]'));
      expect(firstLine.x - pre.x).toBeLessThan(20);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`rtl-${scheme}-markdown.png`) });
      await expectAxeClean(page);

      // Settings: the page list at the start of the line (right), its selected tab marked on that side.
      await page.keyboard.press('Control+,');
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await expect(dialog).toBeVisible();
      const list = await box(dialog.getByRole('tablist'));
      const panel = await box(dialog.getByRole('tabpanel'));
      expect(list.x).toBeGreaterThan(panel.x);
      const selected = dialog.getByRole('tab', { selected: true });
      expect(await selected.evaluate((el) => getComputedStyle(el).boxShadow)).toContain('-3px 0px 0px 0px inset');
      await page.screenshot({ path: testInfo.outputPath(`rtl-${scheme}-settings.png`) });
      await expectAxeClean(page);
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+k');
      const search = page.getByRole('dialog', { name: 'Search chats' });
      await search.getByRole('searchbox').fill('binary');
      await expect(search.locator('.search-hit').first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath(`rtl-${scheme}-search.png`) });
      await expectAxeClean(page);
    });
  });
}

test.describe('right to left, by keyboard', () => {
  test.use({ viewport: { width: 640, height: 480 } });

  test('ArrowLeft goes forward through tabs and ArrowRight back', async ({ app }) => {
    const { page } = app;
    const models = [
      'meta-llama-3-8B-instruct',
      'mistralai/Mistral-7B-Instruct-v0.3',
      'meta-llama/Llama-3.1-70B-Instruct',
    ];
    app.server.models = models;
    for (const model of models) app.server.byModel.set(model, { kind: 'stream', chunks: [`${model} answers.`] });
    await rightToLeft(page);

    // The compared answers, as tabs in a narrow window: the first at the right.
    await openCompare(page);
    await pickCompareModels(page, models);
    await ask(page, 'Which one?', { until: 'sent' });
    const tabs = page.getByRole('tablist', { name: 'Compared models' });
    const tab = (i: number) => tabs.getByRole('tab', { name: models[i] });
    await expect(tabs.getByRole('tab')).toHaveCount(3);
    expect((await box(tab(0))).x).toBeGreaterThan((await box(tab(1))).x);
    await tab(0).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(tab(1)).toBeFocused();
    await expect(page.getByRole('tabpanel')).toHaveAttribute('data-model', models[1]!);
    await page.keyboard.press('ArrowLeft');
    await expect(tab(2)).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(tab(0)).toBeFocused();
    await expect(page.getByRole('tabpanel')).toHaveAttribute('data-model', models[0]!);

    // Settings' pages: ArrowLeft and ArrowDown both go to the next page.
    await page.keyboard.press('Control+,');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const general = dialog.getByRole('tab', { name: 'General' });
    await general.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(dialog.getByRole('tab', { name: 'Connection' })).toBeFocused();
    await expect(dialog.getByRole('tab', { name: 'Connection' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('tab', { name: 'Models & defaults' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await expect(general).toBeFocused();
    await expect(general).toHaveAttribute('aria-selected', 'true');
  });
});

test.describe('right to left, the first run and dialogs', () => {
  test.use({ viewport: { width: 640, height: 480 }, colorScheme: 'dark' });

  test.describe('without a key', () => {
    test.use({ keySource: 'none' });

    test('the welcome screen mirrors and fits', async ({ app }, testInfo) => {
      const { page } = app;
      await rightToLeft(page, page.getByRole('heading', { name: 'Welcome to ModelsLab Chat' }));
      const key = await box(page.getByLabel('ModelsLab API key'));
      const save = await box(page.getByRole('button', { name: 'Save' }));
      expect(save.x).toBeGreaterThanOrEqual(0);
      expect(key.right).toBeLessThanOrEqual(640);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: testInfo.outputPath('rtl-640x480-dark-welcome.png') });
      await expectAxeClean(page);
    });
  });

  test('the Assistants dialog mirrors and fits', async ({ app }, testInfo) => {
    const { page } = app;
    await rightToLeft(page);
    await page.getByRole('navigation').getByRole('button', { name: 'Assistants' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assistants' });
    await expect(dialog).toBeVisible();
    const frame = await box(dialog);
    expect(frame.x).toBeGreaterThanOrEqual(0);
    expect(frame.right).toBeLessThanOrEqual(640);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: testInfo.outputPath('rtl-640x480-dark-assistants.png') });
    await expectAxeClean(page);
  });
});
