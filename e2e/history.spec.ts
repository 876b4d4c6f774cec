import type { Page } from '@playwright/test';
import { ask, expect, test } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const row = (page: Page, title: string) => sidebar(page).locator('.conv-row').filter({ hasText: title });

test.beforeEach(({ mode }) =>
  test.skip(mode === 'electron', 'restarts and file dialogs are driven through the web harness'),
);

test('a conversation survives a restart, and a reply cut off by it can be continued', async ({ app }) => {
  const { page, server } = app;
  await ask(page, 'Remember the word heliotrope');
  // The next reply hangs mid-stream when the app goes away.
  server.next({ kind: 'stream', chunks: ['Half of ', 'a reply '], hang: true });
  await composer(page).fill('Tell me more');
  await composer(page).press('Enter');
  await expect(page.locator('.message--assistant').last()).toContainText('Half of a reply');
  // The growing reply is saved at most every 500 ms: wait until the saved copy holds what is on screen.
  const { history } = app.web!.services;
  await expect
    .poll(() => history.listConversations().flatMap((c) => history.listMessages(c.id).map((m) => m.content)))
    .toContain('Half of a reply ');
  // Simulates a crash: the old services never finish the stream.
  const crashed = app.web!.services;
  crashed.chat.stop = () => {};
  crashed.chat.stopAll = () => {};
  await app.web!.restart();

  await row(page, 'Remember the word heliotrope')
    .getByRole('button', { name: /heliotrope/ })
    .click();
  await expect(page.locator('.message--user .message__content').first()).toHaveText('Remember the word heliotrope');
  const cut = page.locator('.message--assistant').last();
  await expect(cut).toHaveAttribute('data-status', 'interrupted');
  await expect(cut).toContainText('Half of a reply');
  await page.screenshot({ path: 'e2e/output/history-interrupted.png' });

  server.next({ kind: 'stream', chunks: ['and the rest.'] });
  await cut.getByRole('button', { name: 'Continue' }).click();
  await expect(cut).toHaveAttribute('data-status', 'done');
  await expect(cut.locator('.message__content')).toHaveText('Half of a reply and the rest.');
});

test('search finds a word from an old conversation and opens it at that message', async ({ app }) => {
  const { page, web } = app;
  // An old conversation, long enough that the hit is not in its newest page.
  const history = web!.services.history;
  const old = history.createConversation({ title: 'Old garden notes', model: 'm', params: {}, systemPrompt: '' });
  let parentId: string | null = null;
  for (let i = 0; i < 160; i++) {
    const content = i === 3 ? 'The quince tree needs pruning in late winter.' : `Note ${i} about tomatoes and basil.`;
    parentId = history.addMessage({
      conversationId: old.id,
      parentId,
      role: i % 2 ? 'assistant' : 'user',
      content,
      status: 'done',
      model: null,
    }).id;
  }
  await ask(page, 'Something recent about the weather');
  await page.reload();
  await expect(row(page, 'Old garden notes')).toBeVisible();

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search chats' });
  await dialog.getByRole('searchbox').fill('quin');
  const hit = dialog.locator('.search-hit').first();
  await expect(hit).toContainText('Old garden notes');
  await expect(hit.locator('mark')).toHaveText('quince');
  await page.screenshot({ path: 'e2e/output/history-search.png' });
  await expectAxeClean(page);
  await hit.click();

  await expect(dialog).toBeHidden();
  const target = page.locator('.message--focused');
  await expect(target).toContainText('The quince tree needs pruning');
  await expect(target).toBeInViewport();
  await expect(page.locator('.chat__title')).toHaveText('Old garden notes');
});

test.describe('offline with no key', () => {
  test.use({ keySource: 'none' });

  test('opens, lists, opens, searches and exports saved chats', async ({ app }) => {
    const { page, web, server } = app;
    const history = web!.services.history;
    const c = history.createConversation({ title: 'Saved while online', model: 'm', params: {}, systemPrompt: '' });
    const question = history.addMessage({
      conversationId: c.id,
      parentId: null,
      role: 'user',
      content: 'What is a marmot?',
      status: 'done',
      model: null,
    });
    history.addMessage({
      conversationId: c.id,
      parentId: question.id,
      role: 'assistant',
      content: 'A large ground squirrel.',
      status: 'done',
      model: 'm',
    });
    await server.stop();
    await page.context().setOffline(true);
    await web!.restart();

    await expect(page.locator('.composer__hint')).toContainText('Add your ModelsLab API key in Settings');
    await row(page, 'Saved while online').getByRole('button', { name: 'Saved while online' }).click();
    await expect(page.locator('.message--assistant .message__content')).toHaveText('A large ground squirrel.');
    await page.keyboard.press('Control+k');
    await page.getByRole('searchbox').fill('squirrel');
    await expect(page.locator('.search-hit')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await row(page, 'Saved while online').getByRole('button', { name: 'Chat actions' }).click();
    await page.getByRole('menuitem', { name: 'Export as Markdown' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();
    expect(web!.saved.at(-1)!.content).toContain('A large ground squirrel.');
    expect(server.requests).toEqual([]);
  });
});

test('a backup exported and imported into a fresh history brings every chat back, once', async ({ app }) => {
  const { page, web } = app;
  await ask(page, 'First chat about otters');
  await page.getByRole('button', { name: 'New chat' }).click();
  await ask(page, 'Second chat about beavers');
  await page.getByRole('button', { name: 'Back up all chats' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup saved' })).toBeVisible();
  const backup = web!.saved.at(-1)!;

  // Delete both, then restore them from the backup.
  for (const title of ['Second chat about beavers', 'First chat about otters']) {
    await row(page, title).getByRole('button', { name: 'Chat actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await expect(row(page, title)).toHaveCount(0);
  }
  await web!.restart(); // deleted chats are gone for good at the next start
  await expect(page.locator('.sidebar__empty')).toBeVisible();

  web!.nextOpen = backup.path;
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 chats with 4 messages' })).toBeVisible();
  await expect(sidebar(page).locator('.conv-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 already here' })).toBeVisible();
  await expect(sidebar(page).locator('.conv-row')).toHaveCount(2);
});

test('rename, pin, folders and undoable delete in a list of many chats', async ({ app }) => {
  const { page, web } = app;
  const history = web!.services.history;
  for (let i = 0; i < 1500; i++) {
    const c = history.createConversation({ title: `Chat number ${i}`, model: 'm', params: {}, systemPrompt: '' });
    if (i % 100 === 0) history.updateConversation(c.id, { folder: i % 200 === 0 ? 'Work' : 'Home' });
  }
  await page.reload();
  await expect(row(page, 'Chat number 1499')).toBeVisible();
  // Only the rows on screen are in the page.
  expect(await sidebar(page).locator('.conv-row').count()).toBeLessThan(60);

  const target = row(page, 'Chat number 1497');
  await target.getByRole('button', { name: 'Chat actions' }).click();
  await page.getByRole('menuitem', { name: 'Pin to top' }).click();
  await expect(sidebar(page).locator('.conv-row').first()).toContainText('Chat number 1497');

  await sidebar(page).locator('.conv-row').first().getByRole('button', { name: 'Chat number 1497' }).dblclick();
  await page.getByRole('textbox', { name: 'New title' }).fill('Pinned plans');
  await page.keyboard.press('Enter');
  await expect(sidebar(page).locator('.conv-row').first()).toContainText('Pinned plans');

  await row(page, 'Chat number 1498').getByRole('button', { name: 'Chat actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(row(page, 'Chat number 1498')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/output/history-sidebar.png' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Chat number 1498')).toHaveCount(1);
  await row(page, 'Chat number 1498').getByRole('button', { name: 'Chat actions' }).click();
  await expectAxeClean(page);
  await page.keyboard.press('Escape');

  await sidebar(page).getByRole('combobox', { name: 'Folder' }).selectOption('Work');
  await expect(sidebar(page).locator('.conv-row')).toHaveCount(8);

  // Scrolling to the end loads the remaining pages.
  await sidebar(page).getByRole('combobox', { name: 'Folder' }).selectOption({ label: 'All chats' });
  const list = sidebar(page).locator('.sidebar__list');
  for (let i = 0; i < 30; i++) await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(row(page, 'Chat number 0')).toBeVisible();
});

test('a long conversation opens at its newest page and loads older ones on scrolling up', async ({ app }) => {
  const { page, web } = app;
  const history = web!.services.history;
  const long = history.createConversation({ title: 'A long one', model: 'm', params: {}, systemPrompt: '' });
  let parentId: string | null = null;
  for (let i = 0; i < 450; i++) {
    parentId = history.addMessage({
      conversationId: long.id,
      parentId,
      role: i % 2 ? 'assistant' : 'user',
      content: `Line ${i}`,
      status: 'done',
      model: null,
    }).id;
  }
  await page.reload();
  await row(page, 'A long one').getByRole('button', { name: 'A long one' }).click();
  await expect(page.locator('.message .message__content').last()).toHaveText('Line 449');
  // Only what is on screen is in the page.
  expect(await page.locator('.message').count()).toBeLessThan(40);
  const list = page.locator('.message-list');
  await expect(async () => {
    await list.evaluate((el) => (el.scrollTop = 0));
    await expect(page.locator('.message[data-message-id] .message__content').first()).toHaveText('Line 0', {
      timeout: 300,
    });
  }).toPass({ timeout: 15_000 });
});
