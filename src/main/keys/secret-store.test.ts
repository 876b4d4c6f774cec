import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarStore } from './secret-store';

// scripts/with-keyring.sh (used by `npm test`) provides a Secret Service on Linux; elsewhere the OS keychain answers.
const noKeychain = process.platform === 'linux' && !process.env.MLC_KEYRING;
if (noKeychain) console.log('keychain tests skipped: run them through `npm run test:unit` for a private gnome-keyring');

describe.skipIf(noKeychain)('KeytarStore against the real keychain', () => {
  const store = new KeytarStore(`ModelsLab Chat test ${randomUUID()}`);
  afterAll(() => store.delete());

  it('stores, reads, replaces and deletes the key', async () => {
    expect(await store.get()).toBeNull();
    await store.set('ml-key-first-0001');
    expect(await store.get()).toBe('ml-key-first-0001');
    await store.set('ml-key-second-0002');
    expect(await store.get()).toBe('ml-key-second-0002');
    await store.delete();
    expect(await store.get()).toBeNull();
  });

  it('keeps non-ASCII keys intact', async () => {
    const key = 'clé-ключ-鍵-🔑-0123456789';
    await store.set(key);
    expect(await store.get()).toBe(key);
    await store.delete();
  });

  it('keeps entries of different services apart', async () => {
    const other = new KeytarStore(`ModelsLab Chat test ${randomUUID()}`);
    await store.set('ml-key-mine-0003');
    expect(await other.get()).toBeNull();
    await store.delete();
  });
});
