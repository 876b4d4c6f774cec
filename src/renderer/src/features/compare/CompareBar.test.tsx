import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../../i18n';
import { act, render } from '../../testing/render';
import { CompareBar } from './CompareBar';

const feed = { models: [], favorites: [], recents: [], notice: null, onToggleFavorite: vi.fn(), onOpen: vi.fn() };

/** The bar with three models chosen, their list folded away so the summary line names them. */
function folded(): string {
  const view = render(
    <CompareBar
      on
      onToggle={vi.fn()}
      feed={feed}
      selected={['alpha', 'beta', 'gamma']}
      onModels={vi.fn()}
      columnParams={{}}
      sharedParams={{}}
      onColumnParams={vi.fn()}
      arena={null}
      waitingRunId={null}
    />,
  );
  const summary = view.querySelector<HTMLButtonElement>('.compare-bar__summary')!;
  act(() => summary.click());
  expect(summary.getAttribute('aria-expanded')).toBe('false');
  return summary.textContent!;
}

afterEach(async () => {
  await act(() => applyLanguage('en'));
});

describe('the folded model list', () => {
  it('names the models as a list in the window’s language', async () => {
    expect(folded()).toBe('3 models: alpha, beta, and gamma');
    await act(() => applyLanguage('zh-CN'));
    expect(folded()).toBe('3 个模型：alpha、beta和gamma');
    await act(() => applyLanguage('ar'));
    expect(folded()).toBe('3 نماذج: alpha وbeta وgamma');
  });
});
