import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import { fakeApi } from '../testing/fake-api';
import { useStore } from './index';

const state = () => useStore.getState();
const view = (patch: Partial<Settings> = {}) => ({
  values: { ...DEFAULT_SETTINGS, ...patch },
  language: 'en' as const,
  notice: null,
});

function settingsServer(start: Partial<Settings> = {}) {
  let values: Settings = { ...DEFAULT_SETTINGS, ...start };
  fakeApi.answer('settings', 'get', async () => ({ values, language: 'en' as const, notice: null }));
  fakeApi.answer('settings', 'update', async (patch) => {
    values = { ...values, ...patch } as Settings;
    return { values, language: 'en' as const, notice: null };
  });
}

describe('settings', () => {
  it('a new chat starts from the saved default model and parameters', async () => {
    settingsServer({ defaultModel: 'm-def', defaultParams: { temperature: 0.2 } });
    await state().loadSettings();
    expect(state().draft).toMatchObject({ model: 'm-def', params: { temperature: 0.2 } });
  });

  it('a setting that cannot be saved is the settings’ error; the choice showed at once', async () => {
    settingsServer();
    await state().loadSettings();
    fakeApi.fail('settings', 'update', { code: 'internal', message: 'disk full' });
    expect(await state().setAutoUpdate(false)).toBe(false);
    expect(state().settingsError?.code).toBe('internal');
    expect(state().sendError).toBeNull();
    await state().setTheme('dark');
    expect(state().settings?.theme).toBe('dark');
  });

  it('a new address brings the key’s state for it, forgets the old test and the model list', async () => {
    const key = { configured: false, source: null, hint: null, keychainProblem: null, origin: 'https://old.example' };
    fakeApi.answer('settings', 'changeBaseUrl', async () => ({ outcome: 'changed', settings: view(), key }));
    fakeApi.answer('app', 'info', async () => ({}) as never);
    fakeApi.answer('keys', 'test', async () => ({ ok: true, error: null }));
    fakeApi.answer('models', 'list', async () => ({ models: [], fetchedAt: 1, error: null }) as never);
    await state().testKey('k');
    await state().loadModels();
    expect(state().modelList).not.toBeNull();
    expect(await state().changeBaseUrl('https://new.example')).toBe('changed');
    expect(state().keyStatus).toEqual(key);
    expect(state().keyCheck).toBeNull();
    expect(state().modelList).toBeNull();
    fakeApi.fail('settings', 'changeBaseUrl', { code: 'bad_input', message: 'not https', status: 400 });
    expect(await state().changeBaseUrl('ftp://x')).toEqual({ code: 'bad_input', message: 'not https', status: 400 });
  });
});
