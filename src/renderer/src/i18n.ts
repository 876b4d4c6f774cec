import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isRightToLeft, type Language } from '../../shared/languages';
import { en, NAMESPACES, type Resources } from '../../shared/locales';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

/** Every language but English is fetched when first chosen, so the start-up bundle carries one language. */
const bundles = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../shared/locales/*/*.json',
  '!../../shared/locales/en/*.json',
]);

export const i18n = i18next.createInstance();

// English is in the bundle and set up before anything renders, so no component ever waits for its words.
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  ns: [...NAMESPACES],
  defaultNS: 'common',
  resources: { en },
  initAsync: false,
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
});

async function loadBundles(language: Language): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, 'common')) return;
  await Promise.all(
    NAMESPACES.map(async (ns) => {
      const load = bundles[`../../shared/locales/${language}/${ns}.json`];
      if (!load) throw new Error(`no ${ns} words for ${language}`);
      i18n.addResourceBundle(language, ns, (await load()).default, true, true);
    }),
  );
}

/** Loads a language's words, switches every component to them, and sets the page's language and direction. */
export async function applyLanguage(language: Language): Promise<void> {
  await loadBundles(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
}
