import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pngInput } from '../../../test/images';
import { FileAttachmentStore } from '../attachments/attachment-store';
import { sweepAttachments } from '../attachments/sweep';
import { deleteMessage } from './conversation-detail';
import { DB_FILE, SqliteHistory } from './sqlite-history';

const dirs: string[] = [];
const stores: SqliteHistory[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'mlc-hygiene-'));
  dirs.push(dir);
  const imagesDir = join(dir, 'attachments');
  const attachments = new FileAttachmentStore(imagesDir);
  const open = () => {
    const history = new SqliteHistory(dir, { onUnreferenced: (ids) => attachments.remove(ids) });
    stores.push(history);
    return history;
  };
  /** Whether these words are anywhere in the database's files: the file itself and its write-ahead log. */
  const onDisk = (text: string) =>
    ['', '-wal'].some((suffix) => {
      const path = join(dir, DB_FILE + suffix);
      return existsSync(path) && readFileSync(path).includes(Buffer.from(text));
    });
  return { dir, imagesDir, attachments, open, onDisk };
}

function chatWithImages(history: SqliteHistory, attachments: FileAttachmentStore, title: string, words: string) {
  const c = history.createConversation({ title, model: 'm', params: {}, systemPrompt: '' });
  const user = history.addMessage({
    conversationId: c.id,
    parentId: null,
    role: 'user',
    content: `${words} in the question`,
    status: 'done',
    model: null,
    attachments: [attachments.save(pngInput(`${title}.png`))],
  });
  const reply = history.addMessage({
    conversationId: c.id,
    parentId: user.id,
    role: 'assistant',
    content: '',
    status: 'streaming',
    model: 'm',
  });
  // Saved as it streams, so the index holds each growing version for a while.
  let content = '';
  for (const word of `${words} in the answer`.split(' ')) {
    content += `${word} `;
    history.updateMessage(reply.id, { content });
  }
  history.updateMessage(reply.id, { status: 'done' });
  return { c, user, reply };
}

describe('deleting for good', () => {
  it('leaves a purged chat neither in the SQLite files nor in the image folder', () => {
    const { attachments, open, onDisk, imagesDir } = setup();
    let history = open();
    const kept = chatWithImages(history, attachments, 'Kept', 'ordinary aardvark');
    const gone = chatWithImages(history, attachments, 'Secret plans', 'xylophonic quetzalcoatl');
    expect(history.search('quetzalcoatl').hits).toHaveLength(2);
    history.deleteConversation(gone.c.id);
    history.close();
    expect(onDisk('quetzalcoatl')).toBe(true); // until the undo window ends, at the next start

    history = open();
    history.close();
    expect(onDisk('quetzalcoatl')).toBe(false);
    expect(onDisk('Secret plans')).toBe(false);
    expect(onDisk('aardvark')).toBe(true);
    expect(readdirSync(imagesDir)).toEqual([kept.user.attachments[0]!.id]);
  });

  it('removes a deleted message from the files at once, and its images unless another version uses them', () => {
    const { attachments, open, onDisk, imagesDir } = setup();
    const history = open();
    const { c, user } = chatWithImages(history, attachments, 'Edits', 'first draft');
    // An edit: a new version of the question with the same image, then the old version deleted.
    const edited = history.addMessage({
      conversationId: c.id,
      parentId: null,
      role: 'user',
      content: 'second draft',
      status: 'done',
      model: null,
      attachments: user.attachments,
    });
    const onlyImage = history.addMessage({
      conversationId: c.id,
      parentId: edited.id,
      role: 'user',
      content: 'vanishing wombat',
      status: 'done',
      model: null,
      attachments: [attachments.save(pngInput('own.png'))],
    });
    expect(onDisk('wombat')).toBe(true);
    deleteMessage(history, user.id, () => false);
    deleteMessage(history, onlyImage.id, () => false);
    expect(onDisk('wombat')).toBe(false);
    expect(onDisk('first draft')).toBe(false);
    expect(readdirSync(imagesDir)).toEqual([user.attachments[0]!.id]);
    expect(history.listMessages(c.id).map((m) => m.content)).toEqual(['second draft']);
  });
});

describe('sweeping images at start', () => {
  it('removes image files no message refers to, and keeps the rest and files not made by the app', () => {
    const { attachments, open, imagesDir } = setup();
    const history = open();
    const { user } = chatWithImages(history, attachments, 'Kept', 'words');
    const orphan = attachments.save(pngInput('orphan.png'));
    writeFileSync(join(imagesDir, 'README.txt'), 'not an image');
    expect(sweepAttachments(history, attachments)).toBe(1);
    expect(readdirSync(imagesDir).sort()).toEqual([user.attachments[0]!.id, 'README.txt'].sort());
    expect(attachments.bytes(orphan)).toBeNull();
  });

  it('removes nothing while the history cannot be read or an unreadable one is kept aside', () => {
    const { dir, attachments, open } = setup();
    const history = open();
    chatWithImages(history, attachments, 'Kept', 'words');
    const orphan = attachments.save(pngInput('orphan.png'));
    writeFileSync(join(dir, 'history.unreadable-2025-01-01.sqlite3'), 'old');
    expect(sweepAttachments(history, attachments)).toBe(0);
    rmSync(join(dir, 'history.unreadable-2025-01-01.sqlite3'));
    history.close();
    writeFileSync(join(dir, DB_FILE), 'not a database');
    rmSync(join(dir, `${DB_FILE}-wal`), { force: true });
    const broken = open();
    expect(broken.status().problem).not.toBeNull();
    expect(sweepAttachments(broken, attachments)).toBe(0);
    expect(attachments.ids()).toContain(orphan.id);
    expect(attachments.ids()).toHaveLength(2);
  });
});
