import { afterEach, describe, expect, it } from 'vitest';
import { argSchemas } from '../../shared/schemas';
import { input, startChat } from '../../../test/chat-harness';
import { BROKE, bodiesOf, compareInput, CUT, FAST, SLOW } from '../../../test/compare-harness';

/** Compare mode in main: columns side by side, each failing or stopping alone; choosing carries the thread on. */

let ctx: Awaited<ReturnType<typeof startChat>>;
afterEach(async () => {
  ctx?.services.chat.stopAll();
  await ctx?.server.stop();
});

const bodies = () => bodiesOf(ctx.server);
describe('compare runs', () => {
  it('streams every column at once; a 402 fails one and a stop ends another while the rest finish', async () => {
    ctx = await startChat();
    const { server, services, sender } = ctx;
    server.byModel.set(FAST, { kind: 'stream', chunks: ['Fast ', 'answer'], usage: true });
    server.byModel.set(SLOW, { kind: 'stream', chunks: ['Slow'], hang: true });
    server.byModel.set(BROKE, {
      kind: 'json',
      status: 402,
      body: { error: { message: 'Insufficient credits', type: 'payment_required', code: 402 } },
    });
    server.byModel.set(CUT, { kind: 'stream', chunks: ['Cut ', 'short'], finish: 'length' });
    const columns = [FAST, SLOW, BROKE, CUT].map((model) => ({ model }));
    const started = await services.compare.start(sender, compareInput('Which is best?', { columns }));
    expect(started.run.columns.map((c) => [c.model, c.message.status])).toEqual(
      columns.map((c) => [c.model, 'streaming']),
    );
    const [fast, slow, broke, cut] = started.run.columns.map((c) => c.message.id) as [string, string, string, string];
    // The slow column is stopped once it has said something; the others are not held up by it.
    await sender.waitFor(() => sender.chatEvents(slow).find((e) => e.type === 'delta'));
    services.chat.stop(slow);
    const ends = await Promise.all([fast, slow, broke, cut].map((id) => sender.end(id)));
    expect(ends.map((m) => [m.status, m.content, m.finishReason, m.error?.code ?? null])).toEqual([
      ['done', 'Fast answer', 'stop', null],
      ['stopped', 'Slow', null, null],
      ['error', '', null, 'insufficient_credits'],
      ['done', 'Cut short', 'length', null],
    ]);
    expect(ends[0]!.usage).toEqual({ promptTokens: 12, completionTokens: 2 });
    expect(ends[0]!.stats?.firstTokenMs).toEqual(expect.any(Number));
    // Column events go on their own channel, never into the thread's.
    expect(sender.events.filter((e) => e.channel === 'chat.event')).toEqual([]);
    // Each model got the same question, built by the same request builder.
    expect(bodies().map((b) => [b.model, b.messages])).toEqual(
      columns.map((c) => [c.model, [{ role: 'user', content: 'Which is best?' }]]),
    );
    // Until an answer is chosen the thread ends at the question.
    const detail = services.history.pageMessages(started.conversation.id, {});
    expect(detail.messages.map((m) => m.role)).toEqual(['user']);
  });

  it('uses shared parameters, or a column’s own', async () => {
    ctx = await startChat();
    const columns = [{ model: FAST }, { model: SLOW, params: { temperature: 1.5 } }];
    const started = await ctx.services.compare.start(
      ctx.sender,
      compareInput('Hi', { columns, params: { temperature: 0.2 } }),
    );
    await Promise.all(started.run.columns.map((c) => ctx.sender.end(c.message.id)));
    expect(bodies().map((b) => [b.model, b.temperature])).toEqual([
      [FAST, 0.2],
      [SLOW, 1.5],
    ]);
    expect(started.run.columns.map((c) => c.ownParams)).toEqual([false, true]);
  });

  it('choosing an answer makes it the thread’s, with its model; the others stay versions of the turn', async () => {
    ctx = await startChat();
    const { services, sender } = ctx;
    const started = await services.compare.start(sender, compareInput('Pick me'));
    const ends = await Promise.all(started.run.columns.map((c) => sender.end(c.message.id)));
    const chosen = ends[1]!;
    const detail = services.compare.choose(chosen.id);
    expect(detail.conversation.model).toBe(SLOW);
    expect(detail.messages.map((m) => m.id)).toEqual([started.userMessage.id, chosen.id]);
    expect(detail.versions[chosen.id]).toEqual(ends.map((m) => m.id));
    const next = await services.chat.send(
      sender,
      input('And then?', { conversationId: started.conversation.id, model: detail.conversation.model }),
    );
    await sender.end(next.assistantMessage.id);
    const last = bodies().at(-1)!;
    expect(last.model).toBe(SLOW);
    expect(last.messages.map((m) => m.content)).toEqual(['Pick me', chosen.content, 'And then?']);
    const state = services.compare.state(started.conversation.id);
    expect(state.run).toBeNull();
    expect(state.arena.decided).toBe(1);
    expect(state.arena.models.map((m) => [m.model, m.turns, m.chosen])).toEqual([
      [SLOW, 1, 1],
      [FAST, 1, 0],
    ]);
    expect(state.arena.models[0]!.medianFirstTokenMs).toEqual(expect.any(Number));
    expect(state.arena.models[0]!.medianTokensPerSecond).toEqual(expect.any(Number));
  });

  it('regenerates one column; the turn shows its new reply', async () => {
    ctx = await startChat();
    const { server, services, sender } = ctx;
    const started = await services.compare.start(sender, compareInput('Again'));
    await Promise.all(started.run.columns.map((c) => sender.end(c.message.id)));
    server.next({ kind: 'stream', chunks: ['Second try'] });
    const old = started.run.columns[0]!.message;
    const run = await services.compare.regenerate(sender, { messageId: old.id, params: { temperature: 0.9 } });
    const fresh = run.columns[0]!.message;
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.compare).toEqual({ runId: run.id, column: 0 });
    expect((await sender.end(fresh.id)).content).toBe('Second try');
    expect(bodies().at(-1)).toMatchObject({ model: FAST, temperature: 0.9 });
    expect(services.compare.run(run.id).columns[1]!.message.id).toBe(started.run.columns[1]!.message.id);
  });
});

describe('main decides', () => {
  it('refuses a second run in a chat while one streams, and a message before an answer is chosen', async () => {
    ctx = await startChat();
    const { server, services, sender } = ctx;
    server.byModel.set(SLOW, { kind: 'stream', chunks: ['…'], hang: true });
    const started = await services.compare.start(sender, compareInput('One'));
    const again = compareInput('Two', { conversationId: started.conversation.id });
    await expect(services.compare.start(sender, again)).rejects.toMatchObject({ code: 'compare_busy' });
    services.compare.stop(started.run.id);
    const ends = await Promise.all(started.run.columns.map((c) => sender.end(c.message.id)));
    expect(ends[1]!.status).toBe('stopped');
    await expect(services.compare.start(sender, again)).rejects.toMatchObject({ code: 'compare_undecided' });
    await expect(
      services.chat.send(sender, input('Three', { conversationId: started.conversation.id })),
    ).rejects.toMatchObject({ code: 'compare_undecided' });
    services.compare.choose(started.run.columns[0]!.message.id);
    const next = await services.compare.start(sender, again);
    expect(next.run.columns).toHaveLength(2);
  });

  it('refuses two runs started at the same moment in one chat', async () => {
    ctx = await startChat();
    const { services, sender } = ctx;
    const first = await services.compare.start(sender, compareInput('One'));
    await Promise.all(first.run.columns.map((c) => sender.end(c.message.id)));
    services.compare.choose(first.run.columns[0]!.message.id);
    const again = compareInput('Two', { conversationId: first.conversation.id });
    const results = await Promise.allSettled([
      services.compare.start(sender, again),
      services.compare.start(sender, again),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('accepts 2 to 4 distinct valid model ids only', () => {
    const schema = argSchemas.compare.start;
    const columns = (...models: string[]) => models.map((model) => ({ model }));
    const ok = (c: ReturnType<typeof columns>) => schema.safeParse([compareInput('x', { columns: c })]).success;
    expect(ok(columns(FAST, SLOW))).toBe(true);
    expect(ok(columns(FAST, SLOW, BROKE, CUT))).toBe(true);
    expect(ok(columns(FAST))).toBe(false);
    expect(ok(columns(FAST, SLOW, BROKE, CUT, 'five'))).toBe(false);
    expect(ok(columns(FAST, FAST))).toBe(false);
    expect(ok(columns(FAST, 'bad model id'))).toBe(false);
  });

  it('refuses to choose or regenerate a message that is not a compare reply', async () => {
    ctx = await startChat();
    const sent = await ctx.services.chat.send(ctx.sender, input('Plain'));
    await ctx.sender.end(sent.assistantMessage.id);
    expect(() => ctx.services.compare.choose(sent.assistantMessage.id)).toThrow(/not part of a comparison/);
    await expect(
      ctx.services.compare.regenerate(ctx.sender, { messageId: sent.assistantMessage.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

it('a search hit on a column of a turn still waiting for its answer opens the turn, not the column alone', async () => {
  ctx = await startChat();
  const { services, sender } = ctx;
  const { detailOf } = await import('../history/conversation-detail');
  const started = await services.compare.start(sender, compareInput('First'));
  const ends = await Promise.all(started.run.columns.map((c) => sender.end(c.message.id)));
  services.compare.choose(ends[0]!.id);
  const second = await services.compare.start(
    sender,
    compareInput('Second', { conversationId: started.conversation.id }),
  );
  await Promise.all(second.run.columns.map((c) => sender.end(c.message.id)));
  // The reader has gone back to the first turn's other answer.
  services.history.updateConversation(started.conversation.id, { leafId: ends[1]!.id });
  const detail = detailOf(services.history, started.conversation.id, { includeId: second.run.columns[1]!.message.id });
  expect(detail.messages.map((m) => m.id).at(-1)).toBe(second.userMessage.id);
  expect(services.compare.state(started.conversation.id).run?.id).toBe(second.run.id);
});

it('choosing stops the columns still streaming, and refuses one that is', async () => {
  ctx = await startChat();
  const { server, services, sender } = ctx;
  server.byModel.set(SLOW, { kind: 'stream', chunks: ['Still going'], hang: true });
  const started = await services.compare.start(sender, compareInput('Quick pick'));
  const [fast, slow] = started.run.columns.map((c) => c.message.id) as [string, string];
  await sender.end(fast);
  await sender.waitFor(() => sender.chatEvents(slow).find((e) => e.type === 'delta'));
  expect(() => services.compare.choose(slow)).toThrow(/Wait for that answer/);
  services.compare.choose(fast);
  expect(await sender.end(slow)).toMatchObject({ status: 'stopped', content: 'Still going' });
});

it('a 429 in one column leaves the others running, and that column waits out the time the server asked for', async () => {
  ctx = await startChat();
  const { server, services, sender } = ctx;
  server.byModel.set(SLOW, {
    kind: 'json',
    status: 429,
    body: { error: { message: 'Too many concurrent requests', type: 'rate_limit', code: 429 } },
    headers: { 'retry-after': '30' },
  });
  const started = await services.compare.start(sender, compareInput('Both at once'));
  const [fast, limited] = await Promise.all(started.run.columns.map((c) => sender.end(c.message.id)));
  expect(fast).toMatchObject({ status: 'done' });
  expect(limited!.error).toMatchObject({ code: 'rate_limited', status: 429 });
  await expect(services.compare.regenerate(sender, { messageId: limited!.id })).rejects.toMatchObject({
    code: 'rate_limited',
  });
});
