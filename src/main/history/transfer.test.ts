import { afterEach, describe, expect, it } from 'vitest';
import { MemoryAttachmentStore } from '../attachments/attachment-store';
import { importChats } from './import-chats';
import { SqliteHistory } from './sqlite-history';
import { parseImport, toBackupJson, toMarkdown } from './transfer';

const stores: SqliteHistory[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
const open = () => {
  const s = new SqliteHistory(null);
  stores.push(s);
  return s;
};

function fill(store: SqliteHistory) {
  const c = store.createConversation({
    title: 'Recipes',
    model: 'm',
    params: { top_p: 0.5 },
    systemPrompt: 'Be terse',
  });
  const u = store.addMessage({
    conversationId: c.id,
    parentId: null,
    role: 'user',
    content: 'Soup?',
    status: 'done',
    model: null,
  });
  const a = store.addMessage({
    conversationId: c.id,
    parentId: u.id,
    role: 'assistant',
    content: 'Leek soup',
    status: 'stopped',
    model: 'm',
  });
  store.updateConversation(c.id, { pinned: true, folder: 'Food' });
  return { c, u, a };
}

const importInto = (store: SqliteHistory, text: string) =>
  importChats(store, new MemoryAttachmentStore(), parseImport(text));

const records = (store: SqliteHistory) =>
  store.listConversations().map((conversation) => ({ conversation, messages: store.listMessages(conversation.id) }));

describe('export and import', () => {
  it('round-trips all history through a backup, and a second import adds nothing', () => {
    const source = open();
    fill(source);
    const backup = toBackupJson(records(source), 1, () => null);
    const target = open();
    const other = target.createConversation({ title: 'Mine', model: 'm', params: {}, systemPrompt: '' });
    expect(importInto(target, backup)).toEqual({ conversations: 1, messages: 2, skipped: 0, notes: [] });
    expect(records(target).filter((r) => r.conversation.id !== other.id)).toEqual(records(source));
    expect(importInto(target, backup)).toEqual({ conversations: 0, messages: 0, skipped: 1, notes: [] });
    expect(target.search('leek').hits).toHaveLength(1);
  });

  it('writes a conversation as Markdown', () => {
    const store = open();
    const { c } = fill(store);
    const md = toMarkdown({ conversation: store.getConversation(c.id)!, messages: store.listMessages(c.id) });
    expect(md).toBe(
      '# Recipes\n\nModel: `m`\n\n## System\n\nBe terse\n\n## You\n\nSoup?\n\n## Assistant (stopped)\n\nLeek soup\n',
    );
  });

  it('writes an image sent without text as the image, with no empty paragraph', () => {
    const store = open();
    const { c } = fill(store);
    const [question] = store.listMessages(c.id);
    const image = { id: 'i', name: 'cat.png', mimeType: 'image/png' as const, size: 1, thumbnail: '' };
    const md = toMarkdown({
      conversation: store.getConversation(c.id)!,
      messages: [{ ...question!, content: '', attachments: [image] }],
    });
    expect(md).toContain('## You\n\n_[image: cat.png]_\n');
  });

  it('imports a ChatGPT export along the branch the user last saw', () => {
    const node = (id: string, parent: string | null, role: string | null, text = '', children: string[] = []) => ({
      id,
      parent,
      children,
      message: role
        ? {
            id,
            author: { role },
            create_time: 1700000000,
            content: { content_type: 'text', parts: [text] },
            metadata: { model_slug: 'gpt-4o' },
          }
        : null,
    });
    const exported = [
      {
        title: 'Kites',
        create_time: 1700000000.5,
        update_time: 1700000100,
        conversation_id: 'abc',
        current_node: 'a2',
        mapping: {
          root: node('root', null, null, '', ['sys']),
          sys: node('sys', 'root', 'system', 'You are ChatGPT', ['u1']),
          u1: node('u1', 'sys', 'user', 'How do kites fly?', ['a1', 'a2']),
          a1: node('a1', 'u1', 'assistant', 'An old answer'),
          a2: node('a2', 'u1', 'assistant', 'Lift from the wind'),
        },
      },
    ];
    const store = open();
    expect(importInto(store, JSON.stringify(exported))).toEqual({
      conversations: 1,
      messages: 2,
      skipped: 0,
      notes: [],
    });
    const [c] = store.listConversations();
    expect(c).toMatchObject({ id: 'chatgpt-abc', title: 'Kites', model: 'gpt-4o', createdAt: 1700000000500 });
    expect(store.listMessages(c!.id).map((m) => [m.role, m.content])).toEqual([
      ['user', 'How do kites fly?'],
      ['assistant', 'Lift from the wind'],
    ]);
  });

  it('refuses a file it does not understand', () => {
    expect(() => parseImport('{nope')).toThrow(expect.objectContaining({ code: 'bad_file' }));
    expect(() => parseImport('{"format":"other"}')).toThrow(expect.objectContaining({ code: 'bad_file' }));
  });
});
