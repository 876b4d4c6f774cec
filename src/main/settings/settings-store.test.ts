import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { confSettings } from './conf-settings';
import { memorySettings } from './settings-store';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('saves settings to a file and reads them back', () => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
  const first = confSettings(dir);
  expect(first.get()).toEqual({ values: DEFAULT_SETTINGS, language: 'en', notice: null });
  first.update({ theme: 'dark', defaultModel: 'meta-llama-3-8B-instruct' });
  expect(confSettings(dir).get().values).toMatchObject({
    theme: 'dark',
    defaultModel: 'meta-llama-3-8B-instruct',
  });
});

it('reads a file an older version wrote, dropping the window bounds it kept there (window-state.json has them)', () => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ theme: 'dark', windowBounds: { width: 900, height: 700 } }));
  expect(confSettings(dir).get().values).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
});

it('moves a corrupt settings file aside, uses the defaults and says so', () => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
  writeFileSync(join(dir, 'config.json'), '{"theme": "dark",');
  const store = confSettings(dir);
  expect(store.get().values).toEqual(DEFAULT_SETTINGS);
  const kept = readdirSync(dir).find((f) => f.startsWith('config.json.unreadable'))!;
  expect(store.get().notice).toEqual({ kept: join(dir, kept) });
  expect(readFileSync(join(dir, kept), 'utf8')).toBe('{"theme": "dark",');
  store.update({ theme: 'light' });
  expect(existsSync(join(dir, 'config.json'))).toBe(true);
});

it('replaces one invalid value with its default and keeps the rest', () => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ theme: 'purple', defaultModel: 'ok-model' }));
  expect(confSettings(dir).get().values).toMatchObject({ theme: 'system', defaultModel: 'ok-model' });
});

describe('assistants', () => {
  const pirate = {
    name: 'Pirate',
    model: 'meta-llama-3-8B-instruct',
    systemPrompt: 'Arr.',
    params: { temperature: 1 },
  };

  it('start as the starters on a new install, and a deleted starter stays deleted', async () => {
    const { readSettings } = await import('./settings-store');
    const { STARTER_ASSISTANTS } = await import('../../shared/assistants');
    expect(readSettings({}).assistants).toEqual(STARTER_ASSISTANTS);
    expect(STARTER_ASSISTANTS.length).toBeGreaterThanOrEqual(8);
    expect(readSettings({ assistants: [] }).assistants).toEqual([]);
  });

  it('are made from an older file’s presets, which come first, followed by the starters', async () => {
    dir = mkdtempSync(join(tmpdir(), 'settings-'));
    const context = { contextLength: 4096, sendLast: null };
    const clash = { name: 'Translator', model: 'm-2', systemPrompt: 'Mine.', params: {} };
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ presets: [{ ...pirate, context }, clash] }));
    const store = confSettings(dir);
    const assistants = store.get().values.assistants;
    expect(assistants.slice(0, 2)).toEqual([
      { ...pirate, description: '' },
      { ...clash, description: '' },
    ]);
    expect(assistants.filter((a) => a.name === 'Translator')).toHaveLength(1);
    expect(assistants.length).toBeGreaterThan(8);
    // Once saved, the assistants are read as they are: the presets are not made into assistants again.
    store.update({ assistants: [assistants[0]!] });
    expect(confSettings(dir).get().values.assistants).toEqual([{ ...pirate, description: '' }]);
  });

  it('keeps the readable ones and the first of a name, dropping the rest', async () => {
    const { readSettings } = await import('./settings-store');
    const good = { ...pirate, description: 'Talks like a pirate.' };
    const settings = readSettings({
      assistants: [
        good,
        { ...good, systemPrompt: 'Second of the name' },
        { ...good, name: 'Broken', model: 'has spaces' },
      ],
    });
    expect(settings.assistants).toEqual([good]);
    expect(readSettings({ assistants: 'nonsense' }).assistants).toEqual([]);
  });
});

describe('the picker’s lists', () => {
  it('drops a list with repeats, bad ids or too many entries, keeping the other settings', async () => {
    const { readSettings } = await import('./settings-store');
    const ok = readSettings({ recentModels: ['a-model', 'b-model'], favoriteModels: ['b-model'], theme: 'dark' });
    expect(ok).toMatchObject({ recentModels: ['a-model', 'b-model'], favoriteModels: ['b-model'], theme: 'dark' });
    const bad = readSettings({
      recentModels: Array.from({ length: 9 }, (_, i) => `m${i}`),
      favoriteModels: ['x', 'x'],
      sidebarCollapsed: 'yes',
      theme: 'dark',
    });
    expect(bad).toMatchObject({ recentModels: [], favoriteModels: [], sidebarCollapsed: false, theme: 'dark' });
    expect(readSettings({ favoriteModels: ['has spaces'] }).favoriteModels).toEqual([]);
  });
});

it('the language follows the system until one is chosen; a bad stored value falls back to the system', () => {
  let system = ['ja-JP'];
  const store = memorySettings(() => system);
  expect(store.get()).toMatchObject({ values: { language: 'system' }, language: 'ja' });
  system = ['fr-FR'];
  expect(store.get().language).toBe('en');
  expect(store.update({ language: 'ar' }).language).toBe('ar');
  expect(store.update({ language: 'klingon' as never })).toMatchObject({
    values: { language: 'system' },
    language: 'en',
  });
});
