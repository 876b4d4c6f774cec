import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../testing/fake-api';
import { conversation, detail, message } from '../testing/fixtures';
import { useStore } from './index';

const state = () => useStore.getState();

describe('the app menu and its commands', () => {
  it('New Chat leaves the open chat and asks the composer to take the focus', async () => {
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c1'), []));
    await state().openConversation('c1');
    state().runCommand('new-chat');
    expect(state().activeId).toBeNull();
    expect(state().composerFocus).toBe(1);
  });

  it('the other commands open settings, shortcuts and search', () => {
    state().runCommand('settings');
    state().runCommand('shortcuts');
    state().runCommand('search');
    expect(state()).toMatchObject({ settingsOpen: true, shortcutsOpen: true, searchOpen: true });
  });

  it('copies the last reply with text, and says when copying failed', async () => {
    const thread = [
      message('a1', { content: 'First' }),
      message('u1', { role: 'user' }),
      message('a2', { content: ' ' }),
    ];
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c1'), thread));
    await state().openConversation('c1');
    fakeApi.answer('app', 'copyText', async () => undefined);
    expect(await state().copyLastReply()).toBe(true);
    expect(fakeApi.called('app.copyText')).toEqual([['First']]);
    fakeApi.fail('app', 'copyText', { code: 'throttled', message: 'Too often' });
    expect(await state().copyLastReply()).toBe(false);
    expect(state().toast).toEqual({ error: { code: 'throttled', message: 'Too often' } });
  });

  it('a refused link is a notice worded from its code', async () => {
    fakeApi.fail('app', 'openExternal', { code: 'link_refused', message: 'file: links are not opened' });
    await state().openExternal('file:///etc/passwd');
    expect(state().toast).toEqual({ error: { code: 'link_refused', message: 'file: links are not opened' } });
  });

  it('the model list is fetched once, and again after a failed fetch', async () => {
    fakeApi.answer(
      'models',
      'list',
      async () => ({ models: [], fetchedAt: null, error: { code: 'network', message: 'x' } }) as never,
    );
    await state().loadModels();
    fakeApi.answer('models', 'list', async () => ({ models: [], fetchedAt: 5, error: null }) as never);
    await state().loadModels();
    await state().loadModels();
    expect(fakeApi.called('models.list')).toHaveLength(2);
  });

  it('an update notice comes from main’s event and a restart asks main', async () => {
    const update = { version: '9.9.9' } as never;
    const stop = (await import('./index')).startDesktopEvents(vi.fn());
    fakeApi.emit('app.update', update);
    expect(state().update).toEqual(update);
    fakeApi.answer('app', 'restartToUpdate', async () => undefined);
    await state().restartToUpdate();
    expect(fakeApi.called('app.restartToUpdate')).toHaveLength(1);
    stop();
  });
});

describe('after a crash', () => {
  it('reopens the chat the window was on and shows its replies as plain text until turned back', async () => {
    fakeApi.answer('app', 'recovery', async () => ({
      crash: { reason: 'crashed', conversationId: 'c1' },
      plainText: ['c1'],
    }));
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c1'), []));
    await state().recover();
    expect(state().activeId).toBe('c1');
    expect(state().crashNotice).toMatchObject({ conversationId: 'c1' });
    expect(state().plainText).toEqual({ c1: true });
    state().setPlainText('c1', false);
    expect(state().plainText).toEqual({});
    state().dismissCrash();
    expect(state().crashNotice).toBeNull();
  });
});
