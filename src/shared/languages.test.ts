import { expect, it } from 'vitest';
import { chosenLanguage, languageFor } from './languages';

it('the system language is the first locale the app speaks, else English', () => {
  expect(languageFor(['es-MX', 'en-US'])).toBe('es');
  expect(languageFor(['fr-FR', 'ja-JP'])).toBe('ja');
  expect(languageFor(['zh-Hans-CN'])).toBe('zh-CN');
  expect(languageFor(['zh_TW'])).toBe('zh-CN');
  expect(languageFor(['hi-IN'])).toBe('hi');
  expect(languageFor(['ar-EG'])).toBe('ar');
  expect(languageFor(['fr-FR', 'de'])).toBe('en');
  expect(languageFor([])).toBe('en');
  // Not a prefix match: "arn" (Mapudungun) is not Arabic, "hil" not Hindi.
  expect(languageFor(['arn-CL', 'hil'])).toBe('en');
});

it('a chosen language wins over the system; "system" follows it', () => {
  expect(chosenLanguage('ar', ['ja-JP'])).toBe('ar');
  expect(chosenLanguage('system', ['ja-JP'])).toBe('ja');
});
