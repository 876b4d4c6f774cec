import { afterAll, describe, expect, it } from 'vitest';
import { input, startChat } from '../../../test/chat-harness';
import { docx, encryptedPdf, imagePdf, longPdf, textPdf, zeros, docxParts } from '../../../test/documents';
import { zipArchive } from './zip';
import type { DocumentProgressEvent } from '../../shared/contract';
import { ApiError } from '../../shared/errors';

type Ctx = Awaited<ReturnType<typeof startChat>>;
const contexts: Ctx[] = [];

async function chat(): Promise<Ctx> {
  const ctx = await startChat();
  contexts.push(ctx);
  return ctx;
}

afterAll(async () => {
  for (const ctx of contexts) {
    await ctx.services.closeDocuments();
    await ctx.server.stop();
  }
});

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

/** The refusal's code and message, failing the test if the file was accepted. */
async function refused(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('attaching documents', () => {
  it('reads a dropped PDF with page progress, keeps its text once, and shows what its block will cost', async () => {
    const ctx = await chat();
    const pdf = await longPdf(3);
    const draft = await ctx.services.documents.fromBytes(ctx.sender, 'r1', 'report.pdf', b64(pdf));
    expect(draft).toMatchObject({ name: 'report.pdf', kind: 'pdf', pages: 3, keptChars: null, warnings: [] });
    expect(draft.id).toMatch(/^[0-9a-f]{64}$/);
    expect(draft.tokens).toBeGreaterThan(30);
    const progress = ctx.sender.events
      .filter((e) => e.channel === 'documents.progress')
      .map((e) => e.payload as DocumentProgressEvent);
    expect(progress.map((p) => [p.requestId, p.done, p.total])).toEqual([
      ['r1', 1, 3],
      ['r1', 2, 3],
      ['r1', 3, 3],
    ]);
    const again = await ctx.services.documents.fromBytes(ctx.sender, 'r2', 'copy.pdf', b64(pdf));
    expect(again.id).toBe(draft.id);
    expect(ctx.services.documentStore.ids()).toEqual([draft.id]);
    const text = ctx.services.documents.text(draft.id);
    expect(text.pages?.[2]).toBe('Page 3 line 1: the quarterly figures rose again.');
  });

  it('reads the file the Open dialog chose, and answers null when the user cancelled', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'pick-')), 'main.ts');
    writeFileSync(path, 'export const answer = 42;\n');
    let next: string | null = path;
    const ctx = await startChat({ files: { saveFile: async () => null, openFile: async () => next } });
    contexts.push(ctx);
    const draft = await ctx.services.documents.pick(ctx.sender, 'p1');
    expect(draft).toMatchObject({ name: 'main.ts', kind: 'text', lines: 1, pages: null });
    next = null;
    expect(await ctx.services.documents.pick(ctx.sender, 'p2')).toBeNull();
  });

  it('cancels a file being read', async () => {
    const ctx = await chat();
    const pdf = await longPdf(150, 20);
    const reading = ctx.services.documents.fromBytes(ctx.sender, 'big', 'long.pdf', b64(pdf));
    await ctx.sender.waitFor(() => ctx.sender.events.find((e) => e.channel === 'documents.progress'));
    ctx.services.documents.cancel('big');
    expect(await refused(reading)).toEqual({ code: 'cancelled', message: 'Reading “long.pdf” was cancelled.' });
  });
});

describe('a bad file reaches the composer as a clear message', () => {
  const cases: [string, string, () => Promise<Buffer> | Buffer, string, RegExp][] = [
    ['encrypted PDF', 'locked.pdf', async () => encryptedPdf(await longPdf(1)), 'document_encrypted', /password/],
    ['scanned PDF', 'scan.pdf', () => imagePdf(2), 'document_no_text', /no text|scanned/i],
    [
      'truncated PDF',
      'cut.pdf',
      async () => (await textPdf(['Hello'])).subarray(0, 300),
      'document_damaged',
      /damaged|incomplete|could not be read/i,
    ],
    [
      'DOCX zip bomb',
      'bomb.docx',
      // 64 MiB of zeros claiming to be 1,000 bytes.
      () => zipArchive([...docxParts(['hi']), zeros('word/styles.xml', 64, 1000)]),
      'document_too_complex',
      /zip bomb/,
    ],
    [
      'binary renamed .txt',
      'photo.txt',
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0]),
      'document_binary',
      /not text|binary/i,
    ],
  ];
  for (const [what, name, make, code, message] of cases) {
    it(`${what}: ${code}`, async () => {
      const ctx = await chat();
      const error = await refused(ctx.services.documents.fromBytes(ctx.sender, what, name, b64(await make())));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).toContain(name);
    });
  }

  it('reads non-UTF-8 text by its detected encoding, and says so', async () => {
    const ctx = await chat();
    const latin1 = Buffer.from(
      'Café crème brûlée, à la carte. Déjà vu près de la forêt. Garçon! Où est la bibliothèque?',
      'latin1',
    );
    const draft = await ctx.services.documents.fromBytes(ctx.sender, 'enc', 'menu.txt', b64(latin1));
    expect(ctx.services.documents.text(draft.id).text).toContain('Café crème brûlée');
    expect(draft.warnings.join(' ')).toMatch(/encoding|ISO-8859|windows-1252/i);
  });

  it('a file over the size limit is refused before it is read', async () => {
    const ctx = await chat();
    const { mkdtempSync, truncateSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'big-')), 'huge.log');
    writeFileSync(path, '');
    truncateSync(path, 60 * 1024 * 1024); // sparse: 60 MB on paper, nothing written
    const big = await startChat({ files: { saveFile: async () => null, openFile: async () => path } });
    contexts.push(big);
    expect(await refused(big.services.documents.pick(big.sender, 'huge'))).toEqual({
      code: 'document_too_large',
      message: '“huge.log” is 60 MB; files up to 50 MB can be attached.',
    });
    expect(ctx).toBeDefined();
  });
});

describe('sending documents', () => {
  it('the request carries each document in its block before the question; the reply streams', async () => {
    const ctx = await chat();
    const { documents } = ctx.services;
    const pdf = await documents.fromBytes(
      ctx.sender,
      'a',
      'report.pdf',
      b64(await textPdf(['Revenue rose.', 'Costs fell.'])),
    );
    const word = await documents.fromBytes(ctx.sender, 'b', 'notes.docx', b64(docx(['Agenda', 'Budget'])));
    const result = await ctx.services.chat.send(
      ctx.sender,
      input('Summarise these.', { documents: [pdf.id, word.id] }),
    );
    const final = await ctx.sender.end(result.assistantMessage.id);
    expect(final.status).toBe('done');
    const body = ctx.server.chatRequests().at(-1)!.body as { messages: { role: string; content: string }[] };
    expect(body.messages.at(-1)).toEqual({
      role: 'user',
      content:
        '<document name="report.pdf" type="pdf" pages="2">\n--- page 1 ---\nRevenue rose.\n--- page 2 ---\nCosts fell.\n</document>\n\n' +
        '<document name="notes.docx" type="docx">\nAgenda\n\nBudget\n</document>\n\n' +
        'Summarise these.',
    });
    expect(result.userMessage.documents.map((d) => d.name)).toEqual(['report.pdf', 'notes.docx']);
    // The next turn does not send them again.
    const next = await ctx.services.chat.send(ctx.sender, input('Thanks', { conversationId: result.conversation.id }));
    await ctx.sender.end(next.assistantMessage.id);
    const later = ctx.server.chatRequests().at(-1)!.body as { messages: { content: string }[] };
    expect(later.messages[0]!.content).toBe('Summarise these.');
  });

  it('refuses documents that do not fit the context before saving anything, or cuts them when allowed', async () => {
    const ctx = await chat();
    const pdf = await ctx.services.documents.fromBytes(ctx.sender, 'l', 'long.pdf', b64(await longPdf(16, 20)));
    const small = { context: { contextLength: 2048, sendLast: null } };
    const error = await refused(
      ctx.services.chat.send(ctx.sender, input('Read it', { ...small, documents: [pdf.id] })),
    );
    expect(error.code).toBe('documents_over_budget');
    expect(ctx.services.history.listConversations()).toEqual([]);

    const result = await ctx.services.chat.send(
      ctx.sender,
      input('Read it', { ...small, documents: [pdf.id], fitDocuments: true }),
    );
    await ctx.sender.end(result.assistantMessage.id);
    const [ref] = result.userMessage.documents;
    expect(ref!.keptChars).toBeLessThan(ref!.chars);
    const body = ctx.server.chatRequests().at(-1)!.body as { messages: { content: string }[] };
    expect(body.messages.at(-1)!.content).toContain(
      `[Cut to fit the model's context: the first ${ref!.keptChars} of ${ref!.chars} characters are sent.]`,
    );
  });

  it('refuses an id that was never read here', async () => {
    const ctx = await chat();
    const error = await refused(ctx.services.chat.send(ctx.sender, input('Hi', { documents: ['f'.repeat(64)] })));
    expect(error.code).toBe('not_found');
  });
});
