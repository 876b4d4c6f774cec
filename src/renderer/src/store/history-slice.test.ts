import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportNote } from '../../../shared/history';
import { fakeApi } from '../testing/fake-api';
import { UNDO_MS } from './history-slice';
import { useStore } from './index';

const state = () => useStore.getState();
const note: ImportNote = { title: 'Old chat', message: 'one message was too long', refused: false };
const PROBLEM = { code: 'history_unavailable' as const, path: '/h.db', message: 'not a database' };
afterEach(() => vi.useRealTimers());

describe('history as a whole', () => {
  it('an undo notice goes after its time; a later notice restarts the wait', () => {
    vi.useFakeTimers();
    state().showToast({ text: 'Deleted', undoId: 'c1' });
    vi.advanceTimersByTime(UNDO_MS - 10);
    state().showToast({ text: 'Saved to /tmp/x.md' });
    vi.advanceTimersByTime(UNDO_MS);
    expect(state().toast).toEqual({ text: 'Saved to /tmp/x.md' });
    vi.advanceTimersByTime(UNDO_MS);
    expect(state().toast).toBeNull();
  });

  it('an import that left something out is kept for the report; a clean one is a notice, and the list reloads', async () => {
    fakeApi.answer('conversations', 'list', async () => ({ items: [], total: 0 }));
    fakeApi.answer('conversations', 'folders', async () => []);
    const report = { path: '/x.json', conversations: 2, messages: 5, skipped: 1, notes: [] as ImportNote[] };
    fakeApi.answer('history', 'import', async () => report);
    await state().importHistory();
    expect(state().toast).toEqual({ notice: { kind: 'imported', conversations: 2, messages: 5, skipped: 1 } });
    fakeApi.answer('history', 'import', async () => ({ ...report, notes: [note] }));
    await state().importHistory();
    expect(state().importReport?.notes).toEqual([note]);
    expect(fakeApi.called('conversations.list')).toHaveLength(2);
    state().closeImportReport();
    expect(state().importReport).toBeNull();
  });

  it('a cancelled import or export says nothing; a saved one says where', async () => {
    fakeApi.answer('history', 'import', async () => ({
      path: null,
      conversations: 0,
      messages: 0,
      skipped: 0,
      notes: [],
    }));
    await state().importHistory();
    fakeApi.answer('history', 'exportAll', async () => ({ path: null }));
    await state().exportAll();
    expect(state().toast).toBeNull();
    fakeApi.answer('conversations', 'export', async () => ({ path: '/home/me/chat.md' }));
    await state().exportConversation('c1', 'markdown');
    expect(state().toast).toEqual({ notice: { kind: 'saved', path: '/home/me/chat.md' } });
  });

  it('starting fresh reports the new status and reloads the list', async () => {
    fakeApi.answer('history', 'status', async () => ({ problem: PROBLEM, keptAt: null }));
    await state().checkHistory();
    expect(state().historyStatus?.problem).toEqual(PROBLEM);
    fakeApi.answer('history', 'startFresh', async () => ({ problem: null, keptAt: '/kept.db' }));
    fakeApi.answer('conversations', 'list', async () => ({ items: [], total: 0 }));
    fakeApi.answer('conversations', 'folders', async () => []);
    await state().startFreshHistory();
    expect(state().historyStatus).toMatchObject({ keptAt: '/kept.db' });
    expect(fakeApi.called('conversations.list')).toHaveLength(1);
  });
});
