import { describe, expect, it } from 'vitest';
import type { KeyStatus } from '../../../shared/contract';
import { fakeApi } from '../testing/fake-api';
import { conversation, detail } from '../testing/fixtures';
import { useStore } from './index';

const state = () => useStore.getState();
const saved: KeyStatus = { configured: true, source: 'keychain', hint: 'abcd', keychainProblem: null, origin: null };
const none: KeyStatus = { configured: false, source: null, hint: null, keychainProblem: null, origin: null };

describe('the API key', () => {
  it('a key that passes its test is saved; the test is not repeated for the same key', async () => {
    fakeApi.answer('keys', 'test', async () => ({ ok: true, error: null }));
    fakeApi.answer('keys', 'save', async () => saved);
    await state().testKey('sk-1');
    expect(fakeApi.called('keys.test')[0]![0]).toMatchObject({ key: 'sk-1', model: state().draft.model });
    expect(await state().saveKey('sk-1', false)).toBe(true);
    expect(fakeApi.called('keys.test')).toHaveLength(1);
    expect(state().keyStatus).toEqual(saved);
    expect(state().keyBusy).toBeNull();
  });

  it('a key that fails waits for the user to confirm, and is saved only then', async () => {
    const error = { code: 'invalid_key' as const, message: 'bad', status: 401 };
    fakeApi.answer('keys', 'test', async () => ({ ok: false, error }));
    fakeApi.answer('keys', 'save', async () => saved);
    expect(await state().saveKey('sk-bad', true)).toBe(false);
    expect(state().unverified).toEqual({ ok: false, error });
    expect(fakeApi.called('keys.save')).toEqual([]);
    expect(await state().saveKey('sk-bad', true, true)).toBe(true);
    expect(fakeApi.called('keys.save')).toEqual([[{ key: 'sk-bad', sessionOnly: true }]]);
    expect(state().unverified).toBeNull();
  });

  it('a test that could not run reads as a failed check with the error’s status kept', async () => {
    fakeApi.fail('keys', 'test', { code: 'rate_limited', message: 'wait', status: 429, retryAfter: 3 });
    const check = await state().testKey('sk');
    expect(check).toEqual({ ok: false, error: { code: 'rate_limited', message: 'wait', status: 429, retryAfter: 3 } });
  });

  it('a keychain that fails on save is the key’s error', async () => {
    fakeApi.fail('keys', 'save', { code: 'keychain_unavailable', message: 'no Secret Service' });
    expect(await state().saveKey('sk', false, true)).toBe(false);
    expect(state().keyError?.code).toBe('keychain_unavailable');
    state().clearKeyCheck();
    expect(state().keyError).toBeNull();
  });

  it('removing the key leaves the open chat for the welcome', async () => {
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c1'), []));
    await state().openConversation('c1');
    fakeApi.answer('keys', 'remove', async () => none);
    await state().removeKey();
    expect(state().keyStatus).toEqual(none);
    expect(state().activeId).toBeNull();
    fakeApi.fail('keys', 'remove', { code: 'keychain_unavailable', message: 'locked' });
    await state().removeKey();
    expect(state().keyError?.code).toBe('keychain_unavailable');
  });
});
