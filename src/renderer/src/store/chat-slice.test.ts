// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/domain';
import { useStore } from './index';

const initial = useStore.getState();
afterEach(() => useStore.setState(initial, true));

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const delta = (text: string) => ({ type: 'delta' as const, conversationId: 'c1', messageId: 'm1', text });
const ended = (content: string): Message => ({
  id: 'm1',
  conversationId: 'c1',
  parentId: null,
  role: 'assistant',
  content,
  attachments: [],
  status: 'stopped',
  error: null,
  model: null,
  usage: null,
  stats: null,
  tokens: null,
  finishReason: null,
  imagesPinned: false,
  createdAt: 0,
  updatedAt: 0,
});

describe('stream events in the store', () => {
  it('applies the deltas that arrived before a frame in that frame', async () => {
    const { applyEvent } = useStore.getState();
    applyEvent(delta('Hello'));
    applyEvent(delta(', world'));
    expect(useStore.getState().messages.m1).toBeUndefined();
    await nextFrame();
    expect(useStore.getState().messages.m1?.content).toBe('Hello, world');
  });

  it('shows what main saved as soon as the reply ends, and nothing held from before it on top', async () => {
    const { applyEvent } = useStore.getState();
    applyEvent(delta('Partial'));
    await nextFrame();
    applyEvent(delta(' answer'));
    applyEvent({ type: 'end', message: ended('Partial answer') });
    expect(useStore.getState().messages.m1).toMatchObject({ content: 'Partial answer', status: 'stopped' });
    await nextFrame();
    await nextFrame();
    expect(useStore.getState().messages.m1?.content).toBe('Partial answer');
  });
});
