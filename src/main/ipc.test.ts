import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, channelOf } from '../shared/contract';
import type { Result } from '../shared/errors';
import { RecordingSender } from '../../test/chat-harness';
import { badArgs, goodSend, png } from '../../test/ipc-cases';
import { registerIpc, type Handlers, type IpcMainLike } from './ipc';
import { createHandlers } from './services';
import { testServices } from '../../test/services';

type Listener = Parameters<IpcMainLike['handle']>[1];

function setup(trusted = true) {
  const listeners = new Map<string, Listener>();
  const ipc: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const openExternal = vi.fn(async () => {});
  const services = testServices({
    env: { MODELSLAB_API_KEY: 'k-0123456789', MODELSLAB_BASE_URL: 'http://127.0.0.1:9/api/v7/llm' },
    version: '1.2.3',
    openExternal,
  });
  const handlers = createHandlers(services);
  const onUnexpectedError = vi.fn();
  registerIpc(ipc, handlers, { isTrustedSender: () => trusted, onUnexpectedError });
  const sender = new RecordingSender();
  const call = (channel: string, ...args: unknown[]) =>
    listeners.get(channel)!({ sender }, ...args) as Promise<Result<unknown>>;
  return { listeners, call, services, handlers, onUnexpectedError, openExternal };
}

describe('registerIpc', () => {
  it('binds every method of the contract, and nothing else', () => {
    const { listeners } = setup();
    const expected = Object.entries(API_METHODS).flatMap(([n, ms]) => Object.keys(ms).map((m) => channelOf(n, m)));
    expect([...listeners.keys()].sort()).toEqual(expected.sort());
    expect(Object.keys(badArgs).sort()).toEqual(expected.sort());
  });

  for (const [channel, cases] of Object.entries(badArgs)) {
    it(`answers bad arguments to ${channel} with bad_input`, async () => {
      const { call } = setup();
      for (const args of cases) {
        const result = await call(channel, ...args);
        expect(result.ok, `${channel}(${JSON.stringify(args).slice(0, 80)})`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('bad_input');
          expect(result.error.message.length).toBeLessThanOrEqual(300);
        }
      }
    });
  }

  it('accepts good arguments', async () => {
    const { call, services, openExternal } = setup();
    expect(await call('app.info')).toEqual({
      ok: true,
      value: { version: '1.2.3', baseUrl: 'http://127.0.0.1:9/api/v7/llm', baseUrlFromEnv: true, platform: 'test' },
    });
    expect(await call('keys.status')).toEqual({
      ok: true,
      value: { configured: true, source: 'env', hint: '6789', keychainProblem: null, origin: 'http://127.0.0.1:9' },
    });
    expect(await call('app.openExternal', 'https://modelslab.com/dashboard/api-keys')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(openExternal).toHaveBeenCalledWith('https://modelslab.com/dashboard/api-keys');
    const sent = await call('chat.send', goodSend);
    expect(sent.ok).toBe(true);
    services.chat.stopAll();
  });

  it('takes an image sent without text, and still refuses a message with neither', async () => {
    const { call, services } = setup();
    const imageOnly = await call('chat.send', { ...goodSend, content: '  ', images: [png] });
    expect(imageOnly).toMatchObject({
      ok: true,
      value: { userMessage: { content: '' }, conversation: { title: 'Image' } },
    });
    services.chat.stopAll();
    expect(await call('chat.send', { ...goodSend, content: '', images: [] })).toMatchObject({
      ok: false,
      error: { code: 'bad_input', message: expect.stringContaining('Type a message or attach an image') },
    });
  });

  it('lists a model as recently used once a reply was asked of it, newest first, and keeps favourites', async () => {
    const { call, services } = setup();
    expect(await call('chat.send', { ...goodSend, model: 'first-model' })).toMatchObject({ ok: true });
    expect(await call('chat.send', { ...goodSend, model: 'second-model' })).toMatchObject({ ok: true });
    expect(await call('chat.send', { ...goodSend, model: 'first-model' })).toMatchObject({ ok: true });
    services.chat.stopAll();
    expect(await call('settings.update', { favoriteModels: ['second-model'] })).toMatchObject({ ok: true });
    expect(services.settings.get().values).toMatchObject({
      recentModels: ['first-model', 'second-model'],
      favoriteModels: ['second-model'],
    });
  });

  it('does not list a model whose send was refused', async () => {
    const { call, services } = setup();
    await call('chat.send', { ...goodSend, conversationId: 'missing', model: 'never-used' });
    expect(services.settings.get().values.recentModels).toEqual([]);
  });

  it('refuses every call from an untrusted sender before parsing it', async () => {
    const { call, listeners } = setup(false);
    for (const channel of listeners.keys()) {
      const result = await call(channel);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('answers an unknown conversation with not_found', async () => {
    const { call } = setup();
    expect(await call('conversations.get', 'missing')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('hides the details of an unexpected fault', async () => {
    const listeners = new Map<string, Listener>();
    const handlers = createHandlers(testServices()) as Handlers;
    handlers.keys.status = async () => {
      throw new Error('secret internal path /home/me');
    };
    const onUnexpectedError = vi.fn();
    registerIpc({ handle: (c, l) => void listeners.set(c, l) }, handlers, {
      isTrustedSender: () => true,
      onUnexpectedError,
    });
    const result = (await listeners.get('keys.status')!({ sender: new RecordingSender() })) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/home/me');
    expect(onUnexpectedError).toHaveBeenCalledOnce();
  });
});
