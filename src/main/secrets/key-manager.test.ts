import { describe, expect, it } from 'vitest';
import { KeyManager } from './key-manager';
import { MemorySecretStore } from './memory-store';

describe('KeyManager', () => {
  it('prefers the environment, and reports only the source and the last four characters', async () => {
    const keys = new KeyManager({ MODELSLAB_API_KEY: ' env-key-abcd ' }, new MemorySecretStore('stored-key-wxyz'));
    expect(await keys.getKey()).toBe('env-key-abcd');
    const status = await keys.status();
    expect(status).toEqual({ configured: true, source: 'env', hint: 'abcd', keychainProblem: null });
    expect(JSON.stringify(status)).not.toContain('env-key');
  });

  it('reads, saves and removes the keychain key', async () => {
    const store = new MemorySecretStore();
    const keys = new KeyManager({}, store);
    expect(await keys.status()).toMatchObject({ configured: false, source: null, hint: null });
    expect(await keys.save('stored-key-1234', false)).toMatchObject({
      configured: true,
      source: 'keychain',
      hint: '1234',
    });
    expect(await store.get()).toBe('stored-key-1234');
    expect(await keys.remove()).toMatchObject({ configured: false });
    expect(await store.get()).toBeNull();
  });

  it('keeps a session-only key out of the keychain', async () => {
    const store = new MemorySecretStore();
    const keys = new KeyManager({}, store);
    await keys.save('session-key-5678', true);
    expect(await keys.status()).toMatchObject({ source: 'session', hint: '5678' });
    expect(await store.get()).toBeNull();
  });
});

describe('the key logs must hide', () => {
  it('is the last key seen, including one just saved', async () => {
    const keys = new KeyManager({}, new MemorySecretStore('stored-key-1111'));
    expect(keys.knownKey()).toBeNull();
    await keys.getKey();
    expect(keys.knownKey()).toBe('stored-key-1111');
    await keys.save('new-key-2222', true);
    expect(keys.knownKey()).toBe('new-key-2222');
  });
});
