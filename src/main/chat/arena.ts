import type { ArenaModel, ArenaSummary } from '../../shared/compare';
import type { Message } from '../../shared/domain';
import type { CompareRunRecord } from '../history/history-store';

/** Output tokens per second after the first one, as the reply facts show it; null when it cannot be told. */
export function tokensPerSecond(message: Message): number | null {
  const { stats, usage } = message;
  if (!stats || stats.firstTokenMs === null) return null;
  const streamingMs = stats.totalMs - stats.firstTokenMs;
  const tokens = usage?.completionTokens ?? stats.chunks;
  return streamingMs > 0 && tokens > 1 ? (tokens / streamingMs) * 1000 : null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A conversation's compare turns so far, from what is stored: how often each model's reply was chosen, and its
 * median time to first token and speed over every reply it gave in them (regenerated ones too). No request is made.
 */
export function arenaSummary(runs: CompareRunRecord[], replies: Map<string, Message[]>): ArenaSummary {
  const byModel = new Map<string, { turns: number; chosen: number; ttft: number[]; speed: number[] }>();
  const entry = (model: string) => {
    let found = byModel.get(model);
    if (!found) byModel.set(model, (found = { turns: 0, chosen: 0, ttft: [], speed: [] }));
    return found;
  };
  let decided = 0;
  for (const run of runs) {
    const messages = replies.get(run.id) ?? [];
    for (const column of run.columns) entry(column.model).turns++;
    const chosen = run.chosenId ? messages.find((m) => m.id === run.chosenId) : undefined;
    if (chosen?.model) {
      decided++;
      entry(chosen.model).chosen++;
    }
    for (const m of messages) {
      if (!m.model) continue;
      const e = entry(m.model);
      if (m.stats?.firstTokenMs != null) e.ttft.push(m.stats.firstTokenMs);
      const speed = tokensPerSecond(m);
      if (speed !== null) e.speed.push(speed);
    }
  }
  const models: ArenaModel[] = [...byModel].map(([model, e]) => ({
    model,
    turns: e.turns,
    chosen: e.chosen,
    medianFirstTokenMs: median(e.ttft),
    medianTokensPerSecond: median(e.speed),
  }));
  models.sort((a, b) => b.chosen - a.chosen || b.turns - a.turns || a.model.localeCompare(b.model));
  return { turns: runs.length, decided, models };
}
