import type { AppCommand, EventChannel, EventPayloads } from '../src/shared/contract';
import shortcutNames from '../src/shared/locales/en/shortcuts.json' with { type: 'json' };
import { shortcutFor } from '../src/shared/shortcuts';
import { expect, test, type AppFixture } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

/** Sends an event the way main does: through the real window in Electron, through the harness's IPC on the web. */
async function fromMain<C extends EventChannel>(app: AppFixture, channel: C, payload: EventPayloads[C]) {
  if (app.electron) {
    await app.electron.evaluate(
      ({ BrowserWindow }, [c, p]) => BrowserWindow.getAllWindows()[0]!.webContents.send(c, p),
      [channel, payload] as const,
    );
  } else {
    await app.page.evaluate(
      ([c, p]) => (window as unknown as { __ipcEmit(c: string, p: unknown): void }).__ipcEmit(c, p),
      [channel, payload] as const,
    );
  }
}

/** In Electron, clicks the real application menu item; on the web, sends the command that item sends. */
async function menuCommand(app: AppFixture, command: AppCommand) {
  if (!app.electron) return fromMain(app, 'app.command', command);
  await app.electron.evaluate(({ Menu }, label) => {
    const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined =>
      items.map((i) => (i.label === label ? i : i.submenu && find(i.submenu.items))).find(Boolean);
    find(Menu.getApplicationMenu()!.items)!.click();
  }, shortcutNames[shortcutFor(command).label]);
}

async function clipboardText(app: AppFixture): Promise<string> {
  if (app.electron) return app.electron.evaluate(({ clipboard }) => clipboard.readText());
  return app.copied.at(-1) ?? '';
}

test('a downloaded update shows a quiet "Restart to update" that does not block the chat', async ({ app }) => {
  await fromMain(app, 'app.update', { version: '9.9.9' });
  const banner = app.page.getByRole('status', { name: 'Update ready' });
  await expect(banner).toContainText('ModelsLab Chat 9.9.9 is ready');

  const composer = app.page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Still typing while the notice is up');
  await expect(composer).toHaveValue('Still typing while the notice is up');
  await app.page.screenshot({ path: 'e2e/output/update-banner.png' });
  await expectAxeClean(app.page, '.update-banner');

  await banner.getByRole('button', { name: 'Later' }).click();
  await expect(banner).toBeHidden();

  await fromMain(app, 'app.update', { version: '9.9.9' });
  const calls = app.toRenderer.length;
  await banner.getByRole('button', { name: 'Restart to update' }).click();
  if (!app.electron)
    await expect.poll(() => app.toRenderer.slice(calls)).toContainEqual({ ok: true, value: undefined });
});

test('the menu’s New Chat and Copy Last Reply act on the window', async ({ app }) => {
  const composer = app.page.getByRole('textbox', { name: 'Message' });
  app.server.next({ kind: 'stream', chunks: ['The last ', 'reply.'] });
  await composer.fill('Say something');
  await composer.press('Enter');
  const reply = app.page.locator('.message--assistant').last();
  await expect(reply).toHaveAttribute('data-status', 'done');

  await menuCommand(app, 'copy-last-reply');
  await expect.poll(() => clipboardText(app)).toBe('The last reply.');

  await menuCommand(app, 'new-chat');
  await expect(app.page.locator('.chat__title')).toHaveText('New chat');
  await expect(app.page.locator('.message')).toHaveCount(0);
});

test('the keyboard reaches the same commands as the menu', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('New Chat');
  await expect(sheet).toContainText('Copy Last Reply');
  await expect(sheet).toContainText('Edit your last message');
  await page.screenshot({ path: 'e2e/output/shortcuts.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await page.keyboard.press('Control+,');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Escape');

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Hello');
  await composer.press('Enter');
  await expect(page.locator('.message--assistant')).toHaveAttribute('data-status', 'done');
  await page.keyboard.press('Control+Shift+C');
  await expect.poll(() => app.copied.at(-1)).toContain('You said: Hello');
  await page.keyboard.press('Control+N');
  await expect(page.locator('.message')).toHaveCount(0);
  await expect(composer).toBeFocused();
});

test('Esc then the shortcut at once opens the dialog again, every time', async ({ app }) => {
  const { page } = app;
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await page.keyboard.press('Control+,');
  await expect(settings).toBeVisible();
  // The close event of a dialog comes a task after Esc: pressed this fast, the shortcut lands before it.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+,');
    await expect(settings, `round ${i + 1}`).toBeVisible();
    await expect(settings.getByRole('tablist')).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
});
