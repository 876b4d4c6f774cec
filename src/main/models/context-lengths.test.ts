import { expect, it } from 'vitest';
import { knownContextLength, readContextLength } from './context-lengths';

it('reads the context length however the server names it, and only a sane one', () => {
  expect(readContextLength({ id: 'a', context_length: 32768 })).toBe(32768);
  expect(readContextLength({ id: 'a', context_window: '8192' })).toBe(8192);
  expect(readContextLength({ id: 'a', max_model_len: 131072 })).toBe(131072);
  expect(readContextLength({ id: 'a', top_provider: { context_length: 16384 } })).toBe(16384);
  for (const bad of [-1, 0, 12.5, 1e12, 'lots', null, {}])
    expect(readContextLength({ context_length: bad })).toBeNull();
  expect(readContextLength('model-id')).toBeNull();
});

it('knows the families ModelsLab serves, by any spelling of their ids', () => {
  expect(knownContextLength('meta-llama-3-8B-instruct')).toBe(8192);
  expect(knownContextLength('meta-llama/Llama-3.1-70B-Instruct')).toBe(131072);
  expect(knownContextLength('meta-llama/Llama-3.3-70B-Instruct-Turbo')).toBe(131072);
  expect(knownContextLength('Qwen/Qwen2.5-VL-72B-Instruct-together')).toBe(32768);
  expect(knownContextLength('mistralai/Mixtral-8x7B-Instruct-v0.1')).toBe(32768);
  expect(knownContextLength('some-new-model')).toBeNull();
});
