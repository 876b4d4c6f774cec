import { afterEach, describe, expect, it } from 'vitest';
import { input, startChat } from '../../../test/chat-harness';
import { createHandlers } from '../services';
import { CrashRecovery } from './crash-recovery';

describe('CrashRecovery', () => {
  it('says nothing when no window crashed', () => {
    const recovery = new CrashRecovery();
    recovery.opened('a');
    expect(recovery.take()).toEqual({ crash: null, plainText: [] });
  });

  it('gives the crash once, and keeps every chat that was open at a crash as plain text', () => {
    const recovery = new CrashRecovery();
    recovery.opened('a');
    recovery.crashed('crashed');
    expect(recovery.take()).toEqual({ crash: { reason: 'crashed', conversationId: 'a' }, plainText: ['a'] });
    expect(recovery.take()).toEqual({ crash: null, plainText: ['a'] });
    recovery.opened('b');
    recovery.crashed('oom');
    recovery.crashed('oom');
    expect(recovery.take()).toEqual({ crash: { reason: 'oom', conversationId: 'b' }, plainText: ['a', 'b'] });
  });

  it('reports a crash before any chat was opened without one', () => {
    const recovery = new CrashRecovery();
    recovery.crashed('killed');
    expect(recovery.take()).toEqual({ crash: { reason: 'killed', conversationId: null }, plainText: [] });
  });
});

describe('the handlers note the conversation the window has open', () => {
  let stop: () => Promise<void> = async () => {};
  afterEach(() => stop());

  it('from what it fetched and what it streamed into, through the real services', async () => {
    const { server, services, sender } = await startChat();
    stop = async () => {
      services.chat.stopAll();
      await server.stop();
    };
    const handlers = createHandlers(services);
    const context = { sender };
    const first = await handlers.chat.send(context, input('first'));
    await sender.end(first.assistantMessage.id);
    const second = await handlers.chat.send(context, input('second'));
    await sender.end(second.assistantMessage.id);
    services.recovery.crashed('crashed');
    expect(services.recovery.take().crash?.conversationId).toBe(second.conversation.id);

    await handlers.conversations.get(context, first.conversation.id);
    services.recovery.crashed('crashed');
    expect(services.recovery.take().crash?.conversationId).toBe(first.conversation.id);

    const retried = await handlers.chat.retry(context, second.assistantMessage.id);
    await sender.end(retried.id);
    // A failed call opens nothing.
    await expect(handlers.conversations.get(context, 'missing')).rejects.toThrow();
    services.recovery.crashed('crashed');
    expect(await handlers.app.recovery(context)).toEqual({
      crash: { reason: 'crashed', conversationId: second.conversation.id },
      plainText: [second.conversation.id, first.conversation.id],
    });
  });
});
