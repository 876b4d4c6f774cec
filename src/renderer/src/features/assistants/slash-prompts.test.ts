import { expect, it } from 'vitest';
import { matchingPrompts, slashQuery } from './slash-prompts';

it('reads a search only from a "/" that starts the message and is all of it', () => {
  expect(slashQuery('/')).toBe('');
  expect(slashQuery('/code rev')).toBe('code rev');
  expect(slashQuery('say /code')).toBeNull();
  expect(slashQuery('/code\nmore')).toBeNull();
  // A path is a message, not a search.
  expect(slashQuery('/usr/bin')).toBeNull();
});

it('finds prompts by words of their name or description, leaving out empty ones', () => {
  const prompts = [
    { name: 'Code reviewer', description: 'Finds bugs', text: 'Review.' },
    { name: 'Translator', description: 'Into English', text: 'Translate.' },
    { name: 'Blank', description: 'bugs too', text: '  ' },
  ];
  expect(matchingPrompts(prompts, 'bugs').map((p) => p.name)).toEqual(['Code reviewer']);
  expect(matchingPrompts(prompts, 'english TRANS').map((p) => p.name)).toEqual(['Translator']);
  expect(matchingPrompts(prompts, '')).toHaveLength(2);
});
