import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import Conf from 'conf';
import { confSettings } from './conf-settings';
import { memorySettings, openSettings } from './settings-store';

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

  it('start in English exactly as they always have', async () => {
    const { readSettings } = await import('./settings-store');
    const reviewer = readSettings({}).assistants.find((a) => a.name === 'Code reviewer');
    expect(reviewer).toEqual({
      name: 'Code reviewer',
      description: 'Finds bugs, risks and simpler ways in the code you paste.',
      model: DEFAULT_SETTINGS.defaultModel,
      systemPrompt:
        'You review code. List real bugs first, then security and performance risks, then simplifications. ' +
        'Quote the lines you mean and show the corrected code. Do not praise; be specific.',
      params: { temperature: 0.2 },
    });
    expect(readSettings({}).assistants.map((a) => a.name)).toEqual([
      'General help',
      'Code reviewer',
      'Writing editor',
      'Translator',
      'Summarizer',
      'Patient tutor',
      'Brainstorm partner',
      'Image describer',
    ]);
  });

  describe('on a new install, in the language main speaks at first start', () => {
    const open = (locales: string[]) =>
      openSettings(
        join(dir, 'config.json'),
        () => new Conf({ cwd: dir, configName: 'config' }),
        () => locales,
      );

    it('are written at once, and stay in that language whatever is chosen later', () => {
      dir = mkdtempSync(join(tmpdir(), 'settings-'));
      const first = open(['ja-JP']);
      const names = first.get().values.assistants.map((a) => a.name);
      expect(names).toHaveLength(8);
      expect(names[0]).toBe('なんでも相談');
      expect(names.every((n) => /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(n))).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).assistants).toHaveLength(8);
      first.update({ language: 'ar' });
      expect(first.get().language).toBe('ar');
      expect(first.get().values.assistants.map((a) => a.name)).toEqual(names);
      expect(
        open(['es-MX'])
          .get()
          .values.assistants.map((a) => a.name),
      ).toEqual(names);
    });

    it('follow the language setting when it is already chosen, as the system locale otherwise', () => {
      dir = mkdtempSync(join(tmpdir(), 'settings-'));
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ language: 'ar' }));
      expect(open(['en-US']).get().values.assistants[0]!.name).toBe('مساعدة عامة');
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'settings-'));
      expect(open(['es-ES']).get().values.assistants[3]).toMatchObject({
        name: 'Traductor',
        params: { temperature: 0.2 },
      });
    });

    it('never change an existing user’s assistants', () => {
      dir = mkdtempSync(join(tmpdir(), 'settings-'));
      const mine = [{ ...pirate, description: 'Talks like a pirate.' }];
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ assistants: mine }));
      expect(open(['ja-JP']).get().values.assistants).toEqual(mine);
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'settings-'));
      const english = confSettings(dir).get().values.assistants;
      expect(open(['zh-CN']).get().values.assistants).toEqual(english);
    });
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
