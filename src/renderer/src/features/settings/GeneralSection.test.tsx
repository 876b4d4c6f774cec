import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/languages';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/settings';
import { applyLanguage } from '../../i18n';
import { useStore } from '../../store';
import { fakeApi } from '../../testing/fake-api';
import { act, render } from '../../testing/render';
import { GeneralSection } from './GeneralSection';

const state = () => useStore.getState();

/** Main's side: it keeps the setting and says which language it means ('system': the system's). */
function settingsServer(system: Language) {
  let values: Settings = { ...DEFAULT_SETTINGS };
  const view = () => ({
    values,
    language: values.language === 'system' ? system : values.language,
    notice: null,
  });
  fakeApi.answer('settings', 'get', async () => view());
  fakeApi.answer('settings', 'update', async (patch) => {
    values = { ...values, ...patch } as Settings;
    return view();
  });
}

function choose(select: HTMLSelectElement, value: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** The language menu: the select that offers Arabic. */
const languageMenu = (view: HTMLElement) =>
  [...view.querySelectorAll('select')].find((select) => select.querySelector('option[value="ar"]'))!;

const flush = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));

// Inside act: a component may still be mounted when the words switch back.
afterEach(() => act(() => applyLanguage('en')));

describe('the language menu', () => {
  it('names each language in its own words, and says which one the system gave', async () => {
    settingsServer('ja');
    await state().loadSettings();
    const view = render(<GeneralSection />);
    const menu = languageMenu(view);
    expect(menu.labels[0]?.textContent).toContain('Language');
    const options = [...menu.options].map((o) => [o.value, o.textContent, o.lang]);
    expect(options).toEqual([
      ['system', 'System (日本語)', ''],
      ['en', 'English', 'en'],
      ['zh-CN', '简体中文', 'zh-CN'],
      ['es', 'Español', 'es'],
      ['hi', 'हिन्दी', 'hi'],
      ['ja', '日本語', 'ja'],
      ['ar', 'العربية', 'ar'],
    ]);
    expect(menu.value).toBe('system');
  });

  it('choosing Español saves it through main, takes main’s answer, and the words switch', async () => {
    settingsServer('en');
    await state().loadSettings();
    const view = render(<GeneralSection />);
    const menu = languageMenu(view);
    choose(menu, 'es');
    await flush();
    expect(fakeApi.called('settings.update')).toEqual([[{ language: 'es' }]]);
    expect(state().settings?.language).toBe('es');
    expect(state().language).toBe('es');
    // App.tsx applies the store's language; here the test does.
    await act(() => applyLanguage(state().language));
    expect(menu.labels[0]?.textContent).toContain('Idioma');
    expect(menu.options[0]?.textContent).toBe('Sistema');
    expect(document.documentElement.lang).toBe('es');
  });

  it('a language main refuses to save leaves the window in the language it was in', async () => {
    settingsServer('en');
    await state().loadSettings();
    fakeApi.fail('settings', 'update', { code: 'internal', message: 'disk full' });
    const view = render(<GeneralSection />);
    choose(languageMenu(view), 'ar');
    await flush();
    expect(state().language).toBe('en');
    expect(state().settingsError?.code).toBe('internal');
  });
});
