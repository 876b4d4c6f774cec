import { expect, it } from 'vitest';
import type { Message } from '../../shared/domain';
import type { CompareRunRecord } from '../history/history-store';
import { arenaSummary, median } from './arena';

const reply = (id: string, model: string, firstTokenMs: number | null, totalMs: number, out: number | null): Message =>
  ({
    id,
    model,
    stats: { firstTokenMs, totalMs, chunks: 10 },
    usage: out === null ? null : { promptTokens: 5, completionTokens: out },
  }) as Message;

const run = (id: string, models: string[], chosenId: string | null): CompareRunRecord => ({
  id,
  conversationId: 'c',
  questionId: `q-${id}`,
  columns: models.map((model) => ({ model, params: null })),
  chosenId,
  createdAt: 1,
});

it('counts choices per model and takes medians of stored facts, regenerated replies included', () => {
  const replies = new Map([
    ['r1', [reply('a1', 'a', 100, 1100, 100), reply('b1', 'b', 300, 2300, 100)]],
    ['r2', [reply('a2', 'a', 200, 700, 50), reply('b2', 'b', 500, 1500, 50), reply('b3', 'b', 400, 900, 50)]],
    // A failed reply: no first token, no speed; still a turn taken part in.
    ['r3', [reply('a4', 'a', null, 50, null), reply('b4', 'b', 250, 1250, null)]],
  ]);
  const summary = arenaSummary(
    [run('r1', ['a', 'b'], 'b1'), run('r2', ['a', 'b'], 'b3'), run('r3', ['a', 'b'], null)],
    replies,
  );
  expect(summary.turns).toBe(3);
  expect(summary.decided).toBe(2);
  expect(summary.models).toEqual([
    // b: TTFT 300, 500, 400, 250 → 350; speed 100/2 s = 50, 50/1 s = 50, 50/0.5 s = 100, chunks 10/1 s = 10 → 50.
    { model: 'b', turns: 3, chosen: 2, medianFirstTokenMs: 350, medianTokensPerSecond: 50 },
    // a: TTFT 100, 200 → 150; speed 100/1 s = 100, 50/0.5 s = 100 → 100.
    { model: 'a', turns: 3, chosen: 0, medianFirstTokenMs: 150, medianTokensPerSecond: 100 },
  ]);
});

it('has no median of nothing', () => {
  expect(median([])).toBeNull();
  expect(median([3, 1, 2])).toBe(2);
});
