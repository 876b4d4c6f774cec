import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentChip } from '../../store/documents-slice';
import { applyLanguage } from '../../i18n';
import { render } from '../../testing/render';
import { DocumentChips } from './DocumentChips';

function chip(key: string, patch: Partial<DocumentChip>): DocumentChip {
  return {
    key,
    name: `${key}.pdf`,
    state: 'ready',
    progress: null,
    draft: null,
    error: null,
    included: true,
    ...patch,
  };
}

function ready(key: string, pages: number | null, lines: number, tokens: number): DocumentChip {
  const draft = { id: key, name: `${key}.pdf`, kind: 'pdf' as const, pages, lines, chars: 1, tokens, keptChars: null };
  return chip(key, { draft: { ...draft, warnings: [] } });
}

const show = (chips: DocumentChip[]) =>
  render(
    <DocumentChips
      chips={chips}
      room={null}
      needed={0}
      fit={false}
      onCancel={vi.fn()}
      onRemove={vi.fn()}
      onInclude={vi.fn()}
      onFit={vi.fn()}
      onShowText={vi.fn()}
    />,
  );
const facts = (view: HTMLElement) => [...view.querySelectorAll('.document-chip__facts')].map((f) => f.textContent);

afterEach(() => applyLanguage('en'));

describe('document chips', () => {
  it('count pages, lines and tokens with the language’s plural forms and digits grouping', async () => {
    const chips = [ready('a', 1, 40, 1), ready('b', null, 1, 12_345), ready('c', 2, 80, 3)];
    expect(facts(show(chips))).toEqual(['1 page · ~1 token', '1 line · ~12,345 tokens', '2 pages · ~3 tokens']);
    await applyLanguage('ar');
    expect(facts(show(chips))).toEqual(['صفحة واحدة · ~رمز واحد', 'سطر واحد · ~12,345 رمزًا', 'صفحتان · ~3 رموز']);
    await applyLanguage('es');
    expect(facts(show(chips))[1]).toBe('1 línea · ~12.345 tokens');
  });

  it('names a file still being chosen in the UI language', async () => {
    await applyLanguage('ja');
    const view = show([chip('k', { name: '', state: 'reading' })]);
    expect(view.querySelector('.document-chip__name')!.textContent).toBe('ファイルを選択しています…');
    expect(view.querySelector('progress')!.getAttribute('aria-label')).toBe(
      'ファイルを選択しています… を読み込んでいます',
    );
  });
});
