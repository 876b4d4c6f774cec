import type { Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docx, encryptedPdf, imagePdf, textPdf } from '../test/documents';
import { expect, test } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const chips = (page: Page) => page.getByRole('list', { name: 'Attached documents' });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const row = (page: Page, title: string) => sidebar(page).locator('.conv-row').filter({ hasText: title });

test.beforeEach(({ mode }) => test.skip(mode === 'electron', 'the Open dialog is driven through the web harness'));

/** Drops or pastes files on the page as the OS would: their bytes in a DataTransfer. */
async function give(page: Page, how: 'drop' | 'paste', files: { name: string; bytes: Buffer | null; size?: number }[]) {
  await page.evaluate(
    ({ how, files }) => {
      const data = new DataTransfer();
      for (const f of files) {
        const bytes =
          f.base64 !== null ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : new Uint8Array(f.size);
        data.items.add(new File([bytes], f.name));
      }
      if (how === 'paste') {
        const box = document.querySelector('textarea')!;
        box.focus();
        box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      } else {
        document
          .querySelector('main')!
          .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    {
      how,
      files: files.map((f) => ({ name: f.name, base64: f.bytes?.toString('base64') ?? null, size: f.size ?? 0 })),
    },
  );
}

test('a PDF, a DOCX and a source file go with the question, search finds the chat by the PDF, a backup keeps them', async ({
  app,
}) => {
  const { page, web } = app;
  const dir = mkdtempSync(join(tmpdir(), 'attach-'));
  const pdfPath = join(dir, 'report.pdf');
  writeFileSync(
    pdfPath,
    await textPdf(['Quarterly report', 'The zanzibarite mine doubled output.', 'Outlook: steady.']),
  );
  const codePath = join(dir, 'main.py');
  writeFileSync(codePath, 'def answer():\n    return 42\n');

  // By the Open dialog main shows, by dropping, and by pasting.
  web!.nextOpen = pdfPath;
  await page.getByRole('button', { name: 'Attach a document' }).click();
  await expect(chips(page).getByRole('listitem').filter({ hasText: 'report.pdf' })).toContainText('3 pages');
  await give(page, 'drop', [{ name: 'notes.docx', bytes: docx(['Agenda', 'Hire two geologists']) }]);
  web!.nextOpen = codePath;
  await page.getByRole('button', { name: 'Attach a document' }).click();
  await expect(chips(page).getByRole('listitem')).toHaveCount(3);
  await expect(chips(page).getByRole('listitem').filter({ hasText: 'main.py' })).toContainText('2 lines');
  await expect(chips(page).getByRole('listitem').filter({ hasText: 'notes.docx' })).toContainText('tokens');
  await page.screenshot({ path: 'e2e/output/documents-chips.png' });

  // The extracted text, in a dialog that Esc closes; the page passes axe with the chips and the dialog.
  await page.getByRole('button', { name: 'Show the text of report.pdf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Text of report.pdf' });
  await expect(dialog).toContainText('--- page 2 ---\nThe zanzibarite mine doubled output.');
  await expectAxeClean(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Removing one by keyboard; it is not sent.
  await give(page, 'paste', [{ name: 'scratch.txt', bytes: Buffer.from('not for the model\n') }]);
  await page.getByRole('button', { name: 'Remove scratch.txt' }).focus();
  await page.keyboard.press('Enter');
  await expect(chips(page).getByRole('listitem')).toHaveCount(3);

  // A reply of its own (the server would otherwise echo the prompt, documents and all).
  app.server.next({ kind: 'stream', chunks: ['The mine ', 'doubled ', 'its output.'], delayMs: 20 });
  await composer(page).fill('Summarise the attached files.');
  await composer(page).press('Enter');
  await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');
  await expect(chips(page)).toHaveCount(0);
  await expect(
    page.locator('.message--user').getByRole('list', { name: 'Documents' }).getByRole('listitem'),
  ).toHaveCount(3);
  const body = app.server.chatRequests().at(-1)!.body as { messages: { role: string; content: string }[] };
  expect(body.messages.at(-1)).toEqual({
    role: 'user',
    content:
      '<document name="report.pdf" type="pdf" pages="3">\n' +
      '--- page 1 ---\nQuarterly report\n--- page 2 ---\nThe zanzibarite mine doubled output.\n--- page 3 ---\nOutlook: steady.\n' +
      '</document>\n\n' +
      '<document name="notes.docx" type="docx">\nAgenda\n\nHire two geologists\n</document>\n\n' +
      '<document name="main.py" type="text">\ndef answer():\n    return 42\n\n</document>\n\n' +
      'Summarise the attached files.',
  });
  await expect(page.locator('.message--assistant').last()).toContainText('The mine doubled its output.');

  // Search finds the chat by a word only in the PDF, and names the PDF.
  await page.keyboard.press('Control+K');
  await page.getByRole('searchbox').fill('zanzibarite');
  const hit = page.locator('.search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('report.pdf: ');
  await page.keyboard.press('Escape');

  // A backup, the chat deleted for good, the backup imported: the documents are back, text and all.
  await page.getByRole('button', { name: 'Back up all chats' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup saved' })).toBeVisible();
  const backup = web!.saved.at(-1)!;
  const title = 'Summarise the attached files.';
  await row(page, title).getByRole('button', { name: 'Chat actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(row(page, title)).toHaveCount(0);
  await web!.restart();
  web!.nextOpen = backup.path;
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 chat' })).toBeVisible();
  await row(page, title).click();
  await page.getByRole('button', { name: 'Show the text of report.pdf' }).click();
  await expect(page.getByRole('dialog', { name: 'Text of report.pdf' })).toContainText('zanzibarite');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+K');
  await page.getByRole('searchbox').fill('geologists');
  await expect(page.locator('.search-hit')).toContainText('notes.docx: ');
});

test('a file that cannot be attached says why, in the composer', async ({ app }) => {
  const { page } = app;
  await give(page, 'drop', [
    { name: 'locked.pdf', bytes: encryptedPdf(await textPdf(['secret'])) },
    { name: 'scan.pdf', bytes: await imagePdf(1) },
    { name: 'photo.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0]) },
    { name: 'huge.log', bytes: null, size: 51 * 1024 * 1024 },
  ]);
  const chip = (name: string) => chips(page).getByRole('listitem').filter({ hasText: name }).getByRole('alert');
  await expect(chip('locked.pdf')).toContainText('That document needs a password');
  await expect(chip('scan.pdf')).toContainText('That document has no text layer');
  await expect(chip('photo.txt')).toContainText('That file is not text');
  await expect(chip('huge.log')).toContainText('“huge.log” is 51 MB; files up to 50 MB can be attached.');
  // Failed files block nothing: the message goes without them.
  await composer(page).fill('Hello');
  await composer(page).press('Enter');
  await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');
  const body = app.server.chatRequests().at(-1)!.body as { messages: { content: string }[] };
  expect(body.messages.at(-1)!.content).toBe('Hello');
});

test('a document too big for the context is refused before sending, left out, or cut to fit', async ({ app }) => {
  const { page, server } = app;
  // A model served with a small context, set by the user; a file several times its size.
  await page.getByRole('button', { name: 'Parameters' }).click();
  await page.getByRole('spinbutton', { name: 'Context length' }).fill('2048');
  await page.getByRole('button', { name: 'Close parameters' }).click();
  const lines = Array.from({ length: 600 }, (_, i) => `Line ${i + 1}: the basalt survey found more ore to the north.`);
  const big = { name: 'survey.txt', bytes: Buffer.from(lines.join('\n') + '\n') };
  const send = page.getByRole('button', { name: 'Send', exact: true });

  // The composer says so before anything is sent, and will not send.
  await give(page, 'drop', [big]);
  const notice = page.locator('.documents__over');
  await expect(notice).toContainText(/The documents need about [\d,.k]+ tokens; this chat’s context has room for/);
  await composer(page).fill('What did the survey find?');
  await expect(page.locator('.composer__hint')).toHaveText(
    'The documents do not fit: leave some out, or let the app cut them.',
  );
  await expect(send).toBeDisabled();
  await composer(page).press('Enter');
  await page.screenshot({ path: 'e2e/output/documents-over-budget.png' });
  await expectAxeClean(page);
  expect(server.chatRequests()).toHaveLength(0);

  // Unticked, the document stays behind and the message goes alone.
  await chips(page)
    .getByRole('listitem')
    .filter({ hasText: 'survey.txt' })
    .getByRole('checkbox', { name: 'Send' })
    .uncheck();
  await expect(notice).toHaveCount(0);
  await expect(send).toBeEnabled();
  await composer(page).press('Enter');
  await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');
  const alone = server.chatRequests().at(-1)!.body as { messages: { content: string }[] };
  expect(JSON.stringify(alone.messages)).not.toContain('<document');
  expect(alone.messages.at(-1)!.content).toBe('What did the survey find?');

  // Cut to fit, it goes with its beginning and a line telling the model how much was sent.
  await give(page, 'drop', [big]);
  await notice.getByRole('checkbox', { name: /Cut them to fit/ }).check();
  await expect(page.locator('.composer__hint')).not.toContainText('do not fit');
  server.next({ kind: 'stream', chunks: ['Ore to the north.'] });
  await composer(page).fill('And now?');
  await composer(page).press('Enter');
  await expect(page.locator('.message--assistant').last()).toHaveAttribute('data-status', 'done');
  const cut = (server.chatRequests().at(-1)!.body as { messages: { content: string }[] }).messages.at(-1)!.content;
  const match = cut.match(
    /^<document name="survey\.txt" type="text">\nLine 1: the basalt survey[^]*\n\[Cut to fit the model's context: the first (\d+) of (\d+) characters are sent\.\]\n<\/document>\n\nAnd now\?$/,
  );
  expect(match).not.toBeNull();
  const [kept, total] = [Number(match![1]), Number(match![2])];
  expect(total).toBe(big.bytes.length);
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(total);
  expect(cut).not.toContain('Line 600:');
  await expect(page.locator('.message--user').last()).toContainText('cut to fit');
});
