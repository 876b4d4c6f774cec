import i18next, { type TFunction } from 'i18next';
import type { StarterWords } from '../shared/assistants';
import type { Language } from '../shared/languages';
import type { Resources } from '../shared/locales';
import enCommon from '../shared/locales/en/common.json' with { type: 'json' };
import enMain from '../shared/locales/en/main.json' with { type: 'json' };
import enShortcuts from '../shared/locales/en/shortcuts.json' with { type: 'json' };
import enStarters from '../shared/locales/en/starters.json' with { type: 'json' };
import zhCNCommon from '../shared/locales/zh-CN/common.json' with { type: 'json' };
import zhCNMain from '../shared/locales/zh-CN/main.json' with { type: 'json' };
import zhCNShortcuts from '../shared/locales/zh-CN/shortcuts.json' with { type: 'json' };
import zhCNStarters from '../shared/locales/zh-CN/starters.json' with { type: 'json' };
import esCommon from '../shared/locales/es/common.json' with { type: 'json' };
import esMain from '../shared/locales/es/main.json' with { type: 'json' };
import esShortcuts from '../shared/locales/es/shortcuts.json' with { type: 'json' };
import esStarters from '../shared/locales/es/starters.json' with { type: 'json' };
import hiCommon from '../shared/locales/hi/common.json' with { type: 'json' };
import hiMain from '../shared/locales/hi/main.json' with { type: 'json' };
import hiShortcuts from '../shared/locales/hi/shortcuts.json' with { type: 'json' };
import hiStarters from '../shared/locales/hi/starters.json' with { type: 'json' };
import jaCommon from '../shared/locales/ja/common.json' with { type: 'json' };
import jaMain from '../shared/locales/ja/main.json' with { type: 'json' };
import jaShortcuts from '../shared/locales/ja/shortcuts.json' with { type: 'json' };
import jaStarters from '../shared/locales/ja/starters.json' with { type: 'json' };
import arCommon from '../shared/locales/ar/common.json' with { type: 'json' };
import arMain from '../shared/locales/ar/main.json' with { type: 'json' };
import arShortcuts from '../shared/locales/ar/shortcuts.json' with { type: 'json' };
import arStarters from '../shared/locales/ar/starters.json' with { type: 'json' };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

/** The namespaces main speaks: its menus and native dialogs, the shortcuts' names, the starters, and common words. */
const MAIN_NAMESPACES = ['main', 'common', 'shortcuts', 'starters'] as const;

/** Checked against English key by key in src/shared/locales/locales.test.ts, not by type: plural forms differ. */
type MainWords = Record<(typeof MAIN_NAMESPACES)[number], object>;

/** Every language is in main's bundle: main shows a menu before any window, and changes language without a load. */
const BUNDLES: Record<Language, MainWords> = {
  en: { common: enCommon, main: enMain, shortcuts: enShortcuts, starters: enStarters },
  'zh-CN': { common: zhCNCommon, main: zhCNMain, shortcuts: zhCNShortcuts, starters: zhCNStarters },
  es: { common: esCommon, main: esMain, shortcuts: esShortcuts, starters: esStarters },
  hi: { common: hiCommon, main: hiMain, shortcuts: hiShortcuts, starters: hiStarters },
  ja: { common: jaCommon, main: jaMain, shortcuts: jaShortcuts, starters: jaStarters },
  ar: { common: arCommon, main: arMain, shortcuts: arShortcuts, starters: arStarters },
};

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  ns: [...MAIN_NAMESPACES],
  defaultNS: 'common',
  resources: BUNDLES,
  initAsync: false,
  // Native dialogs and menus show text as it is; the one HTML page main makes escapes its words itself.
  interpolation: { escapeValue: false },
});

/** main's words in a language; called when the words are shown, with the language the settings decide then. */
export type Words = TFunction<typeof MAIN_NAMESPACES>;

export function wordsIn(language: Language): Words {
  return i18n.getFixedT(language, MAIN_NAMESPACES);
}

/** The starters' names, descriptions and system prompts in a language. */
export function starterWords(language: Language): StarterWords {
  return BUNDLES[language].starters as StarterWords;
}
