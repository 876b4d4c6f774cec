import { describe, expect, it } from 'vitest';
import type { DocumentDraft, SendResult } from '../../../shared/contract';
import { appError } from '../../../shared/errors';
import { fakeApi } from '../testing/fake-api';
import { conversation, message } from '../testing/fixtures';
import { selectDocumentTokens, selectSendDocuments } from './documents-slice';
import { useStore } from './index';

const state = () => useStore.getState();
const draft = (name: string, tokens = 100): DocumentDraft => ({
  id: name.padEnd(64, '0'),
  name,
  kind: 'text',
  pages: null,
  lines: 3,
  chars: 30,
  tokens,
  keptChars: null,
  warnings: [],
});

describe('documents', () => {
  it('a dropped file is read by main with progress, then ready to send with its tokens', async () => {
    let finish!: (d: DocumentDraft) => void;
    fakeApi.answer('documents', 'fromBytes', () => new Promise((resolve) => (finish = resolve)));
    const reading = state().attachDocumentBytes('a.txt', 'aGk=');
    const [chip] = state().documents;
    expect(chip).toMatchObject({ name: 'a.txt', state: 'reading' });
    expect(fakeApi.called('documents.fromBytes')).toEqual([[chip!.key, 'a.txt', 'aGk=']]);
    fakeApi.emit('documents.progress', { requestId: chip!.key, done: 1, total: 4 });
    state().applyDocumentProgress({ requestId: chip!.key, done: 2, total: 4 });
    expect(state().documents[0]!.progress).toEqual({ done: 2, total: 4 });
    finish(draft('a.txt', 120));
    await reading;
    expect(state().documents[0]).toMatchObject({ state: 'ready', progress: null, included: true });
    expect(selectSendDocuments(state())).toEqual([draft('a.txt').id]);
    expect(selectDocumentTokens(state())).toBe(120);
  });

  it('main’s refusal stays on the chip; a cancelled pick leaves no chip; removing a file being read cancels it', async () => {
    fakeApi.fail('documents', 'fromBytes', appError('document_encrypted', '“x.pdf” needs a password.'));
    await state().attachDocumentBytes('x.pdf', 'aGk=');
    expect(state().documents[0]).toMatchObject({ state: 'failed', error: { code: 'document_encrypted' } });
    expect(selectSendDocuments(state())).toEqual([]);

    fakeApi.answer('documents', 'pick', async () => null);
    await state().pickDocument();
    expect(state().documents).toHaveLength(1);

    fakeApi.answer('documents', 'pick', () => new Promise(() => {}));
    fakeApi.answer('documents', 'cancel', async () => {});
    void state().pickDocument();
    const key = state().documents[1]!.key;
    state().removeDocument(key);
    expect(fakeApi.called('documents.cancel')).toEqual([[key]]);
    expect(state().documents).toHaveLength(1);
  });

  it('sends the included documents with the message, and clears them once main accepted it', async () => {
    fakeApi.answer('documents', 'fromBytes', async (_k, name) => draft(name));
    await state().attachDocumentBytes('a.txt', 'aGk=');
    await state().attachDocumentBytes('b.txt', 'aGk=');
    state().includeDocument(state().documents[1]!.key, false);
    state().setFitDocuments(true);
    const c = conversation('c1');
    const result: SendResult = {
      conversation: c,
      userMessage: message('u', { role: 'user' }),
      assistantMessage: message('r', { status: 'streaming' }),
    };
    fakeApi.answer('chat', 'send', async () => result);
    fakeApi.answer('conversations', 'list', async () => ({ items: [c], total: 1 }));
    fakeApi.answer('chat', 'context', async () => {
      throw new Error('not needed');
    });
    expect(await state().send('Read these')).toBe(true);
    expect(fakeApi.called('chat.send')[0]![0]).toMatchObject({ documents: [draft('a.txt').id], fitDocuments: true });
    expect(state().documents).toEqual([]);
    expect(state().fitDocuments).toBe(false);
  });

  it('shows a document’s text, or why it cannot', async () => {
    fakeApi.answer('documents', 'text', async () => ({ name: 'a.txt', text: 'hello', pages: null }));
    await state().openDocumentText(draft('a.txt').id);
    expect(state().documentText).toEqual({ name: 'a.txt', text: 'hello', pages: null });
    state().closeDocumentText();
    fakeApi.fail('documents', 'text', appError('not_found', 'That document is no longer on this computer.'));
    await state().openDocumentText(draft('a.txt').id);
    expect(state().documentTextError?.code).toBe('not_found');
  });
});
