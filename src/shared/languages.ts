/** The languages the app speaks; English is the source every other language is checked against. */
export const LANGUAGES = ['en', 'zh-CN', 'es', 'hi', 'ja', 'ar'] as const;

export type Language = (typeof LANGUAGES)[number];

/** 'system' follows the operating system's language, and English when the app does not speak it. */
export const LANGUAGE_SETTINGS = ['system', ...LANGUAGES] as const;

export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/** Each language in its own words, as the language menu shows it whatever language the app is in. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  es: 'Español',
  hi: 'हिन्दी',
  ja: '日本語',
  ar: 'العربية',
};

export function isRightToLeft(language: Language): boolean {
  return language === 'ar';
}

/** The first of the system's locales (BCP 47, e.g. "es-MX", "zh-Hans-CN") that the app speaks, else English. */
export function languageFor(locales: readonly string[]): Language {
  for (const locale of locales) {
    const primary = locale.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    const match = LANGUAGES.find((language) => language === primary);
    if (match) return match;
  }
  return 'en';
}

export function chosenLanguage(setting: LanguageSetting, systemLocales: readonly string[]): Language {
  return setting === 'system' ? languageFor(systemLocales) : setting;
}
