import type { Page } from '@playwright/test';
import { STARTER_ASSISTANTS } from '../src/shared/assistants';
import { expect, test } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

const message = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const lastReply = (page: Page) => page.locator('.message--assistant').last();

test('an empty chat offers the starter assistants, and one click starts a chat with one', async ({ app }) => {
  const { page, server } = app;
  const cards = page.getByRole('region', { name: 'Start with an assistant' });
  await expect(cards.getByRole('listitem')).toHaveCount(STARTER_ASSISTANTS.length);
  await expectAxeClean(page);
  await cards.getByRole('button', { name: /^Code reviewer/ }).click();
  await expect(message(page)).toBeFocused();
  await message(page).fill('function add(a, b) { return a - b }');
  await message(page).press('Enter');
  await expect(lastReply(page)).toHaveAttribute('data-status', 'done');
  const reviewer = STARTER_ASSISTANTS.find((a) => a.name === 'Code reviewer')!;
  const body = server.chatRequests().at(-1)!.body as { messages: { content: string }[]; temperature: number };
  expect(body.messages[0]!.content).toBe(reviewer.systemPrompt);
  expect(body.temperature).toBe(0.2);
});

test('assistants are edited, added and deleted from the sidebar, and kept', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation').getByRole('button', { name: 'Assistants' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assistants' });
  await expect(dialog).toBeVisible();
  await expectAxeClean(page);

  await dialog.getByRole('button', { name: 'Edit Translator' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill('To French');
  await dialog.getByLabel('System prompt').fill('Translate into French.');
  await dialog.getByRole('button', { name: 'Save assistant' }).click();
  await expect(dialog.getByRole('button', { name: 'Edit To French' })).toBeVisible();

  // A name already taken is refused in place.
  await dialog.getByRole('button', { name: 'New assistant' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill('Summarizer');
  const model = dialog.getByRole('combobox', { name: 'Assistant model' });
  await model.fill('meta-llama-3-8B-instruct');
  // The picker's list opens over the form; Esc closes the list, not the dialog.
  await model.press('ArrowDown');
  await expect(dialog.getByRole('listbox', { name: 'Assistant model list' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('assistant-form-picker.png') });
  await model.press('Escape');
  await expect(dialog.getByRole('listbox', { name: 'Assistant model list' })).toBeHidden();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Save assistant' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Another assistant has that name');
  await dialog.getByLabel('Name', { exact: true }).fill('Poet');
  await dialog.getByRole('button', { name: 'Save assistant' }).click();
  await dialog.getByRole('button', { name: 'Delete Brainstorm partner' }).click();
  await expect(dialog.getByRole('button', { name: 'Delete Brainstorm partner' })).toHaveCount(0);

  const saved = app.web!.services.settings.get().values.assistants;
  expect(saved.map((a) => a.name)).toContain('Poet');
  expect(saved.map((a) => a.name)).not.toContain('Brainstorm partner');
  expect(saved.find((a) => a.name === 'To French')).toMatchObject({ systemPrompt: 'Translate into French.' });
  // The edited one keeps its place.
  expect(saved.findIndex((a) => a.name === 'To French')).toBe(
    STARTER_ASSISTANTS.findIndex((a) => a.name === 'Translator'),
  );
  expect(saved.find((a) => a.name === 'Poet')).toMatchObject({ model: 'meta-llama-3-8B-instruct' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('“/” in the message box finds a saved prompt by name and inserts it', async ({ app }) => {
  const { page } = app;
  await message(page).fill('/summ');
  const list = page.getByRole('listbox', { name: 'Saved prompts' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('Summarizer');
  await expectAxeClean(page);
  await message(page).press('Enter');
  const summarizer = STARTER_ASSISTANTS.find((a) => a.name === 'Summarizer')!;
  await expect(message(page)).toHaveValue(summarizer.systemPrompt);
  await expect(list).toBeHidden();
  // Nothing was sent: Enter chose the prompt.
  expect(app.server.chatRequests()).toHaveLength(0);

  // Esc closes the list and leaves the text as typed.
  await message(page).fill('/t');
  await expect(list.getByRole('option').first()).toBeVisible();
  await message(page).press('ArrowDown');
  await message(page).press('Escape');
  await expect(list).toBeHidden();
  await expect(message(page)).toHaveValue('/t');
});
