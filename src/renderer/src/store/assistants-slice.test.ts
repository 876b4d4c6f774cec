import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import { fakeApi } from '../testing/fake-api';
import { useStore } from './index';

const state = () => useStore.getState();
const pirate = { name: 'Pirate', description: '', model: 'm-p', systemPrompt: 'Arr', params: { top_p: 0.1 } };

function settingsServer(start: Partial<Settings> = {}) {
  let values: Settings = { ...DEFAULT_SETTINGS, ...start };
  fakeApi.answer('settings', 'get', async () => ({ values, language: 'en' as const, notice: null }));
  fakeApi.answer('settings', 'update', async (patch) => {
    values = { ...values, ...patch } as Settings;
    return { values, language: 'en' as const, notice: null };
  });
  return () => values;
}

describe('assistants', () => {
  it('saves the composer’s model, prompt and parameters under a name, replacing one of that name', async () => {
    const saved = settingsServer({ assistants: [] });
    await state().loadAssistants();
    state().setDraft({ model: 'm-1', systemPrompt: 'Terse' });
    expect(await state().saveDraftAsAssistant('  Work ')).toBe(true);
    state().setDraft({ model: 'm-2' });
    await state().saveDraftAsAssistant('Work');
    expect(saved().assistants).toEqual([
      { name: 'Work', description: '', model: 'm-2', systemPrompt: 'Terse', params: {} },
    ]);
    expect(state().assistants).toEqual(saved().assistants);
    await state().deleteAssistant('Work');
    expect(state().assistants).toEqual([]);
  });

  it('an edited assistant keeps its place, even when renamed', async () => {
    settingsServer({ assistants: [pirate, { ...pirate, name: 'Poet' }, { ...pirate, name: 'Judge' }] });
    await state().loadAssistants();
    await state().saveAssistant({ ...pirate, name: 'Bard' }, 'Poet');
    expect(state().assistants.map((a) => a.name)).toEqual(['Pirate', 'Bard', 'Judge']);
  });

  it('one that cannot be saved is the assistants’ error, and the list stays as main has it', async () => {
    settingsServer({ assistants: [pirate] });
    await state().loadAssistants();
    fakeApi.fail('settings', 'update', { code: 'bad_input', message: 'Two assistants have the same name' });
    expect(await state().saveAssistant({ ...pirate, name: 'Other' })).toBe(false);
    expect(state().assistantError?.code).toBe('bad_input');
    expect(state().assistants).toEqual([pirate]);
    expect(state().settingsError).toBeNull();
    expect(state().sendError).toBeNull();
    state().dismissAssistantError();
    expect(state().assistantError).toBeNull();
  });

  it('starting with one opens a new chat with its model, prompt and parameters', () => {
    state().startWithAssistant(pirate);
    expect(state().activeId).toBeNull();
    expect(state().draft).toMatchObject({ model: 'm-p', systemPrompt: 'Arr', params: { top_p: 0.1 } });
  });
});

describe('the picker’s lists and the sidebar', () => {
  it('stars and unstars a model, and reads the recent ones main keeps', async () => {
    const saved = settingsServer({ recentModels: ['m-r'] });
    await state().loadPickerLists();
    expect(state().recentModels).toEqual(['m-r']);
    await state().toggleFavoriteModel('m-a');
    await state().toggleFavoriteModel('m-b');
    await state().toggleFavoriteModel('m-a');
    expect(saved().favoriteModels).toEqual(['m-b']);
    expect(state().favoriteModels).toEqual(['m-b']);
  });

  it('folds the sidebar at once, and unfolds it again when main refuses', async () => {
    const saved = settingsServer();
    await state().toggleSidebar();
    expect(saved().sidebarCollapsed).toBe(true);
    fakeApi.fail('settings', 'update', { code: 'internal', message: 'disk full' });
    const pending = state().toggleSidebar();
    expect(state().sidebarCollapsed).toBe(false);
    await pending;
    expect(state().sidebarCollapsed).toBe(true);
    expect(state().pickerError?.code).toBe('internal');
  });

  it('the menu’s command folds the sidebar', async () => {
    const saved = settingsServer();
    state().runCommand('toggle-sidebar');
    await expect.poll(() => saved().sidebarCollapsed).toBe(true);
  });
});
