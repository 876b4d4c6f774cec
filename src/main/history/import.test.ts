import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PNG_BASE64, pngInput } from '../../../test/images';
import { FileAttachmentStore } from '../attachments/attachment-store';
import { historyHandlers } from './history-handlers';
import { importChats } from './import-chats';
import { SqliteHistory } from './sqlite-history';
import { BACKUP_FORMAT, parseImport, toBackupJson } from './transfer';
import { wordsIn } from '../i18n';

const dirs: string[] = [];
const stores: SqliteHistory[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** A computer: history, an image folder, and a private key beside them that no import may reach. */
function computer() {
  const root = mkdtempSync(join(tmpdir(), 'mlc-import-'));
  dirs.push(root);
  mkdirSync(join(root, '.ssh'));
  writeFileSync(join(root, '.ssh', 'id_ed25519'), 'PRIVATE KEY');
  const history = new SqliteHistory(root);
  stores.push(history);
  const attachments = new FileAttachmentStore(join(root, 'data', 'attachments'));
  const mine = history.createConversation({ title: 'Mine', model: 'm', params: {}, systemPrompt: '' });
  history.addMessage({
    conversationId: mine.id,
    parentId: null,
    role: 'user',
    content: 'Already here',
    status: 'done',
    model: null,
    attachments: [attachments.save(pngInput('mine.png'))],
  });
  /** Everything the user has: every chat, every message, every image file. */
  const snapshot = () => ({
    chats: history.listConversations().map((c) => ({ c, messages: history.listMessages(c.id) })),
    images: attachments.ids().sort(),
  });
  const importText = (text: string) => importChats(history, attachments, parseImport(text));
  return { root, history, attachments, snapshot, importText };
}

const message = (id: string, parentId: string | null, extra: object = {}) => ({
  id,
  parentId,
  role: 'user',
  content: `text of ${id}`,
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

const chat = (id: string, messages: object[], extra: object = {}) => ({
  conversation: { id, title: `Chat ${id}`, model: 'm', createdAt: 1, updatedAt: 1, ...extra },
  messages,
});

const backup = (...chats: object[]) => JSON.stringify({ format: BACKUP_FORMAT, version: 1, conversations: chats });

const image = (extra: object = {}) => ({
  id: 'a1',
  name: 'photo.png',
  mimeType: 'image/png',
  size: 70,
  thumbnail: `data:image/png;base64,${PNG_BASE64}`,
  data: PNG_BASE64,
  ...extra,
});

describe('importing images', () => {
  it('brings images back on another computer under new ids, from the bytes a backup carries', () => {
    const a = computer();
    const text = toBackupJson(
      a.history.listConversations().map((c) => ({ conversation: c, messages: a.history.listMessages(c.id) })),
      1,
      (attachment) => a.attachments.bytes(attachment),
    );
    const b = computer();
    const before = b.snapshot().images;
    expect(b.importText(text)).toMatchObject({ conversations: 1, messages: 1, notes: [] });
    const [kept] = b.history.listMessages(a.history.listConversations()[0]!.id)[0]!.attachments;
    expect(kept!.id).not.toBe(a.history.listMessages(a.history.listConversations()[0]!.id)[0]!.attachments[0]!.id);
    expect(b.attachments.read(kept!)).toBe(`data:image/png;base64,${PNG_BASE64}`);
    expect(b.snapshot().images).toEqual([...before, kept!.id].sort());
  });

  it('never uses the id a file gives: a traversal id gets a new id, or the image is left out', () => {
    const pc = computer();
    const before = pc.snapshot();
    const report = pc.importText(
      backup(
        chat('c1', [
          message('m1', null, { attachments: [image({ id: '../../.ssh/id_ed25519' })] }),
          message('m2', 'm1', { attachments: [image({ id: '../../.ssh/id_ed25519', data: null })] }),
        ]),
      ),
    );
    expect(report.notes).toEqual([
      { title: 'Chat c1', message: '1 image left out: the file holds only a preview, not the image.', refused: false },
    ]);
    const [m1, m2] = pc.history.listMessages('c1');
    expect(m1!.attachments[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(pc.attachments.read(m1!.attachments[0]!)).toBe(`data:image/png;base64,${PNG_BASE64}`);
    expect(m2!.attachments).toEqual([]);
    expect(pc.snapshot().chats.filter((c) => c.c.id !== 'c1')).toEqual(before.chats);
  });

  it('leaves out image bytes that are not the type they claim, and previews that are not data:image URLs', () => {
    const pc = computer();
    const before = pc.snapshot();
    const gif = Buffer.from('GIF89a not a png').toString('base64');
    const report = pc.importText(
      backup(
        chat('c1', [
          message('m1', null, {
            attachments: [
              image({ data: gif }),
              image({ data: 'not base64 at all!' }),
              image({ thumbnail: 'file://host/share/x.png' }),
              image({ thumbnail: 'data:image/svg+xml;base64,PHN2Zz4=', mimeType: 'image/svg+xml' }),
            ],
          }),
          message('m2', 'm1', { attachments: [image({ thumbnail: 'https://tracker.example/p.png' })] }),
        ]),
      ),
    );
    expect(report.notes.map((n) => n.message)).toEqual([
      '1 image left out: not described as a PNG, JPEG, WebP or GIF image.',
      '2 previews left out: not a PNG, JPEG, WebP or GIF data URL.',
      '1 image left out: the file holds only a preview, not the image.',
      '1 image left out: photo.png is not the PNG image it says it is.',
    ]);
    const kept = pc.history.listMessages('c1').flatMap((m) => m.attachments);
    expect(kept.map((a) => a.thumbnail)).toEqual(['', '']);
    expect(pc.snapshot().images).toHaveLength(before.images.length + 2);
    expect(pc.snapshot().chats.filter((c) => c.c.id !== 'c1')).toEqual(before.chats);
  });
});

describe('importing settings', () => {
  it('keeps only the settings the UI allows, through its own schema, and names what it left out', () => {
    const pc = computer();
    const before = pc.snapshot();
    const params = { temperature: 0.5, n: 64, top_p: 7, max_tokens: 1.5, presence_penalty: '1', __proto__: 1 };
    const text = backup(chat('c1', [message('m1', null)], { params: JSON.parse(JSON.stringify(params)) }));
    const report = pc.importText(text);
    expect(pc.history.getConversation('c1')!.params).toEqual({ temperature: 0.5 });
    expect(pc.snapshot().chats.filter((c) => c.c.id !== 'c1')).toEqual(before.chats);
    expect(report.notes).toEqual([
      {
        title: 'Chat c1',
        message:
          'Settings left out: n (not a setting the app sends), top_p 7 (allowed: 0 to 1), ' +
          'max_tokens 1.5 (allowed: 1 to 131072), presence_penalty "1" (allowed: -2 to 2).',
        refused: false,
      },
    ]);
  });
});

describe('importing the parent graph', () => {
  it('refuses a chat whose messages loop or point outside it, imports the others, and changes nothing else', () => {
    const pc = computer();
    const before = pc.snapshot();
    const report = pc.importText(
      backup(
        chat('good', [message('g1', null), message('g2', 'g1'), message('g3', 'g1')]),
        chat('self', [message('s1', null), message('s2', 's2')]),
        chat('loop', [message('l1', 'l3'), message('l2', 'l1'), message('l3', 'l2')]),
        chat('stray', [message('x1', null), message('x2', 'g1')]),
        chat('twice', [message('t1', null), message('t1', 't1x')]),
        { conversation: { id: 'broken' }, messages: 'none' },
      ),
    );
    expect(report).toMatchObject({ conversations: 1, messages: 3, skipped: 0 });
    expect(report.notes).toEqual([
      { title: 'Chat self', message: 'A message is its own parent (“s2”).', refused: true },
      { title: 'Chat loop', message: 'Some of its messages answer each other in a loop.', refused: true },
      {
        title: 'Chat stray',
        message: 'A message answers “g1”, which is not in this chat.',
        refused: true,
      },
      { title: 'Chat twice', message: 'Two of its messages share the id “t1”.', refused: true },
      {
        title: 'Untitled chat',
        message: 'It is not readable (conversation.title: Invalid input: expected string, received undefined).',
        refused: true,
      },
    ]);
    const after = pc.snapshot();
    expect(after.chats.filter((c) => c.c.id !== 'good')).toEqual(before.chats);
    expect(after.images).toEqual(before.images);
  });

  it('inserts a chat written children first so that each parent comes before its children', () => {
    const pc = computer();
    pc.importText(backup(chat('c1', [message('m3', 'm2'), message('m2', 'm1'), message('m1', null)])));
    expect(pc.history.listMessages('c1').map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(pc.history.pageMessages('c1', {}).messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('imports the readable chats of a ChatGPT export and names the one it cannot read', () => {
    const pc = computer();
    const node = (id: string, parent: string | null, role: string, text: string) => ({
      id,
      parent,
      message: { id, author: { role }, content: { parts: [text] } },
    });
    const good = {
      title: 'Kites',
      id: 'k',
      current_node: 'b',
      mapping: { a: node('a', null, 'user', 'Hi'), b: node('b', 'a', 'assistant', 'Hello') },
    };
    const before = pc.snapshot();
    const report = pc.importText(JSON.stringify([good, { title: 'Odd', mapping: 'x' }]));
    expect(report).toMatchObject({ conversations: 1, messages: 2 });
    expect(pc.snapshot().chats.filter((c) => c.c.id !== 'chatgpt-k')).toEqual(before.chats);
    expect(report.notes).toEqual([
      {
        title: 'Odd',
        message: 'It is not readable (mapping: Invalid input: expected record, received string).',
        refused: true,
      },
    ]);
  });
});

describe('an import that fails part-way', () => {
  it('removes the images it kept for it and leaves the history as it was', () => {
    const pc = computer();
    const before = pc.snapshot();
    vi.spyOn(pc.history, 'merge').mockImplementation(() => {
      throw new Error('disk full');
    });
    expect(() => pc.importText(backup(chat('c1', [message('m1', null, { attachments: [image()] })])))).toThrow(
      'disk full',
    );
    expect(pc.snapshot()).toEqual(before);
    expect(readdirSync(join(pc.root, 'data', 'attachments'))).toHaveLength(before.images.length);
  });
});

describe('the import file', () => {
  it('checks the size before reading: a 600 MB file is refused with the limit, and nothing changes', async () => {
    const pc = computer();
    const path = join(pc.root, 'huge.json');
    writeFileSync(path, '');
    // Sparse: 600 MB long without taking the disk space.
    (await import('node:fs')).truncateSync(path, 600 * 1024 * 1024);
    const before = pc.snapshot();
    const handlers = historyHandlers({
      history: pc.history,
      attachments: pc.attachments,
      files: { saveFile: async () => null, openFile: async () => path },
      words: () => wordsIn('en'),
      isRunning: () => false,
    });
    const rss = process.memoryUsage().rss;
    await expect(handlers.history.import({} as never)).rejects.toMatchObject({
      code: 'bad_file',
      message: 'That file is 600 MB; a file to import can be up to 256 MB.',
    });
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
    expect(pc.snapshot()).toEqual(before);
  });

  it('refuses a folder, and a file that is not JSON or not a known format', async () => {
    const pc = computer();
    const before = pc.snapshot();
    const importFrom = (path: string) =>
      historyHandlers({
        history: pc.history,
        attachments: pc.attachments,
        files: { saveFile: async () => null, openFile: async () => path },
        words: () => wordsIn('en'),
        isRunning: () => false,
      }).history.import({} as never);
    await expect(importFrom(pc.root)).rejects.toThrow('That is not a file.');
    await expect(importFrom(join(pc.root, 'missing.json'))).rejects.toThrow('That file could not be opened.');
    writeFileSync(join(pc.root, 'a.json'), '{nope');
    await expect(importFrom(join(pc.root, 'a.json'))).rejects.toThrow('The file is not JSON.');
    writeFileSync(join(pc.root, 'b.json'), '{"format":"other"}');
    await expect(importFrom(join(pc.root, 'b.json'))).rejects.toMatchObject({ code: 'bad_file' });
    expect(pc.snapshot()).toEqual(before);
  });
});
