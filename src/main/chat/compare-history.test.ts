import { afterEach, describe, expect, it } from 'vitest';
import { startChat } from '../../../test/chat-harness';
import { bodiesOf, compareInput, FAST, SLOW } from '../../../test/compare-harness';

/** Compare turns in history: resumable after a restart, searchable, exported with every column. */

let ctx: Awaited<ReturnType<typeof startChat>>;
afterEach(async () => {
  ctx?.services.chat.stopAll();
  await ctx?.server.stop();
});

const bodies = () => bodiesOf(ctx.server);
describe('restart mid-stream', () => {
  it('leaves every column resumable: each continues with its own model, on the run’s channel', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { SqliteHistory } = await import('../history/sqlite-history');
    const dir = mkdtempSync(join(tmpdir(), 'compare-resume-'));
    try {
      ctx = await startChat({ dataDir: dir });
      ctx.server.byModel.set(FAST, { kind: 'stream', chunks: ['Quick ', 'half '], hang: true });
      ctx.server.byModel.set(SLOW, { kind: 'stream', chunks: ['Slow ', 'half '], hang: true });
      const started = await ctx.services.compare.start(ctx.sender, compareInput('Go'));
      const ids = started.run.columns.map((c) => c.message.id);
      const saved = () => ids.map((id) => ctx.services.history.getMessage(id)?.content);
      await ctx.sender.waitFor(() => (saved().every((c) => c?.endsWith('half ')) ? true : undefined));
      // The crash: the process goes away without ending either stream.
      ctx.services.history.close();
      const old = ctx.server;
      ctx = await startChat({ history: new SqliteHistory(dir) });
      old.byModel.clear();
      await old.stop();
      const state = ctx.services.compare.state(started.conversation.id);
      expect(state.run?.columns.map((c) => [c.message.status, c.message.content])).toEqual([
        ['interrupted', 'Quick half '],
        ['interrupted', 'Slow half '],
      ]);
      for (const id of ids) await ctx.services.chat.continue(ctx.sender, id);
      const ends = await Promise.all(ids.map((id) => ctx.sender.end(id)));
      expect(ends.map((m) => m.status)).toEqual(['done', 'done']);
      expect(bodies().map((b) => [b.model, b.messages.at(-1)])).toEqual([
        [FAST, { role: 'assistant', content: 'Quick half ' }],
        [SLOW, { role: 'assistant', content: 'Slow half ' }],
      ]);
      expect(ctx.sender.events.every((e) => e.channel === 'compare.event')).toBe(true);
    } finally {
      ctx.services.history.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stored like any reply', () => {
  it('finds every column in search and exports every column, each under its model', async () => {
    ctx = await startChat();
    const { server, services, sender } = ctx;
    server.byModel.set(FAST, { kind: 'stream', chunks: ['A quokka ', 'smiles.'] });
    server.byModel.set(SLOW, { kind: 'stream', chunks: ['A quokka ', 'hops.'] });
    const started = await services.compare.start(sender, compareInput('Tell me about quokkas'));
    const ids = started.run.columns.map((c) => c.message.id);
    await Promise.all(ids.map((id) => sender.end(id)));
    const hits = services.history.search('quokka').hits.map((h) => h.messageId);
    expect(hits).toEqual(expect.arrayContaining([started.userMessage.id, ...ids]));
    const { toMarkdown, toConversationJson } = await import('../history/transfer');
    const record = {
      conversation: services.history.getConversation(started.conversation.id)!,
      messages: services.history.listMessages(started.conversation.id),
    };
    const markdown = toMarkdown(record);
    expect(markdown).toContain(`## Assistant · column 1 · ${FAST}\n\nA quokka smiles.`);
    expect(markdown).toContain(`## Assistant · column 2 · ${SLOW}\n\nA quokka hops.`);
    const json = JSON.parse(toConversationJson(record, () => null)) as { messages: { compare?: unknown }[] };
    expect(json.messages.map((m) => m.compare ?? null)).toEqual([
      null,
      { runId: started.run.id, column: 0 },
      { runId: started.run.id, column: 1 },
    ]);
  });
});

it('a compare turn deleted from the thread leaves the arena', async () => {
  ctx = await startChat();
  const { services, sender } = ctx;
  const { deleteMessage } = await import('../history/conversation-detail');
  const started = await services.compare.start(sender, compareInput('Soon gone'));
  await Promise.all(started.run.columns.map((c) => sender.end(c.message.id)));
  expect(services.compare.state(started.conversation.id).arena.turns).toBe(1);
  deleteMessage(services.history, started.userMessage.id, () => false);
  expect(services.compare.state(started.conversation.id)).toEqual({
    run: null,
    arena: { turns: 0, decided: 0, models: [] },
  });
});
