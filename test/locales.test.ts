import { describe, expect, it } from 'vitest';
import { loadLocales } from './locales';
import { localeProblems, type LocaleSet } from '../src/shared/locales/check';

const locales = loadLocales();

it('every language has every English key, in its own plural forms, with the same variables, translated', () => {
  expect(localeProblems(locales)).toEqual([]);
});

describe('the check catches a planted fault', () => {
  const planted = (plant: (set: LocaleSet) => void): string[] => {
    const copy = structuredClone(locales);
    copy.en.probe = {
      greeting: 'Hello {{name}}, you have new mail',
      items_one: '{{count}} item',
      items_other: '{{count}} items',
    };
    copy.es.probe = {
      greeting: 'Hola {{name}}, tienes correo',
      items_one: '{{count}} elemento',
      items_many: '{{count}} de elementos',
      items_other: '{{count}} elementos',
    };
    copy.ja.probe = { greeting: '{{name}} さん、新着メールがあります', items_other: '{{count}} 件' };
    copy.ar.probe = {
      greeting: 'مرحبًا {{name}}، لديك بريد جديد',
      ...Object.fromEntries(
        ['zero', 'one', 'two', 'few', 'many', 'other'].map((f) => [`items_${f}`, '{{count}} عنصر']),
      ),
    };
    copy['zh-CN'].probe = { greeting: '{{name}}，你有新邮件', items_other: '{{count}} 项' };
    copy.hi.probe = { greeting: '{{name}}, आपके लिए नई मेल है', items_one: '{{count}} चीज़', items_other: '{{count}} चीज़ें' };
    expect(localeProblems(copy)).toEqual([]);
    plant(copy);
    return localeProblems(copy);
  };

  it('a missing key', () => {
    expect(planted((s) => delete s.ja.probe!.greeting)).toEqual(['ja probe:greeting: missing']);
  });
  it('a key English does not have', () => {
    expect(planted((s) => (s.hi.probe!.farewell = 'अलविदा'))).toEqual(['hi probe:farewell: not in English']);
  });
  it('a plural form the language needs', () => {
    expect(planted((s) => delete s.ar.probe!.items_two)).toEqual(['ar probe:items_two: missing']);
  });
  it('a variable left out or renamed', () => {
    expect(planted((s) => (s.es.probe!.greeting = 'Hola {{nombre}}, tienes correo'))).toEqual([
      'es probe:greeting: {{name}} missing',
      "es probe:greeting: {{nombre}} is not English's",
    ]);
  });
  it('English left in place of a translation', () => {
    expect(planted((s) => (s['zh-CN'].probe!.greeting = 'Hello {{name}}, you have new mail'))).toEqual([
      'zh-CN probe:greeting: not translated ("Hello {{name}}, you have new mail")',
    ]);
    expect(planted((s) => (s.es.probe!.greeting = 'Hello {{name}}, you have new mail'))).toEqual([
      'es probe:greeting: same as English ("Hello {{name}}, you have new mail")',
    ]);
  });
  it('an empty translation', () => {
    expect(planted((s) => (s.ja.probe!.items_other = ' '))).toEqual(['ja probe:items_other: empty']);
  });
  it('markup English does not have', () => {
    expect(planted((s) => (s.es.probe!.greeting = '<strong>Hola</strong> {{name}}, tienes correo'))).toEqual([
      'es probe:greeting: tags differ from English',
    ]);
  });
});
