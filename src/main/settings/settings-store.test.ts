import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { confSettings } from './conf-settings';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('saves settings to a file and reads them back', () => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
  const first = confSettings(dir);
  expect(first.get()).toEqual({ values: DEFAULT_SETTINGS, notice: null });
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
  expect(store.get().notice).toMatch(/could not be read/);
  const kept = readdirSync(dir).find((f) => f.startsWith('config.json.unreadable'))!;
  expect(readFileSync(join(dir, kept), 'utf8')).toBe('{"theme": "dark",');
  store.update({ theme: 'light' });
  expect(existsSync(join(dir, 'config.json'))).toBe(true);
});

it('replaces one invalid value with its default and keeps the rest', () => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ theme: 'purple', defaultModel: 'ok-model' }));
  expect(confSettings(dir).get().values).toMatchObject({ theme: 'system', defaultModel: 'ok-model' });
});

describe('presets', () => {
  it('keeps the readable ones and drops one that no longer reads', async () => {
    const { readSettings } = await import('./settings-store');
    const good = {
      name: 'Terse',
      model: 'meta-llama-3-8B-instruct',
      systemPrompt: 'Be brief.',
      params: { temperature: 0.2 },
    };
    const settings = readSettings({ presets: [good, { name: 'Broken', model: 'has spaces', params: {} }] });
    expect(settings.presets).toEqual([good]);
    expect(readSettings({ presets: 'nonsense' }).presets).toEqual([]);
  });
});

it('keeps a stored base URL only when it passes the same rule as the UI’s', async () => {
  const { readSettings } = await import('./settings-store');
  expect(readSettings({ baseUrl: 'https://gateway.example.com/v1/' }).baseUrl).toBe('https://gateway.example.com/v1');
  for (const bad of ['file:///etc/passwd', 'https://user:pw@evil.example', 'https://a.example/v1?k=1', 'nonsense', 7]) {
    expect(readSettings({ baseUrl: bad }).baseUrl, String(bad)).toBeNull();
  }
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
