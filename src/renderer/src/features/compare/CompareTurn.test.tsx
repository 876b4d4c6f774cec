import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompareRun } from '../../../../shared/compare';
import { applyLanguage } from '../../i18n';
import { compareRun } from '../../testing/fixtures';
import { press, render } from '../../testing/render';
import { ArenaSummary } from './ArenaSummary';
import { CompareTurn } from './CompareTurn';

const actions = { stop: vi.fn(), choose: vi.fn(), regenerate: vi.fn(), continueReply: vi.fn() };

function run(statuses: ('done' | 'streaming')[]): CompareRun {
  return compareRun(
    statuses.map((_, i) => `model-${i}`),
    (_, i) => ({ status: statuses[i] }),
  );
}

function narrowTurn(dir: 'ltr' | 'rtl', statuses: ('done' | 'streaming')[] = ['done', 'done', 'done']) {
  const view = render(
    <div dir={dir} style={{ direction: dir }}>
      <CompareTurn run={run(statuses)} actions={actions} onOpenLink={vi.fn()} plainText />
    </div>,
  );
  const tabs = () => [...view.querySelectorAll<HTMLElement>('[role="tab"]')];
  const selected = () => tabs().findIndex((tab) => tab.getAttribute('aria-selected') === 'true');
  return { view, tabs, selected };
}

beforeEach(() => {
  // A narrow window: the columns are tabs.
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query) =>
      ({
        matches: false,
        media: query,
        addEventListener: () => {},
        removeEventListener: () => {},
      }) as unknown as MediaQueryList,
  );
});

afterEach(async () => {
  vi.restoreAllMocks();
  await applyLanguage('en');
});

describe('compare tabs', () => {
  it('ArrowRight moves to the next tab in left-to-right text', () => {
    const { tabs, selected } = narrowTurn('ltr');
    press(tabs()[0]!, 'ArrowRight');
    expect(selected()).toBe(1);
    press(tabs()[1]!, 'ArrowLeft');
    expect(selected()).toBe(0);
  });

  it('ArrowLeft moves to the next tab in right-to-left text', () => {
    const { tabs, selected } = narrowTurn('rtl');
    press(tabs()[0]!, 'ArrowLeft');
    expect(selected()).toBe(1);
    press(tabs()[1]!, 'ArrowRight');
    expect(selected()).toBe(0);
  });
});

describe('compare in other languages', () => {
  it('says how many answers finished, in the UI language', async () => {
    await applyLanguage('ar');
    const { view } = narrowTurn('rtl', ['done', 'streaming', 'streaming']);
    expect(view.querySelector('[aria-live="polite"]')!.textContent).toContain('اكتملت 1 من 3 إجابات.');
    expect(view.querySelector('[role="tab"]')!.textContent).toBe('model-0، اكتملت');
  });

  it('counts arena turns with the language’s plural forms', async () => {
    const summary = (turns: number) => ({ turns, decided: 1, models: [] });
    const caption = (turns: number) =>
      render(<ArenaSummary summary={summary(turns)} />).querySelector('caption')!.textContent;
    expect(caption(1)).toBe('Arena: 1 compare turn, 1 with a chosen answer');
    expect(caption(3)).toBe('Arena: 3 compare turns, 1 with a chosen answer');
    await applyLanguage('ar');
    expect(caption(2)).toBe('الساحة: جولتا مقارنة، 1 منهما بإجابة مختارة');
    expect(caption(11)).toBe('الساحة: 11 جولة مقارنة، 1 منها بإجابة مختارة');
  });
});
