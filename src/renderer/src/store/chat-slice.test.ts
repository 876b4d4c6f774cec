import { describe, expect, it } from 'vitest';
import { NO_CONTEXT } from '../../../shared/context';
import { fakeApi } from '../testing/fake-api';
import { conversation, detail, message } from '../testing/fixtures';
import { selectActiveIds, useStore } from './index';

const state = () => useStore.getState();

describe('opening a conversation', () => {
  it('shows its thread and composes with its model, prompt, parameters and context settings', async () => {
    const c = conversation('c1', { model: 'm-x', systemPrompt: 'Be brief', params: { temperature: 0.3 }, sendLast: 4 });
    fakeApi.answer('conversations', 'get', async () => detail(c, [message('u1', { role: 'user' }), message('a1')]));
    await state().openConversation('c1', 'a1');
    expect(fakeApi.called('conversations.get')).toEqual([['c1', { includeId: 'a1' }]]);
    expect(state().activeId).toBe('c1');
    expect(state().focusMessageId).toBe('a1');
    expect(selectActiveIds(state())).toEqual(['u1', 'a1']);
    expect(state().draft).toEqual({
      model: 'm-x',
      systemPrompt: 'Be brief',
      params: { temperature: 0.3 },
      context: { contextLength: null, sendLast: 4 },
    });
    // Opened from beyond the loaded page: listed, but the total is main's and stays.
    expect(state().conversations.map((x) => x.id)).toEqual(['c1']);
    expect(state().conversationTotal).toBe(0);
  });

  it('stays where it was when the conversation cannot be read, and says why', async () => {
    fakeApi.fail('conversations', 'get', { code: 'history_unavailable', message: 'locked' });
    await state().openConversation('c1');
    expect(state().activeId).toBeNull();
    expect(state().sendError?.code).toBe('history_unavailable');
  });

  it('a reply still streaming keeps the text it has when its conversation is read again', async () => {
    const c = conversation('c1');
    state().applyEvent({ type: 'delta', conversationId: 'c1', messageId: 'a1', text: 'Streamed so far' });
    await new Promise((r) => requestAnimationFrame(r));
    fakeApi.answer('conversations', 'get', async () =>
      detail(c, [message('a1', { status: 'streaming', content: 'Str' })]),
    );
    await state().openConversation('c1');
    expect(state().messages.a1?.content).toBe('Streamed so far');
  });

  it('loads older messages before the first one, once each, and says when none remain', async () => {
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c1'), [message('m3')], { hasOlder: true }));
    await state().openConversation('c1');
    fakeApi.answer('conversations', 'older', async () => ({
      messages: [message('m1'), message('m2'), message('m3')],
      hasOlder: false,
      versions: { m2: ['m2', 'm2b'] },
    }));
    expect(await state().loadOlder()).toBe(3);
    expect(selectActiveIds(state())).toEqual(['m1', 'm2', 'm3']);
    expect(state().versions.c1).toEqual({ m2: ['m2', 'm2b'] });
    expect(fakeApi.called('conversations.older')).toEqual([['c1', 'm3']]);
    expect(await state().loadOlder()).toBe(0);
    expect(fakeApi.called('conversations.older')).toHaveLength(1);
  });
});

describe('the composer', () => {
  it('a new chat keeps the model but not the context settings; a preset brings its own', () => {
    state().setDraft({ model: 'm-a', context: { contextLength: 4096, sendLast: 2 } });
    state().newChat();
    expect(state().draft).toMatchObject({ model: 'm-a', context: NO_CONTEXT });
    // As a click handler it is handed the click event, which must not end up in the draft.
    (state().newChat as (event: unknown) => void)({ type: 'click', nativeEvent: {} });
    expect(Object.keys(state().draft).sort()).toEqual(['context', 'model', 'params', 'systemPrompt']);
    state().newChatFrom({ model: 'm-p', systemPrompt: 'Pirate', params: { top_p: 0.5 } });
    expect(state().draft).toEqual({
      model: 'm-p',
      systemPrompt: 'Pirate',
      params: { top_p: 0.5 },
      context: NO_CONTEXT,
    });
  });

  it('a parameter set to undefined goes back to the server default', () => {
    state().setParam('temperature', 0.7);
    expect(state().draft.params).toEqual({ temperature: 0.7 });
    state().setParam('temperature', undefined);
    expect(state().draft.params).toEqual({});
  });

  it('saved defaults apply to a new chat, not to one already open', async () => {
    state().useDefaults('m-default', { max_tokens: 100 });
    expect(state().draft).toMatchObject({ model: 'm-default', params: { max_tokens: 100 } });
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c1', { model: 'm-own' }), []));
    await state().openConversation('c1');
    state().useDefaults('m-other', {});
    expect(state().draft.model).toBe('m-own');
  });

  it('images are attached with the lines about those left out, and removed one by one', () => {
    const image = (name: string) => ({ name, mimeType: 'image/png' as const, dataUrl: 'data:,', thumbnail: '' });
    state().attachImages([image('a'), image('b')], [{ kind: 'not-image', name: 'c.txt' }]);
    expect(state().imageProblems).toHaveLength(1);
    state().removeImage(0);
    expect(state().images.map((i) => i.name)).toEqual(['b']);
    expect(state().imageProblems).toEqual([]);
  });

  it('leaving a deleted conversation shows a new chat only when it was the open one', async () => {
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c1'), []));
    await state().openConversation('c1');
    state().leaveConversation('c2');
    expect(state().activeId).toBe('c1');
    state().leaveConversation('c1');
    expect(state().activeId).toBeNull();
  });
});
