import type { Page } from '@playwright/test';
import { chunked } from '../test/modelslab-server';
import { openCompare, pickCompareModels } from './fixtures/compare-picker';
import { expect, test, type AppFixture } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

/** Compare mode against the test server, each model scripted: fast, slow, out of credits, cut at the length limit. */

const FAST = 'meta-llama-3-8B-instruct';
const SLOW = 'meta-llama/Llama-3.1-70B-Instruct';
const BROKE = 'Qwen/Qwen2.5-VL-72B-Instruct-together';
const CUT = 'mistralai/Mistral-7B-Instruct-v0.3';

const FAST_TEXT = 'The fast model answers at once, in a few words.';
const CUT_TEXT = 'The cut model starts a long answer and then it';

function script(app: AppFixture, slow: 'slow' | 'hang' = 'slow') {
  app.server.models = [FAST, SLOW, BROKE, CUT];
  app.server.byModel.set(FAST, { kind: 'stream', chunks: chunked(FAST_TEXT), delayMs: 5, usage: true });
  app.server.byModel.set(SLOW, {
    kind: 'stream',
    chunks: chunked('The slow model takes its time over every single word of a long and careful answer.', 1),
    delayMs: slow === 'slow' ? 150 : 20,
    hang: slow === 'hang',
  });
  app.server.byModel.set(BROKE, {
    kind: 'json',
    status: 402,
    body: { error: { message: 'Insufficient credits', type: 'payment_required', code: 402 } },
  });
  app.server.byModel.set(CUT, {
    kind: 'stream',
    chunks: chunked(CUT_TEXT),
    delayMs: 10,
    finish: 'length',
    usage: true,
  });
}

const column = (page: Page, model: string) => page.locator(`.compare-column[data-model="${model}"]`);

async function compare(page: Page, models: string[], question: string) {
  await openCompare(page);
  await pickCompareModels(page, models);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(question);
  await composer.press('Enter');
}

test.use({ viewport: { width: 1280, height: 800 } });

test('models are chosen by keyboard in the picker, four at most, and removed with their chips', async ({ app }) => {
  const { page } = app;
  script(app);
  await openCompare(page);
  const field = page.getByRole('combobox', { name: /Models to compare/ });
  await field.focus();
  await page.keyboard.type('llama 70');
  const options = page.getByRole('listbox', { name: /Models to compare/ }).getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options).toContainText(SLOW);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const chips = page.getByRole('list', { name: /Chosen models/ });
  await expect(chips.getByRole('listitem')).toHaveText([SLOW]);
  // The list stays open for the next one, the chosen model marked in it.
  await expect(options.filter({ hasText: SLOW }).first()).toHaveAttribute('aria-selected', 'true');
  await pickCompareModels(page, [FAST, BROKE, CUT]);
  await expect(chips).toHaveAccessibleName('Chosen models (4 of 4)');
  await expectAxeClean(page);
  await field.fill('another-model');
  await page.keyboard.press('Enter');
  await expect(page.locator('.picker__hint')).toContainText('Up to 4 models.');
  await expect(chips.getByRole('listitem')).toHaveCount(4);
  // Backspace in the empty field takes the last one out; a chip's own button takes out any of them.
  await field.fill('');
  await page.keyboard.press('Backspace');
  await chips.getByRole('button', { name: `Remove ${SLOW}` }).focus();
  await page.keyboard.press('Enter');
  await expect(chips.getByRole('listitem')).toHaveText([FAST, BROKE]);
  await expect(page.getByRole('button', { name: `Parameters for ${BROKE} (shared)` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Parameters for ${SLOW} (shared)` })).toHaveCount(0);
});

test('one click on the model count folds the list while the picker’s list is open, and names the models', async ({
  app,
}) => {
  const { page, server } = app;
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await openCompare(page);
  const [a, b, c] = server.models;
  await pickCompareModels(page, [a!, b!, c!]);
  await expect(page.getByRole('listbox', { name: /Models to compare/ })).toBeVisible();
  const summary = page.locator('.compare-bar__summary');
  await summary.click();
  await expect(summary).toHaveAttribute('aria-expanded', 'false');
  await expect(summary).toHaveText(`3 models: ${a}, ${b}, and ${c}`);
  await expect(summary).toBeFocused();
  await page.screenshot({ path: 'e2e/output/compare-folded.png' });
  await summary.press('Enter');
  await expect(summary).toHaveAttribute('aria-expanded', 'true');
});

test('four columns stream at once; a 402 fails one, one is stopped, the others finish with their facts', async ({
  app,
}) => {
  const { page } = app;
  script(app);
  await compare(page, [FAST, SLOW, BROKE, CUT], 'Which is best?');
  const region = page.getByRole('region', { name: '4 answers compared' });
  await expect(region.locator('.compare-column')).toHaveCount(4);
  // All four were asked before the slow one had finished: they run side by side, not one after another.
  await expect(column(page, SLOW)).toHaveAttribute('data-status', 'streaming');
  await expect(column(page, SLOW).locator('.compare-column__body')).toContainText('slow model');
  expect(
    app.server
      .chatRequests()
      .map((r) => (r.body as { model: string }).model)
      .sort(),
  ).toEqual([FAST, SLOW, BROKE, CUT].sort());
  await column(page, SLOW)
    .getByRole('button', { name: `Stop ${SLOW}` })
    .click();
  await expect(column(page, SLOW)).toHaveAttribute('data-status', 'stopped');

  await expect(column(page, BROKE)).toHaveAttribute('data-status', 'error');
  await expect(column(page, BROKE).getByRole('alert')).toContainText('Insufficient credits (402)');
  await expect(column(page, FAST)).toHaveAttribute('data-status', 'done');
  await expect(column(page, FAST).locator('.compare-column__body')).toHaveText(FAST_TEXT);
  await expect(column(page, FAST).locator('.compare-column__facts')).toContainText(/first token after \d+ ms/);
  await expect(column(page, FAST).locator('.compare-column__facts')).toContainText('tokens/s');
  await expect(column(page, FAST).locator('.compare-column__facts')).toContainText('tokens in ·');
  await expect(column(page, CUT)).toHaveAttribute('data-status', 'done');
  await expect(column(page, CUT).locator('.compare-column__status')).toHaveText('Cut at the length limit');
  await expect(column(page, CUT).locator('.compare-column__facts')).toContainText('finish: length');
  // The stopped column kept what had arrived.
  await expect(column(page, SLOW).locator('.compare-column__body')).toContainText('The slow model');
  await expect(region.locator('[aria-live="polite"]')).toContainText('4 of 4 answers finished');
  await page.screenshot({ path: 'e2e/output/compare-columns.png' });
  // Until an answer is chosen, the composer says what to do instead of sending.
  await expect(page.locator('.composer__hint')).toHaveText(
    'Choose one of the compared answers above to carry on from it.',
  );
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expectAxeClean(page);
});

test('Esc stops every column; the columns are reachable by keyboard', async ({ app }) => {
  const { page } = app;
  script(app, 'hang');
  app.server.byModel.set(FAST, { kind: 'stream', chunks: ['Quick ', 'words'], hang: true });
  await compare(page, [FAST, SLOW], 'Go on forever');
  await expect(column(page, FAST).locator('.compare-column__body')).toContainText('Quick words');
  await expect(column(page, SLOW).locator('.compare-column__body')).toContainText('slow');
  await column(page, FAST)
    .getByRole('button', { name: `Stop ${FAST}` })
    .focus();
  await page.keyboard.press('Tab');
  await expect(column(page, SLOW).getByRole('button', { name: `Stop ${SLOW}` })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(column(page, FAST)).toHaveAttribute('data-status', 'stopped');
  await expect(column(page, SLOW)).toHaveAttribute('data-status', 'stopped');
});

test('choosing an answer continues the thread with that model; the others stay versions; the arena counts it', async ({
  app,
}) => {
  const { page } = app;
  script(app);
  await compare(page, [FAST, CUT], 'Tell me a fact');
  await expect(column(page, FAST)).toHaveAttribute('data-status', 'done');
  await expect(column(page, CUT)).toHaveAttribute('data-status', 'done');
  await column(page, CUT).getByRole('button', { name: 'Choose this answer' }).click();

  await expect(page.locator('.compare-column')).toHaveCount(0);
  const reply = page.locator('.message--assistant');
  await expect(reply).toHaveCount(1);
  await expect(reply.locator('.message__content')).toHaveText(CUT_TEXT);
  const versions = reply.getByRole('group', { name: 'Versions' });
  await expect(versions).toContainText('2 / 2');
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue(CUT);

  // Carry on in the ordinary way: the next request goes to the chosen model, with the chosen answer in the thread.
  await page.getByRole('button', { name: 'Compare models' }).click();
  app.server.byModel.clear();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Tell me more');
  await composer.press('Enter');
  await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');
  const body = app.server.chatRequests().at(-1)!.body as { model: string; messages: { content: string }[] };
  expect(body.model).toBe(CUT);
  expect(body.messages.map((m) => m.content)).toEqual(['Tell me a fact', CUT_TEXT, 'Tell me more']);

  // The other answer is still one click away.
  await versions.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.locator('.message--assistant').first().locator('.message__content')).toHaveText(FAST_TEXT);

  await page.getByRole('button', { name: 'Arena summary' }).click();
  const arena = page.getByRole('table');
  await expect(arena.getByRole('caption')).toContainText('1 compare turn, 1 with a chosen answer');
  await expect(arena.getByRole('row', { name: new RegExp(CUT) })).toContainText('1 of 1');
  await expect(arena.getByRole('row', { name: new RegExp(FAST) })).toContainText('0 of 1');
});

test('parameters are shared unless a column is given its own', async ({ app }) => {
  const { page } = app;
  script(app);
  await openCompare(page);
  await pickCompareModels(page, [FAST, CUT]);
  await page.getByRole('button', { name: `Parameters for ${CUT} (shared)` }).click();
  await page.getByRole('textbox', { name: `Max tokens for ${CUT}` }).fill('0');
  await expect(page.getByRole('button', { name: 'Use for this column' })).toBeDisabled();
  await page.getByRole('textbox', { name: `Max tokens for ${CUT}` }).fill('64');
  await page.getByRole('button', { name: 'Use for this column' }).click();
  await expect(page.getByRole('button', { name: `Parameters for ${CUT} (own)` })).toBeVisible();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Shared or own?');
  await composer.press('Enter');
  await expect(column(page, CUT)).toHaveAttribute('data-status', 'done');
  await expect(column(page, FAST)).toHaveAttribute('data-status', 'done');
  const sentWith = Object.fromEntries(
    app.server.chatRequests().map((r) => {
      const body = r.body as { model: string; max_tokens?: number };
      return [body.model, body.max_tokens ?? null];
    }),
  );
  expect(sentWith).toEqual({ [FAST]: null, [CUT]: 64 });
});

test('one column can be regenerated with its own parameters', async ({ app }) => {
  const { page } = app;
  script(app);
  await compare(page, [FAST, CUT], 'Once more');
  await expect(column(page, FAST)).toHaveAttribute('data-status', 'done');
  app.server.byModel.set(FAST, { kind: 'stream', chunks: ['A second ', 'answer'], delayMs: 5 });
  await column(page, FAST).getByRole('button', { name: 'Parameters' }).click();
  await page.getByRole('textbox', { name: `Temperature for ${FAST}` }).fill('1.4');
  await column(page, FAST).getByRole('button', { name: 'Regenerate with these' }).click();
  await expect(column(page, FAST).locator('.compare-column__body')).toHaveText('A second answer');
  await expect(column(page, FAST)).toHaveAttribute('data-status', 'done');
  expect(app.server.chatRequests().at(-1)!.body).toMatchObject({ model: FAST, temperature: 1.4 });
  await expect(column(page, CUT).locator('.compare-column__body')).toHaveText(CUT_TEXT);
});

test('a restart mid-stream leaves every column resumable', async ({ app }) => {
  const { page } = app;
  script(app, 'hang');
  app.server.byModel.set(FAST, { kind: 'stream', chunks: ['Quick ', 'half '], hang: true });
  await compare(page, [FAST, SLOW], 'Start and crash');
  await expect(column(page, FAST).locator('.compare-column__body')).toContainText('Quick half');
  await expect(column(page, SLOW).locator('.compare-column__body')).toContainText('slow');
  // Main saves a growing reply every half second: the restart comes once both columns' text is on disk.
  const history = app.web!.services.history;
  const saved = () =>
    history
      .listMessages(history.listConversations()[0]!.id)
      .filter((m) => m.compare)
      .map((m) => m.content.length > 0);
  await expect.poll(saved).toEqual([true, true]);
  await app.web!.restart();

  await page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: 'Start and crash' })
    .click();
  for (const model of [FAST, SLOW]) {
    await expect(column(page, model)).toHaveAttribute('data-status', /interrupted|stopped/);
  }
  app.server.byModel.set(FAST, { kind: 'stream', chunks: ['and done.'], delayMs: 5 });
  app.server.byModel.set(SLOW, { kind: 'stream', chunks: [' and finished.'], delayMs: 5 });
  for (const model of [FAST, SLOW]) await column(page, model).getByRole('button', { name: 'Continue' }).click();
  await expect(column(page, FAST).locator('.compare-column__body')).toHaveText('Quick half and done.');
  await expect(column(page, SLOW)).toHaveAttribute('data-status', 'done');
  await expect(column(page, SLOW).locator('.compare-column__body')).toContainText('and finished.');
});

test.describe('in a narrow window, dark', () => {
  test.use({ viewport: { width: 640, height: 480 }, colorScheme: 'dark' });

  test('the columns are tabs, reachable with the arrow keys, and axe stays clean', async ({ app }) => {
    const { page } = app;
    script(app);
    await compare(page, [FAST, CUT], 'Small screen');
    const tabs = page.getByRole('tablist', { name: 'Compared models' });
    await expect(tabs.getByRole('tab')).toHaveCount(2);
    await expect(page.getByRole('tabpanel')).toHaveAttribute('data-model', FAST);
    await tabs.getByRole('tab', { name: FAST }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.getByRole('tab', { name: CUT })).toBeFocused();
    await expect(page.getByRole('tabpanel')).toHaveAttribute('data-model', CUT);
    await expect(page.getByRole('tabpanel')).toHaveAttribute('data-status', 'done');
    await expectAxeClean(page);
  });
});

test('after the window crashes, a compare turn comes back with its columns as plain text', async ({ app }) => {
  const { page } = app;
  script(app);
  app.server.byModel.set(FAST, { kind: 'stream', chunks: ['A **bold** ', 'claim.'], delayMs: 5 });
  await compare(page, [FAST, CUT], 'Crash me');
  await expect(column(page, FAST).locator('strong')).toHaveText('bold');
  await expect(column(page, CUT)).toHaveAttribute('data-status', 'done');
  const loaded = page.waitForEvent('load');
  app.web!.rendererGone('crashed');
  await loaded;
  await expect(column(page, FAST).locator('.compare-column__body')).toHaveText('A **bold** claim.');
  await expect(column(page, FAST).locator('strong')).toHaveCount(0);
  await expect(column(page, FAST).getByRole('button', { name: 'Choose this answer' })).toBeVisible();
});
