import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LANGUAGES } from '../src/shared/languages';
import type { LocaleSet, Words } from '../src/shared/locales/check';

/** Every language's files as they are on disk (tests and scripts only: the app loads them through its bundles). */
export function loadLocales(dir = resolve('src/shared/locales')): LocaleSet {
  const set = {} as LocaleSet;
  for (const language of LANGUAGES) {
    const folder = join(dir, language);
    set[language] = Object.fromEntries(
      readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(folder, f), 'utf8')) as Words]),
    );
  }
  return set;
}
