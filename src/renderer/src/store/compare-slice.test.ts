import { describe, expect, it } from 'vitest';
import type { ArenaSummary, CompareRun, CompareStarted } from '../../../shared/compare';
import { fakeApi } from '../testing/fake-api';
import { compareRun, conversation, detail, message, nextFrame } from '../testing/fixtures';
import { selectCompareStreaming, selectWaitingRun } from './compare-slice';
import { useStore } from './index';

const state = () => useStore.getState();
const NO_ARENA: ArenaSummary = { turns: 0, decided: 0, models: [] };

function run(patch: Partial<CompareRun> = {}): CompareRun {
  return { ...compareRun(['a', 'b']), ...patch };
}

function started(): CompareStarted {
  const c = conversation('c1', { leafId: 'q1', model: 'a' });
  return { conversation: c, userMessage: message('q1', { role: 'user', content: 'Which?' }), run: run() };
}

/** Main's answers for a run started in chat c1: the thread ends at the question. */
function mainAnswers() {
  fakeApi
    .answer('compare', 'start', async () => started())
    .answer('conversations', 'get', async () => detail(started().conversation, [started().userMessage]))
    .answer('compare', 'state', async () => ({ run: null, arena: NO_ARENA }))
    .answer('models', 'list', async () => ({ models: [], fetchedAt: 1, error: null }));
}

const delta = (messageId: string, text: string) => ({ type: 'delta' as const, runId: 'r1', messageId, text });

describe('compare slice', () => {
  it('keeps the chosen models in order, each once, and no more than four', () => {
    state().setCompareModels(['b', 'a', 'b', 'c', 'd', 'e']);
    expect(state().compareModels).toEqual(['b', 'a', 'c', 'd']);
    state().setCompareModels(['a']);
    expect(state().compareModels).toEqual(['a']);
  });

  it('refuses to start with fewer than two models, without asking main', async () => {
    state().setCompareModels(['a']);
    expect(await state().startCompare('Which?')).toBe(false);
    expect(state().compareError?.code).toBe('bad_input');
    expect(fakeApi.called('compare.start')).toEqual([]);
  });

  it('asks main with each column’s model and own parameters, then shows the thread ending at the question', async () => {
    mainAnswers();
    state().setDraft({ params: { temperature: 0.3 }, systemPrompt: 'Be brief.' });
    state().setCompareModels(['a', 'b']);
    state().setCompareColumnParams('b', { temperature: 1.2 });
    expect(await state().startCompare('Which?')).toBe(true);
    expect(fakeApi.called('compare.start')[0]![0]).toEqual({
      conversationId: null,
      content: 'Which?',
      systemPrompt: 'Be brief.',
      params: { temperature: 0.3 },
      columns: [{ model: 'a' }, { model: 'b', params: { temperature: 1.2 } }],
    });
    expect(state().activeId).toBe('c1');
    expect(state().conversations.map((c) => c.id)).toEqual(['c1']);
    expect(state().conversationTotal).toBe(1);
    expect(selectWaitingRun(state())?.id).toBe('r1');
    expect(selectCompareStreaming(state())).toBe(true);
  });

  it('keeps text and ends that arrived before main answered the start', async () => {
    mainAnswers();
    let answer!: () => void;
    fakeApi.answer('compare', 'start', () => new Promise((resolve) => (answer = () => resolve(started()))));
    state().setCompareModels(['a', 'b']);
    const starting = state().startCompare('Which?');
    state().applyCompareEvent(delta('m-a', 'Early '));
    state().applyCompareEvent(delta('m-a', 'text'));
    await nextFrame();
    state().applyCompareEvent({
      type: 'end',
      runId: 'r1',
      message: message('m-b', { content: 'All of b', status: 'done', compare: { runId: 'r1', column: 1 } }),
    });
    answer();
    await starting;
    const columns = selectWaitingRun(state())!.columns.map((c) => [c.message.content, c.message.status]);
    expect(columns).toEqual([
      ['Early text', 'streaming'],
      ['All of b', 'done'],
    ]);
    expect(state().compareEarly).toEqual({});
  });

  it('applies each column’s deltas once per frame and its end; the last end refreshes the arena', async () => {
    mainAnswers();
    state().setCompareModels(['a', 'b']);
    await state().startCompare('Which?');
    state().applyCompareEvent(delta('m-a', 'A1 '));
    state().applyCompareEvent(delta('m-b', 'B1 '));
    state().applyCompareEvent(delta('m-a', 'A2'));
    expect(selectWaitingRun(state())!.columns[0]!.message.content).toBe('');
    await nextFrame();
    expect(selectWaitingRun(state())!.columns.map((c) => c.message.content)).toEqual(['A1 A2', 'B1 ']);
    const arena: ArenaSummary = { turns: 1, decided: 0, models: [] };
    const ended = run();
    for (const c of ended.columns) c.message = { ...c.message, content: 'x', status: 'stopped' };
    fakeApi.answer('compare', 'state', async () => ({ run: ended, arena }));
    for (const [id, column] of [
      ['m-a', 0],
      ['m-b', 1],
    ] as const) {
      state().applyCompareEvent({
        type: 'end',
        runId: 'r1',
        message: message(id, { content: 'x', status: 'stopped', compare: { runId: 'r1', column } }),
      });
    }
    expect(selectCompareStreaming(state())).toBe(false);
    await expect.poll(() => state().compareArena.c1).toEqual(arena);
    expect(fakeApi.called('compare.state')).toEqual([['c1']]);
    expect(selectWaitingRun(state())!.columns.map((c) => c.message.status)).toEqual(['stopped', 'stopped']);
  });

  it('stops every column of the open chat’s run, or one column', async () => {
    mainAnswers();
    fakeApi.answer('compare', 'stop', async () => {}).answer('chat', 'stop', async () => {});
    state().setCompareModels(['a', 'b']);
    await state().startCompare('Which?');
    await state().stopCompare();
    await state().stopCompareColumn('m-b');
    expect(fakeApi.called('compare.stop')).toEqual([['r1']]);
    expect(fakeApi.called('chat.stop')).toEqual([['m-b']]);
  });

  it('choosing an answer ends the turn and opens the thread with the chosen model', async () => {
    mainAnswers();
    state().setCompareModels(['a', 'b']);
    await state().startCompare('Which?');
    const chosen = message('m-b', { parentId: 'q1', model: 'b', content: 'B', compare: { runId: 'r1', column: 1 } });
    const after = detail(conversation('c1', { model: 'b', leafId: 'm-b' }), [started().userMessage, chosen]);
    fakeApi.answer('compare', 'choose', async () => after).answer('conversations', 'get', async () => after);
    await state().chooseAnswer('m-b');
    expect(selectWaitingRun(state())).toBeNull();
    expect(state().draft.model).toBe('b');
    expect(state().order.c1).toEqual(['q1', 'm-b']);
  });

  it('shows a refused start with its code, and keeps the composer’s text for another try', async () => {
    mainAnswers();
    fakeApi.fail('compare', 'start', { code: 'compare_busy', message: 'A comparison is still running in this chat.' });
    state().setCompareModels(['a', 'b']);
    expect(await state().startCompare('Which?')).toBe(false);
    expect(state().compareError).toEqual({
      code: 'compare_busy',
      message: 'A comparison is still running in this chat.',
    });
  });

  it('a regenerated column shows its new reply; a continued one streams again', async () => {
    mainAnswers();
    state().setCompareModels(['a', 'b']);
    await state().startCompare('Which?');
    const fresh = message('m-a2', { model: 'a', status: 'streaming', compare: { runId: 'r1', column: 0 } });
    const regenerated = run();
    regenerated.columns[0] = { ...regenerated.columns[0]!, message: fresh };
    fakeApi.answer('compare', 'regenerate', async () => regenerated);
    await state().regenerateColumn('m-a', { temperature: 1 });
    expect(fakeApi.called('compare.regenerate')).toEqual([[{ messageId: 'm-a', params: { temperature: 1 } }]]);
    expect(selectWaitingRun(state())!.columns[0]!.message.id).toBe('m-a2');
    const continued = message('m-b', { content: 'half', status: 'streaming', compare: { runId: 'r1', column: 1 } });
    fakeApi.answer('chat', 'continue', async () => continued);
    await state().continueColumn('m-b');
    expect(selectWaitingRun(state())!.columns[1]!.message).toEqual(continued);
  });
});
