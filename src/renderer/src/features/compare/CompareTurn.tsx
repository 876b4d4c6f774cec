import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareRun } from '../../../../shared/compare';
import { inlineStep } from '../../ui/direction';
import { CompareColumnView, columnStatus, type CompareActions } from './CompareColumnView';
import './compare.css';

/** Side by side from this window width on; tabs below it. */
const WIDE = '(min-width: 900px)';

function useWide(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(WIDE).matches);
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    const onChange = () => setWide(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return wide;
}

export interface CompareTurnProps {
  run: CompareRun;
  actions: CompareActions;
  onOpenLink(url: string, text: string): void;
  plainText: boolean;
}

/**
 * A compare turn waiting for its answer: every column side by side (tabs in a narrow window), and a polite live
 * region that says how many have finished, so a screen reader hears the run's progress without the text itself.
 */
export function CompareTurn({ run, actions, onOpenLink, plainText }: CompareTurnProps) {
  const wide = useWide();
  const { t } = useTranslation('compare');
  const [tab, setTab] = useState(0);
  const columns = run.columns;
  const finished = columns.filter((c) => c.message.status !== 'streaming').length;
  const summary = columns.map((c) => t('turn.columnStatus', { model: c.model, status: t(columnStatus(c)) })).join('; ');
  const current = Math.min(tab, columns.length - 1);

  function onTabKey(event: KeyboardEvent) {
    // Along the text: in right-to-left text the next tab is to the left.
    const step = inlineStep(event.key, event.currentTarget);
    if (!step) return;
    event.preventDefault();
    const next = (current + step + columns.length) % columns.length;
    setTab(next);
    document.getElementById(`compare-tab-${run.id}-${next}`)?.focus();
  }

  return (
    <div className="compare-turn" role="region" aria-label={t('turn.region', { count: columns.length })}>
      <p className="visually-hidden" aria-live="polite">
        {t('turn.progress', { finished, count: columns.length })} {finished === columns.length ? summary : ''}
      </p>
      {wide ? (
        <div className="compare-turn__columns" style={{ ['--columns' as string]: columns.length }}>
          {columns.map((c) => (
            <CompareColumnView
              key={c.column}
              column={c}
              actions={actions}
              onOpenLink={onOpenLink}
              plainText={plainText}
            />
          ))}
        </div>
      ) : (
        <>
          <div className="compare-turn__tabs" role="tablist" aria-label={t('turn.tabs')} onKeyDown={onTabKey}>
            {columns.map((c, i) => (
              <button
                key={c.column}
                id={`compare-tab-${run.id}-${i}`}
                type="button"
                role="tab"
                aria-selected={i === current}
                aria-controls={`compare-panel-${run.id}`}
                tabIndex={i === current ? 0 : -1}
                className="compare-turn__tab"
                data-status={c.message.status}
                onClick={() => setTab(i)}
              >
                {c.model}
                <span className="visually-hidden">{t('turn.tabStatus', { status: t(columnStatus(c)) })}</span>
              </button>
            ))}
          </div>
          {columns[current] && (
            <CompareColumnView
              key={columns[current].column}
              column={columns[current]}
              actions={actions}
              onOpenLink={onOpenLink}
              plainText={plainText}
              tabId={`compare-tab-${run.id}-${current}`}
              panelId={`compare-panel-${run.id}`}
            />
          )}
        </>
      )}
    </div>
  );
}
