import { describe, expect, it } from 'vitest';
import { fakeApi } from '../testing/fake-api';
import { message, nextFrame, sent } from '../testing/fixtures';
import { selectActiveIds, selectStreamingId, useStore } from './index';

const state = () => useStore.getState();
const delta = (messageId: string, text: string, conversationId = 'c1') => ({
  type: 'delta' as const,
  conversationId,
  messageId,
  text,
});

describe('sending a message', () => {
  it('shows the question, then the reply, in the new chat it made, and counts that chat once', async () => {
    fakeApi.answer('chat', 'send', async () => sent('c1', 'Hi'));
    expect(await state().send('Hi')).toBe(true);
    expect(state().activeId).toBe('c1');
    expect(selectActiveIds(state())).toEqual(['u-Hi', 'a-Hi']);
    expect(selectStreamingId(state())).toBe('a-Hi');
    expect(state().conversations.map((c) => c.id)).toEqual(['c1']);
    expect(state().conversationTotal).toBe(1);
    expect(state().sending).toBe(false);

    fakeApi.answer('chat', 'send', async () => sent('c1', 'Again', 3000));
    await state().send('Again');
    expect(state().conversationTotal).toBe(1);
    expect(fakeApi.called('chat.send')[1]![0]).toMatchObject({ conversationId: 'c1', content: 'Again' });
  });

  it('keeps the text of deltas that arrived before main answered the send, in order after the question', async () => {
    let answer!: () => void;
    fakeApi.answer('chat', 'send', () => new Promise((resolve) => (answer = () => resolve(sent('c1', 'Hi')))));
    const sending = state().send('Hi');
    state().applyEvent(delta('a-Hi', 'Hel'));
    state().applyEvent(delta('a-Hi', 'lo'));
    await nextFrame();
    expect(state().messages['a-Hi']?.content).toBe('Hello');
    answer();
    await sending;
    expect(selectActiveIds(state())).toEqual(['u-Hi', 'a-Hi']);
    expect(state().messages['a-Hi']).toMatchObject({ content: 'Hello', status: 'streaming' });
  });

  it('keeps a reply that ended before main answered the send', async () => {
    let answer!: () => void;
    fakeApi.answer('chat', 'send', () => new Promise((resolve) => (answer = () => resolve(sent('c1', 'Hi')))));
    const sending = state().send('Hi');
    const ended = message('a-Hi', { content: 'Whole answer', status: 'done', updatedAt: 2500 });
    state().applyEvent({ type: 'end', message: ended });
    answer();
    await sending;
    expect(state().messages['a-Hi']).toMatchObject({ content: 'Whole answer', status: 'done' });
    expect(selectStreamingId(state())).toBeNull();
  });

  it('shows a failed send above the composer with its status and wait, and clears the images only on success', async () => {
    state().attachImages(
      [{ name: 'a.png', mimeType: 'image/png', dataUrl: 'data:image/png;base64,AA', thumbnail: '' }],
      [],
    );
    fakeApi.fail('chat', 'send', { code: 'rate_limited', message: 'Slow down', status: 429, retryAfter: 12 });
    expect(await state().send('Hi')).toBe(false);
    expect(state().sendError).toEqual({ code: 'rate_limited', message: 'Slow down', status: 429, retryAfter: 12 });
    expect(state().images).toHaveLength(1);
    expect(state().sending).toBe(false);

    fakeApi.answer('chat', 'send', async () => sent('c1', 'Hi'));
    await state().send('Hi');
    expect(state().sendError).toBeNull();
    expect(state().images).toEqual([]);
  });

  it('an unexpected failure is shown as an app fault, not as its raw text', async () => {
    fakeApi.answer('chat', 'send', () => {
      throw new Error('TypeError: x is undefined');
    });
    expect(await state().send('Hi')).toBe(false);
    expect(state().sendError?.code).toBe('internal');
    expect(state().sendError?.message).not.toContain('TypeError');
  });
});

describe('following a reply', () => {
  it('stop asks main to stop the reply still streaming, and nothing when none is', async () => {
    fakeApi.answer('chat', 'send', async () => sent('c1', 'Hi')).answer('chat', 'stop', async () => undefined);
    await state().stop();
    expect(fakeApi.called('chat.stop')).toEqual([]);
    await state().send('Hi');
    await state().stop();
    expect(fakeApi.called('chat.stop')).toEqual([['a-Hi']]);
  });

  it('shows what main saved when the reply ends, and no delta held from before it on top', async () => {
    state().applyEvent(delta('m1', 'Partial'));
    await nextFrame();
    state().applyEvent(delta('m1', ' answer'));
    state().applyEvent({ type: 'end', message: message('m1', { content: 'Partial answer', status: 'stopped' }) });
    expect(state().messages.m1).toMatchObject({ content: 'Partial answer', status: 'stopped' });
    await nextFrame();
    await nextFrame();
    expect(state().messages.m1?.content).toBe('Partial answer');
  });

  it('a delta for a reply that already ended adds nothing', async () => {
    state().applyEvent({ type: 'end', message: message('m1', { content: 'Done.', status: 'done' }) });
    state().applyEvent(delta('m1', ' late'));
    await nextFrame();
    expect(state().messages.m1?.content).toBe('Done.');
  });

  it('continue sets the reply streaming again; its failure is shown with its code', async () => {
    state().applyEvent({ type: 'end', message: message('m1', { content: 'Cut', status: 'stopped', updatedAt: 10 }) });
    fakeApi.answer('chat', 'continue', async () =>
      message('m1', { content: 'Cut', status: 'streaming', updatedAt: 20 }),
    );
    await state().continueReply('m1');
    expect(state().messages.m1?.status).toBe('streaming');
    fakeApi.fail('chat', 'continue', { code: 'network', message: 'offline' });
    await state().continueReply('m1');
    expect(state().sendError?.code).toBe('network');
  });

  it('pinning images shows the pinned message and asks for a fresh context view', async () => {
    fakeApi.answer('chat', 'pinImages', async (id, pinned) => message(id, { role: 'user', imagesPinned: pinned }));
    await state().pinImages('m1', true);
    expect(state().messages.m1?.imagesPinned).toBe(true);
    fakeApi.fail('chat', 'pinImages', { code: 'not_found', message: 'gone' });
    await state().pinImages('m1', false);
    expect(state().sendError?.code).toBe('not_found');
  });
});
