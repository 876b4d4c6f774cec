import { describe, expect, it } from 'vitest';
import { formatContext, matchesQuery, pickerGroups, SHOWN_MATCHES } from './model-options';

const models = [
  { id: 'Qwen/Qwen2.5-VL-72B-Instruct-together', vision: true, contextLength: 32768 },
  { id: 'meta-llama-3-8B-instruct', vision: false, contextLength: null },
  { id: 'meta-llama/Llama-3.1-70B-Instruct', vision: false, contextLength: 131072 },
];

describe('pickerGroups', () => {
  it('lists favourites, then recent ones that are not favourites, then every listed model', () => {
    const { groups } = pickerGroups(
      { models, favorites: ['meta-llama-3-8B-instruct'], recents: ['meta-llama-3-8B-instruct', 'my/own-model'] },
      '',
    );
    expect(groups.map((g) => [g.key, g.options.map((o) => o.id)])).toEqual([
      ['favorites', ['meta-llama-3-8B-instruct']],
      ['recent', ['my/own-model']],
      ['all', models.map((m) => m.id)],
    ]);
    expect(groups[0]!.options[0]).toMatchObject({ favorite: true, vision: false });
  });

  it('finds a model by words in any order, ignoring case, in every group', () => {
    const { groups } = pickerGroups({ models, favorites: [], recents: ['llama-70-local'] }, '70 LLAMA');
    expect(groups.flatMap((g) => g.options.map((o) => o.id))).toEqual([
      'llama-70-local',
      'meta-llama/Llama-3.1-70B-Instruct',
    ]);
    expect(pickerGroups({ models, favorites: [], recents: [] }, 'nothing-like-it').groups).toEqual([]);
  });

  it('shows a bounded number of matches and says how many more there are', () => {
    const many = Array.from({ length: SHOWN_MATCHES + 7 }, (_, i) => ({
      id: `m-${i}`,
      vision: false,
      contextLength: null,
    }));
    const { groups, hidden } = pickerGroups({ models: many, favorites: [], recents: [] }, 'm-');
    expect(groups[0]!.options).toHaveLength(SHOWN_MATCHES);
    expect(hidden).toBe(7);
  });

  it('marks a free-text favourite as vision from its name', () => {
    const { groups } = pickerGroups({ models: [], favorites: ['someone/llava-13b'], recents: [] }, '');
    expect(groups[0]!.options[0]).toMatchObject({ vision: true, contextLength: null });
  });
});

it('names context lengths the way model cards do', () => {
  expect([4096, 8192, 32768, 131072, 128000, 1048576, 2_000_000, 512].map(formatContext)).toEqual([
    '4k',
    '8k',
    '32k',
    '128k',
    '128k',
    '1M',
    '2M',
    '512',
  ]);
});

it('matches a query word by word', () => {
  expect(matchesQuery('meta-llama/Llama-3.1-70B-Instruct', 'instruct 3.1')).toBe(true);
  expect(matchesQuery('meta-llama-3-8B-instruct', 'qwen')).toBe(false);
});
