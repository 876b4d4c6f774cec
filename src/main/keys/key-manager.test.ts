import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGIN } from '../../shared/base-url';
import { KeyManager } from './key-manager';
import { MemorySecretStore } from './memory-store';

const GATEWAY = 'https://gateway.example.com';

/** A keychain that counts its reads, to show the key is kept in memory. */
class CountingStore extends MemorySecretStore {
  reads = 0;
  override async get() {
    this.reads++;
    return super.get();
  }
}

function manager(env: Record<string, string> = {}, store = new MemorySecretStore()) {
  let origin = DEFAULT_ORIGIN;
  const keys = new KeyManager(env, store, () => origin);
  return { keys, store, moveTo: (o: string) => void (origin = o) };
}

describe('KeyManager', () => {
  it('prefers the environment, and reports only the source, the last four characters and the origin', async () => {
    const { keys } = manager({ MODELSLAB_API_KEY: ' env-key-abcd ' }, new MemorySecretStore('stored-key-wxyz'));
    expect(await keys.requireKey()).toEqual({ key: 'env-key-abcd', origin: DEFAULT_ORIGIN });
    const status = await keys.status();
    expect(status).toEqual({
      configured: true,
      source: 'env',
      hint: 'abcd',
      keychainProblem: null,
      origin: DEFAULT_ORIGIN,
    });
    expect(JSON.stringify(status)).not.toContain('env-key');
  });

  it('binds MODELSLAB_API_KEY to MODELSLAB_BASE_URL’s origin, and to nothing else', async () => {
    const { keys, moveTo } = manager({ MODELSLAB_API_KEY: 'env-key-abcd', MODELSLAB_BASE_URL: `${GATEWAY}/v1` });
    moveTo(GATEWAY);
    expect((await keys.requireKey()).origin).toBe(GATEWAY);
    moveTo('http://evil.example:8080');
    await expect(keys.requireKey()).rejects.toMatchObject({ code: 'key_origin' });
    expect(await keys.status()).toMatchObject({ configured: false, origin: GATEWAY });
  });

  it('saves the key with the origin requests go to, and never hands it out for another', async () => {
    const { keys, store, moveTo } = manager();
    expect(await keys.status()).toMatchObject({ configured: false, source: null, hint: null, origin: null });
    await expect(keys.requireKey()).rejects.toMatchObject({ code: 'no_key' });
    expect(await keys.save('stored-key-1234', false)).toMatchObject({ configured: true, source: 'keychain' });
    expect(JSON.parse((await store.get())!)).toEqual({ key: 'stored-key-1234', origin: DEFAULT_ORIGIN });
    moveTo('http://127.0.0.1:9999');
    const refused = await keys.requireKey().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'key_origin' });
    expect((refused as Error).message).toContain(DEFAULT_ORIGIN);
    expect((refused as Error).message).not.toContain('stored-key');
    moveTo(DEFAULT_ORIGIN);
    expect((await keys.requireKey()).key).toBe('stored-key-1234');
    expect(await keys.remove()).toMatchObject({ configured: false });
    expect(await store.get()).toBeNull();
  });

  it('binds a key saved before origins existed to the origin in use when it is first read, and writes that down', async () => {
    const store = new MemorySecretStore('legacy-key-0000');
    const { keys, moveTo } = manager({}, store);
    moveTo(GATEWAY);
    expect(await keys.requireKey()).toEqual({ key: 'legacy-key-0000', origin: GATEWAY });
    expect(JSON.parse((await store.get())!)).toEqual({ key: 'legacy-key-0000', origin: GATEWAY });
  });

  it('keeps a session-only key out of the keychain, bound like any other', async () => {
    const { keys, store, moveTo } = manager();
    await keys.save('session-key-5678', true);
    expect(await keys.status()).toMatchObject({ source: 'session', hint: '5678', origin: DEFAULT_ORIGIN });
    expect(await store.get()).toBeNull();
    moveTo(GATEWAY);
    await expect(keys.requireKey()).rejects.toMatchObject({ code: 'key_origin' });
  });

  it('carries a key to another origin only when asked to, and never one from the environment', async () => {
    const { keys, store, moveTo } = manager({}, new MemorySecretStore());
    await keys.save('stored-key-1234', false);
    expect(await keys.carriable(DEFAULT_ORIGIN)).toEqual({ hint: '1234' });
    await keys.carry(DEFAULT_ORIGIN, GATEWAY);
    moveTo(GATEWAY);
    expect(await keys.requireKey()).toEqual({ key: 'stored-key-1234', origin: GATEWAY });
    expect(JSON.parse((await store.get())!).origin).toBe(GATEWAY);
    const fromEnv = manager({ MODELSLAB_API_KEY: 'env-key-abcd' });
    expect(await fromEnv.keys.carriable(DEFAULT_ORIGIN)).toBeNull();
  });
});

describe('the key in memory', () => {
  it('reads the keychain once, however many requests ask, until the key or the origin changes', async () => {
    const store = new CountingStore(JSON.stringify({ key: 'stored-key-1111', origin: DEFAULT_ORIGIN }));
    const { keys, moveTo } = manager({}, store);
    await Promise.all(Array.from({ length: 20 }, () => keys.requireKey()));
    for (let i = 0; i < 20; i++) await keys.requireKey();
    await keys.status();
    expect(store.reads).toBe(1);
    await keys.save('new-key-2222', false);
    expect((await keys.requireKey()).key).toBe('new-key-2222');
    expect(store.reads).toBe(1);
    moveTo(GATEWAY);
    keys.originChanged();
    await keys.status();
    await keys.status();
    expect(store.reads).toBe(2);
  });

  it('knows every key it holds, for logs to hide, without asking the keychain', async () => {
    const store = new CountingStore(JSON.stringify({ key: 'stored-key-1111', origin: DEFAULT_ORIGIN }));
    const { keys } = manager({ MODELSLAB_API_KEY: 'env-key-3333' }, store);
    expect(keys.knownKeys()).toEqual(['env-key-3333']);
    expect(store.reads).toBe(0);
    await keys.status();
    await keys.save('session-key-2222', true);
    expect(keys.knownKeys().sort()).toEqual(['env-key-3333', 'session-key-2222', 'stored-key-1111']);
  });
});
