import { describe, expect, it } from 'vitest';
import { fakeApi } from '../testing/fake-api';
import { conversation, detail, message, sent } from '../testing/fixtures';
import { selectActiveIds, useStore } from './index';

const state = () => useStore.getState();

async function openThread() {
  const thread = [message('u1', { role: 'user', content: 'Q' }), message('a1', { content: 'A' })];
  fakeApi.answer('conversations', 'get', async () => detail(conversation('c1'), thread));
  await state().openConversation('c1');
}

describe('versions of a turn', () => {
  it('regenerate sends the draft and shows the thread main answers with, versions included', async () => {
    await openThread();
    state().setParam('temperature', 1.2);
    fakeApi.answer('chat', 'regenerate', async () => sent('c1', 'Q'));
    const b = message('a1b', { content: 'A again', status: 'streaming' });
    fakeApi.answer('conversations', 'get', async () =>
      detail(conversation('c1'), [message('u1', { role: 'user' }), b], { versions: { a1b: ['a1', 'a1b'] } }),
    );
    await state().regenerate('a1');
    expect(fakeApi.called('chat.regenerate')[0]![0]).toMatchObject({ messageId: 'a1', params: { temperature: 1.2 } });
    expect(selectActiveIds(state())).toEqual(['u1', 'a1b']);
    expect(state().versions.c1).toEqual({ a1b: ['a1', 'a1b'] });
  });

  it('an edit that main refuses stays open, with the reason; one it takes closes the editor', async () => {
    await openThread();
    expect(state().editLast()).toBe(true);
    expect(state().editingId).toBe('u1');
    fakeApi.fail('chat', 'edit', { code: 'bad_input', message: 'Too long' });
    expect(await state().editMessage('u1', 'x')).toBe(false);
    expect(state().editingId).toBe('u1');
    expect(state().sendError?.code).toBe('bad_input');
    fakeApi.answer('chat', 'edit', async () => sent('c1', 'x'));
    expect(await state().editMessage('u1', 'x')).toBe(true);
    expect(state().editingId).toBeNull();
    expect(state().sendError).toBeNull();
  });

  it('editing the last question is refused while a reply streams, and when there is none', async () => {
    expect(state().editLast()).toBe(false);
    await openThread();
    state().applyEvent({ type: 'end', message: message('a1', { status: 'streaming', updatedAt: 5000 }) });
    expect(state().editLast()).toBe(false);
  });

  it('retry asks again and shows the thread; showing and deleting versions report failures', async () => {
    await openThread();
    fakeApi.answer('chat', 'retry', async () => message('a2', { status: 'streaming' }));
    await state().retryReply('a1');
    expect(fakeApi.called('conversations.get')).toHaveLength(2);
    fakeApi.answer('conversations', 'showVersion', async () =>
      detail(conversation('c1'), [message('u0', { role: 'user' })]),
    );
    await state().showVersion('u0');
    expect(selectActiveIds(state())).toEqual(['u0']);
    fakeApi.fail('conversations', 'deleteMessage', { code: 'not_found', message: 'gone', status: 404 });
    await state().deleteMessage('u0');
    expect(state().sendError).toEqual({ code: 'not_found', message: 'gone', status: 404 });
  });
});
