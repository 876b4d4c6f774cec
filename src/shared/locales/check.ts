import { LANGUAGES, type Language } from '../languages';

/** A namespace's words: strings, possibly nested. */
export interface Words {
  [key: string]: string | Words;
}

export type LocaleSet = Record<Language, Record<string, Words>>;

const PLURAL = /_(zero|one|two|few|many|other)$/;
const VARIABLE = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;
const TAG = /<(\/?)(\w+)\s*\/?>/g;

/** Which letters a translation must contain; Spanish shares English's letters. */
const SCRIPTS: Partial<Record<Language, RegExp>> = {
  'zh-CN': /\p{Script=Han}/u,
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  hi: /\p{Script=Devanagari}/u,
  ar: /\p{Script=Arabic}/u,
};

/** Names, key names and formats that stay as they are in every language. */
const KEPT_WORDS =
  /\b(ModelsLab|Chat|API|URL|HTTPS?|JSON|Markdown|PDF|DOCX|Word|OCR|CSV|MODELSLAB_API_KEY|MODELSLAB_BASE_URL|Enter|Shift|Esc|Ctrl|Cmd|Alt|Tab|KaTeX|ChatGPT|OpenAI|GitHub|SQLite|UTF-8|cl100k|max_tokens|top_p|Top P|[a-z]+_[a-z_]+)\b/g;

function flatten(words: Words, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(words)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flatten(value, path)) flat.set(k, v);
  }
  return flat;
}

const names = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map((m) => m.slice(1).join('')));

/** The plural forms a language needs for a key English counts: exactly those of its plural rules. */
export function pluralForms(language: Language): string[] {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories;
}

/** Every way a language's words fall short of English's: missing, extra, empty, mismatched or untranslated. */
export function localeProblems(locales: LocaleSet): string[] {
  const problems: string[] = [];
  const english = locales.en;
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    for (const ns of Object.keys(english)) {
      const source = flatten(english[ns]!);
      const target = flatten(locales[language][ns] ?? {});
      const where = (key: string) => `${language} ${ns}:${key}`;
      const wanted = new Map<string, string>();
      for (const [key, text] of source) {
        if (!PLURAL.test(key)) wanted.set(key, text);
        else if (key.endsWith('_other'))
          for (const form of pluralForms(language)) wanted.set(key.replace(PLURAL, `_${form}`), text);
      }
      for (const key of target.keys()) if (!wanted.has(key)) problems.push(`${where(key)}: not in English`);
      for (const [key, text] of wanted) {
        const said = target.get(key);
        if (said === undefined) {
          problems.push(`${where(key)}: missing`);
          continue;
        }
        if (!said.trim()) problems.push(`${where(key)}: empty`);
        const needed = names(text, VARIABLE);
        const used = names(said, VARIABLE);
        // A plural form may say its number in words ("one token"), so only the count may go unsaid.
        for (const v of needed) if (v !== 'count' && !used.has(v)) problems.push(`${where(key)}: {{${v}}} missing`);
        for (const v of used) if (!needed.has(v)) problems.push(`${where(key)}: {{${v}}} is not English's`);
        const tags = [...names(text, TAG)].sort().join();
        if ([...names(said, TAG)].sort().join() !== tags) problems.push(`${where(key)}: tags differ from English`);
        const script = SCRIPTS[language];
        const letters = said.replace(VARIABLE, '').replace(TAG, '').replace(KEPT_WORDS, '');
        if (script && /[a-z]{2}/i.test(letters) && !script.test(said))
          problems.push(`${where(key)}: not translated ("${said}")`);
        if (!script && said === text && (text.replace(VARIABLE, '').match(/\p{L}{2,}/gu) ?? []).length >= 3)
          problems.push(`${where(key)}: same as English ("${said}")`);
      }
    }
  }
  return problems;
}
