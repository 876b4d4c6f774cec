import { afterEach, describe, expect, it } from 'vitest';
import { input, startChat } from '../../../test/chat-harness';

/** Replies and messages with more than one version, and images sent with their turn. */

let ctx: Awaited<ReturnType<typeof startChat>>;

afterEach(async () => ctx?.server.stop());

describe('images', () => {
  it('sends attached images as image_url parts with data URLs, with their turn only', async () => {
    ctx = await startChat();
    const { pngInput, PNG_BASE64 } = await import('../../../test/images');
    const first = await ctx.services.chat.send(ctx.sender, input('What is in this picture?', { images: [pngInput()] }));
    await ctx.sender.end(first.assistantMessage.id);
    expect(first.userMessage.attachments).toEqual([
      expect.objectContaining({ name: 'red.png', mimeType: 'image/png' }),
    ]);
    const url = `data:image/png;base64,${PNG_BASE64}`;
    const firstBody = ctx.server.chatRequests().at(-1)!.body as { messages: { content: unknown }[] };
    expect(firstBody.messages.at(-1)!.content).toEqual([
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image_url', image_url: { url } },
    ]);
    const second = await ctx.services.chat.send(
      ctx.sender,
      input('And now?', { conversationId: first.conversation.id }),
    );
    await ctx.sender.end(second.assistantMessage.id);
    const secondBody = ctx.server.chatRequests().at(-1)!.body as { messages: { content: unknown }[] };
    // Billed once: later turns carry the text of the message, not the image again.
    expect(secondBody.messages[0]!.content).toBe('What is in this picture?');
    expect(secondBody.messages.at(-1)!.content).toBe('And now?');

    await ctx.services.chat.pinImages(first.userMessage.id, true);
    const third = await ctx.services.chat.send(ctx.sender, input('Again?', { conversationId: first.conversation.id }));
    await ctx.sender.end(third.assistantMessage.id);
    const thirdBody = ctx.server.chatRequests().at(-1)!.body as { messages: { content: unknown }[] };
    expect(thirdBody.messages[0]!.content).toEqual(firstBody.messages.at(-1)!.content);
  });
});

describe('versions and edits', () => {
  it('regenerating keeps the old reply as a version and asks with the same turns', async () => {
    ctx = await startChat();
    const { detailOf, showVersion } = await import('../history/conversation-detail');
    const first = await ctx.services.chat.send(ctx.sender, input('Name a colour'));
    const oldReply = await ctx.sender.end(first.assistantMessage.id);
    ctx.server.next({ kind: 'stream', chunks: ['Blue'] });
    const again = await ctx.services.chat.regenerate(ctx.sender, {
      messageId: oldReply.id,
      model: 'meta-llama-3-8B-instruct',
      params: { temperature: 1.5 },
      systemPrompt: '',
    });
    await ctx.sender.end(again.assistantMessage.id);
    const body = ctx.server.chatRequests().at(-1)!.body as { model: string; temperature: number; messages: unknown[] };
    expect(body).toMatchObject({ model: 'meta-llama-3-8B-instruct', temperature: 1.5 });
    expect(body.messages).toEqual([{ role: 'user', content: 'Name a colour' }]);

    const detail = detailOf(ctx.services.history, first.conversation.id);
    expect(detail.messages.map((m) => m.content)).toEqual(['Name a colour', 'Blue']);
    expect(detail.versions[again.assistantMessage.id]).toEqual([oldReply.id, again.assistantMessage.id]);
    const back = showVersion(ctx.services.history, oldReply.id);
    expect(back.messages.at(-1)!.content).toBe(oldReply.content);
  });

  it('editing a message branches: later turns stay reachable on the old branch', async () => {
    ctx = await startChat();
    const { detailOf, showVersion } = await import('../history/conversation-detail');
    const one = await ctx.services.chat.send(ctx.sender, input('First'));
    await ctx.sender.end(one.assistantMessage.id);
    const two = await ctx.services.chat.send(ctx.sender, input('Second', { conversationId: one.conversation.id }));
    await ctx.sender.end(two.assistantMessage.id);

    const edited = await ctx.services.chat.edit(ctx.sender, {
      messageId: one.userMessage.id,
      content: 'First, edited',
      model: 'm-1',
      params: {},
      systemPrompt: '',
    });
    await ctx.sender.end(edited.assistantMessage.id);
    const body = ctx.server.chatRequests().at(-1)!.body as { messages: { content: string }[] };
    expect(body.messages.map((m) => m.content)).toEqual(['First, edited']);

    let detail = detailOf(ctx.services.history, one.conversation.id);
    expect(detail.messages.map((m) => m.role + ':' + m.content.slice(0, 24))).toEqual([
      'user:First, edited',
      'assistant:You said: First, edited.',
    ]);
    expect(detail.versions[edited.userMessage.id]).toEqual([one.userMessage.id, edited.userMessage.id]);
    detail = showVersion(ctx.services.history, one.userMessage.id);
    expect(detail.messages.map((m) => m.content.slice(0, 6))).toEqual(['First', 'You sa', 'Second', 'You sa']);
  });

  it('deleting a message removes what follows it and falls back to another version', async () => {
    ctx = await startChat();
    const { deleteMessage } = await import('../history/conversation-detail');
    const one = await ctx.services.chat.send(ctx.sender, input('Keep me'));
    await ctx.sender.end(one.assistantMessage.id);
    const two = await ctx.services.chat.send(ctx.sender, input('Delete me', { conversationId: one.conversation.id }));
    await ctx.sender.end(two.assistantMessage.id);
    const detail = deleteMessage(ctx.services.history, two.userMessage.id, () => false);
    expect(detail.messages.map((m) => m.id)).toEqual([one.userMessage.id, one.assistantMessage.id]);
    expect(ctx.services.history.getMessage(two.assistantMessage.id)).toBeNull();
  });

  it('will not regenerate or delete a reply that is still streaming', async () => {
    ctx = await startChat();
    const { deleteMessage } = await import('../history/conversation-detail');
    ctx.server.next({ kind: 'stream', chunks: ['slow'], hang: true });
    const sent = await ctx.services.chat.send(ctx.sender, input('Hi'));
    const settings = { model: 'm', params: {}, systemPrompt: '' };
    await expect(
      ctx.services.chat.regenerate(ctx.sender, { messageId: sent.assistantMessage.id, ...settings }),
    ).rejects.toMatchObject({ code: 'bad_input' });
    expect(() =>
      deleteMessage(ctx.services.history, sent.userMessage.id, (id) => ctx.services.chat.isRunning(id)),
    ).toThrow(/Stop the reply first/);
    ctx.services.chat.stop(sent.assistantMessage.id);
    await ctx.sender.end(sent.assistantMessage.id);
  });
});
