import { afterEach, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../shared/contract';
import { input, startChat } from '../../../test/chat-harness';
import { memorySettings } from '../settings/settings-store';
import { createHandlers } from '../services';
import { cleanTitle } from './auto-title';

let ctx: Awaited<ReturnType<typeof startChat>>;
afterEach(() => ctx?.server.stop());

async function titled(extra: Parameters<ReturnType<typeof memorySettings>['update']>[0] = {}) {
  const settings = memorySettings();
  settings.update(extra);
  ctx = await startChat({ settings });
  ctx.server.strict = true;
}

const titleEvents = () => ctx.sender.events.map((e) => e.payload as ChatEvent).filter((e) => e.type === 'title');
const titleRequests = () => ctx.server.chatRequests().filter((r) => (r.body as { stream?: boolean }).stream === false);
/** Before checking that no title request follows: a wait, since there is nothing to poll for. */
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('a model-made title', () => {
  it('names a new chat after its first reply, with a short request that is not streamed', async () => {
    await titled();
    ctx.server.next(
      { kind: 'stream', chunks: ['About five ', 'metres.'] },
      { kind: 'stream', chunks: ['"Giraffe height."'] },
    );
    const sent = await ctx.services.chat.send(ctx.sender, input('How tall is a giraffe, roughly, in metres?'));
    await ctx.sender.end(sent.assistantMessage.id);
    const event = await ctx.sender.waitFor(() => titleEvents()[0]);
    expect(event).toMatchObject({ type: 'title', conversation: { id: sent.conversation.id, title: 'Giraffe height' } });
    expect(ctx.services.history.getConversation(sent.conversation.id)!.title).toBe('Giraffe height');
    const body = titleRequests()[0]!.body as { model: string; max_tokens: number; messages: { content: string }[] };
    expect(body).toMatchObject({ model: 'meta-llama/Llama-3.1-70B-Instruct', max_tokens: 24 });
    expect(body.messages[1]!.content).toContain('How tall is a giraffe');

    // A new version of the first reply leaves the title alone, and so does the second reply.
    const again = await ctx.services.chat.regenerate(ctx.sender, {
      messageId: sent.assistantMessage.id,
      model: 'meta-llama/Llama-3.1-70B-Instruct',
      params: {},
      systemPrompt: '',
    });
    await ctx.sender.end(again.assistantMessage.id);
    const next = await ctx.services.chat.send(
      ctx.sender,
      input('And a zebra?', { conversationId: sent.conversation.id }),
    );
    await ctx.sender.end(next.assistantMessage.id);
    await settle();
    expect(titleRequests()).toHaveLength(1);
  });

  it('uses the title model when one is set', async () => {
    await titled({ titleModel: 'small-fast-model' });
    const sent = await ctx.services.chat.send(ctx.sender, input('Hello'));
    await ctx.sender.end(sent.assistantMessage.id);
    await ctx.sender.waitFor(() => titleEvents()[0]);
    expect(titleRequests()[0]!.body).toMatchObject({ model: 'small-fast-model' });
  });

  it('never replaces a title the user gave, even one given while the reply streamed', async () => {
    await titled();
    ctx.server.next({ kind: 'stream', chunks: ['a', 'b', 'c'], delayMs: 100 });
    const sent = await ctx.services.chat.send(ctx.sender, input('Hello'));
    const handlers = createHandlers(ctx.services);
    await handlers.conversations.update({ sender: ctx.sender }, sent.conversation.id, { title: 'Mine' });
    await ctx.sender.end(sent.assistantMessage.id);
    await settle();
    expect(titleRequests()).toHaveLength(0);
    expect(ctx.services.history.getConversation(sent.conversation.id)!.title).toBe('Mine');
  });

  it('fails silently: the first line stays the title', async () => {
    await titled();
    ctx.server.next(
      { kind: 'stream', chunks: ['Hi'] },
      { kind: 'json', status: 500, body: { error: { message: 'x' } } },
    );
    const sent = await ctx.services.chat.send(ctx.sender, input('Hello there'));
    await ctx.sender.end(sent.assistantMessage.id);
    await ctx.sender.waitFor(() => (titleRequests().length ? true : undefined));
    await settle();
    expect(titleEvents()).toEqual([]);
    expect(ctx.services.history.getConversation(sent.conversation.id)!.title).toBe('Hello there');
  });

  it('is not asked for when the setting is off, or after a failed reply', async () => {
    await titled({ autoTitle: false });
    const sent = await ctx.services.chat.send(ctx.sender, input('Hello'));
    await ctx.sender.end(sent.assistantMessage.id);
    ctx.services.settings.update({ autoTitle: true });
    ctx.server.next({ kind: 'json', status: 503, body: { error: { message: 'busy' } } });
    const failed = await ctx.services.chat.send(ctx.sender, input('Another'));
    await ctx.sender.end(failed.assistantMessage.id);
    await settle();
    expect(titleRequests()).toHaveLength(0);
  });
});

describe('cleanTitle', () => {
  it.each([
    ['"Giraffe height."', 'Giraffe height'],
    ['Title: **Planning a trip to Rome**', 'Planning a trip to Rome'],
    ['<think>The user asks…</think>\n\nWeekend recipes', 'Weekend recipes'],
    ['one two three four five six seven eight nine ten', 'one two three four five six seven eight'],
    ['Evil\u202Eelif.exe title', 'Evil elif.exe title'],
    ['\n\n', ''],
    ['<think>never closed', ''],
  ])('%j → %j', (raw, title) => expect(cleanTitle(raw)).toBe(title));
});
