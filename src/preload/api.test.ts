import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../shared/contract';
import { ApiError } from '../shared/errors';
import { unwrapBridge } from '../shared/unwrap';
import { createApi, type IpcRendererLike } from './api';

function fakeIpc() {
  const calls: [string, unknown[]][] = [];
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      calls.push([channel, args]);
      return channel === 'keys.status'
        ? { ok: false, error: { code: 'keychain_unavailable', message: 'No Secret Service' } }
        : { ok: true, value: `${channel} done` };
    },
    on: (channel, l) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(l),
    removeListener: (channel, l) => void listeners.get(channel)?.delete(l),
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({}, payload));
  return { ipc, calls, emit, listeners };
}

describe('createApi', () => {
  it('calls the named channel with the arguments and returns the Result as is', async () => {
    const { ipc, calls } = fakeIpc();
    const api = createApi(ipc);
    expect(await api.chat.stop('m1')).toEqual({ ok: true, value: 'chat.stop done' });
    expect(calls).toEqual([['chat.stop', ['m1']]]);
  });

  it('exposes only the contract: no generic invoke or send', () => {
    const api = createApi(fakeIpc().ipc) as unknown as Record<string, object>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_METHODS).sort());
    expect(Object.keys(api.chat!).sort()).toEqual([...Object.keys(API_METHODS.chat), 'onEvent'].sort());
    expect('invoke' in api || 'send' in api).toBe(false);
  });

  it('subscribes and unsubscribes event listeners', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const api = createApi(ipc);
    const seen: unknown[] = [];
    const off = api.chat.onEvent((e) => seen.push(e));
    emit('chat.event', { type: 'delta', text: 'a' });
    off();
    emit('chat.event', { type: 'delta', text: 'b' });
    expect(seen).toEqual([{ type: 'delta', text: 'a' }]);
    expect(listeners.get('chat.event')!.size).toBe(0);
  });
});

describe('unwrapBridge', () => {
  it('turns an error Result into an ApiError with its code, on the calling side', async () => {
    const api = unwrapBridge(createApi(fakeIpc().ipc));
    await expect(api.app.info()).resolves.toBe('app.info done');
    const error = await api.keys.status().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'keychain_unavailable', message: 'No Secret Service' });
  });
});
