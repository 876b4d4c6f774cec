import type { Page } from '@playwright/test';
import { ask, expect, test } from './fixtures/test';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const assistant = (page: Page) => page.locator('.message--assistant');
const user = (page: Page) => page.locator('.message--user');
const userTexts = (page: Page) => page.locator('.message--user .message__content');

test('Regenerate keeps the old reply as a version with a ‹ 2/2 › switcher', async ({ app }) => {
  const { page } = app;
  app.server.next({ kind: 'stream', chunks: ['Red'] });
  await ask(page, 'Name a colour');
  app.server.next({ kind: 'stream', chunks: ['Blue'], delayMs: 50 });
  await assistant(page).getByRole('button', { name: 'Regenerate' }).click();
  await expect(assistant(page)).toHaveCount(1);
  await expect(assistant(page).locator('.message__content')).toHaveText('Blue');
  await expect(assistant(page)).toHaveAttribute('data-status', 'done');
  const versions = assistant(page).getByRole('group', { name: 'Versions' });
  await expect(versions).toContainText('2 / 2');
  await versions.getByRole('button', { name: 'Previous version' }).click();
  await expect(assistant(page).locator('.message__content')).toHaveText('Red');
  await expect(versions).toContainText('1 / 2');
  await expect(versions.getByRole('button', { name: 'Previous version' })).toBeDisabled();
  await versions.getByRole('button', { name: 'Next version' }).click();
  await expect(assistant(page).locator('.message__content')).toHaveText('Blue');
  const body = app.server.chatRequests().at(-1)!.body as { messages: unknown[] };
  expect(body.messages).toEqual([{ role: 'user', content: 'Name a colour' }]);
});

test('editing a message branches, and the old branch stays reachable', async ({ app }) => {
  const { page } = app;
  await ask(page, 'First');
  await ask(page, 'Second');
  await user(page).first().getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('textbox', { name: 'Edit message' });
  await expect(editor).toHaveValue('First');
  await editor.fill('First, edited');
  await editor.press('Enter');
  await expect(userTexts(page)).toHaveText(['First, edited']);
  await expect(assistant(page)).toHaveCount(1);
  await expect(assistant(page)).toHaveAttribute('data-status', 'done');
  await expect(assistant(page)).toContainText('You said: First, edited');

  const versions = user(page).getByRole('group', { name: 'Versions' });
  await expect(versions).toContainText('2 / 2');
  await versions.getByRole('button', { name: 'Previous version' }).click();
  await expect(userTexts(page)).toHaveText(['First', 'Second']);
  await expect(assistant(page)).toHaveCount(2);
});

test('↑ in an empty composer edits the last message; Esc cancels', async ({ app }) => {
  const { page } = app;
  await ask(page, 'Typo here');
  await composer(page).press('ArrowUp');
  const editor = page.getByRole('textbox', { name: 'Edit message' });
  await expect(editor).toHaveValue('Typo here');
  await editor.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(userTexts(page)).toHaveText(['Typo here']);
});

test('Copy puts the message’s Markdown on the clipboard', async ({ app }) => {
  const { page } = app;
  app.server.next({ kind: 'stream', chunks: ['# Title\n\n', '- **bold** item'] });
  await ask(page, 'Markdown please');
  await assistant(page).getByRole('button', { name: 'Copy' }).click();
  await expect(assistant(page).getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(app.copied).toEqual(['# Title\n\n- **bold** item']);
});

test('Delete removes a message and the replies after it, after a confirmation', async ({ app }) => {
  const { page } = app;
  await ask(page, 'Keep this');
  await ask(page, 'Remove this');
  await user(page).last().getByRole('button', { name: 'Delete' }).click();
  await user(page)
    .last()
    .getByRole('group', { name: 'Confirm delete' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(userTexts(page)).toHaveText(['Keep this']);
  await expect(assistant(page)).toHaveCount(1);
});
