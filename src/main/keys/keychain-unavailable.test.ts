import { describe, expect, it } from 'vitest';
import { KeyManager } from './key-manager';
import { KeytarStore } from './secret-store';

// This file runs in its own process: point it at a D-Bus that does not exist, as on a Linux desktop
// with no Secret Service, before keytar first connects.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/modelslab-chat-test-bus';

describe.runIf(process.platform === 'linux')('with no Secret Service', () => {
  it('fails fast with a message that says what is missing', async () => {
    const store = new KeytarStore('ModelsLab Chat test unavailable');
    const started = Date.now();
    const error = await store.get().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({ code: 'keychain_unavailable' });
    expect((error as Error).message).toMatch(/gnome-keyring or KWallet/);
  });

  it('still lets the app start and use a key for this session only', async () => {
    const keys = new KeyManager({}, new KeytarStore('ModelsLab Chat test unavailable'));
    const before = await keys.status();
    expect(before).toMatchObject({ configured: false, source: null });
    expect(before.keychainProblem).toMatch(/Secret Service/);
    await expect(keys.save('ml-session-key-9876', false)).rejects.toMatchObject({ code: 'keychain_unavailable' });
    expect(await keys.save('ml-session-key-9876', true)).toMatchObject({
      configured: true,
      source: 'session',
      hint: '9876',
    });
    expect((await keys.requireKey()).key).toBe('ml-session-key-9876');
    expect(await keys.remove()).toMatchObject({ configured: false });
  });
});
