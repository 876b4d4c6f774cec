// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelPicker, type ModelPickerProps } from './ModelPicker';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const models = [
  { id: 'Qwen/Qwen2.5-VL-72B-Instruct-together', vision: true, contextLength: 32768 },
  { id: 'meta-llama-3-8B-instruct', vision: false, contextLength: null },
  { id: 'meta-llama/Llama-3.1-70B-Instruct', vision: false, contextLength: 131072 },
];

let container: HTMLElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  Element.prototype.scrollIntoView ??= () => {};
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(props: Partial<ModelPickerProps> & Pick<ModelPickerProps, 'onChange'>) {
  const all = { label: 'Model', models, favorites: [], recents: [], onToggleFavorite: vi.fn(), value: '', ...props };
  act(() => root.render(<ModelPicker {...(all as ModelPickerProps)} />));
  return all;
}

const input = () => container.querySelector<HTMLInputElement>('[role="combobox"]')!;
const options = () => [...container.querySelectorAll('[role="option"]')].map((o) => o.textContent);

function press(key: string, init: KeyboardEventInit = {}) {
  let event!: KeyboardEvent;
  act(() => {
    event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    input().dispatchEvent(event);
  });
  return event;
}

describe('one model', () => {
  it('opens with the arrow keys, moves, and Enter chooses the active option', () => {
    const onChange = vi.fn();
    render({ value: 'meta-llama-3-8B-instruct', onChange });
    expect(input().getAttribute('aria-expanded')).toBe('false');
    press('ArrowDown');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(options()).toHaveLength(3);
    expect(options()[0]).toContain('Vision');
    expect(options()[2]).toContain('128k context');
    press('ArrowDown');
    const active = input().getAttribute('aria-activedescendant')!;
    expect(document.getElementById(active)!.textContent).toContain('meta-llama-3-8B-instruct');
    press('Enter');
    expect(onChange).toHaveBeenLastCalledWith('meta-llama-3-8B-instruct');
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });

  it('Esc closes the list and does not reach the window (where Esc stops a reply)', () => {
    const onWindowKey = vi.fn((event: KeyboardEvent) => event.key === 'Escape');
    const escapes = () => onWindowKey.mock.results.filter((r) => r.value === true).length;
    window.addEventListener('keydown', onWindowKey);
    render({ value: '', onChange: vi.fn() });
    press('ArrowDown');
    press('Escape');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(escapes()).toBe(0);
    press('Escape');
    expect(escapes()).toBe(1);
    window.removeEventListener('keydown', onWindowKey);
  });

  it('Ctrl+D stars the active option, or the typed model when none is active', () => {
    const onToggleFavorite = vi.fn();
    render({ value: 'my/own-model', onChange: vi.fn(), onToggleFavorite });
    press('d', { ctrlKey: true });
    expect(onToggleFavorite).toHaveBeenLastCalledWith('my/own-model');
    press('ArrowDown');
    press('d', { ctrlKey: true });
    expect(onToggleFavorite).toHaveBeenLastCalledWith('Qwen/Qwen2.5-VL-72B-Instruct-together');
  });

  it('Enter keeps a typed id that no listed model matches', () => {
    const onChange = vi.fn();
    render({ value: 'my/own-model', onChange });
    press('ArrowDown', { altKey: true });
    press('Enter');
    expect(onChange).not.toHaveBeenCalled();
    expect(input().value).toBe('my/own-model');
  });
});

describe('several models', () => {
  it('toggles models up to the limit and says when the limit is reached', () => {
    const onChange = vi.fn();
    render({ multiple: true, max: 1, value: ['meta-llama-3-8B-instruct'], onChange } as never);
    expect(container.querySelector('[role="listbox"]')).toBeNull();
    press('ArrowDown');
    expect(container.querySelector('[role="listbox"]')!.getAttribute('aria-multiselectable')).toBe('true');
    press('Enter');
    expect(onChange).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Up to 1 models');
    press('ArrowDown');
    press('Enter');
    expect(onChange).toHaveBeenLastCalledWith([]);
    press('Backspace');
    expect(onChange).toHaveBeenLastCalledWith([]);
  });
});
