import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SnippetPart } from '../../../../shared/history';
import type { AppError } from '../../../../shared/errors';
import { plainSnippet } from './plain-snippet';
import { i18n } from '../../i18n';
import './search.css';

export interface SearchDialogProps {
  hits: SearchHit[];
  hasMore: boolean;
  loading: boolean;
  error: AppError | null;
  initialQuery: string;
  onQuery(query: string): void;
  onMore(): void;
  onChoose(hit: SearchHit): void;
  onClose(): void;
}

const DEBOUNCE_MS = 120;

/**
 * Highlights come as separate parts and are rendered as text inside <mark>: message text is never parsed as HTML.
 * Markdown markers are stripped first, so a preview reads as the words, not as ``` and **.
 */
function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    // A quote of the user’s or the model’s words, kept as written.
    <span className="search-hit__snippet" translate="no">
      {plainSnippet(parts).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}

const dateOf = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(at);

export function SearchDialog(props: SearchDialogProps) {
  const { t } = useTranslation(['search', 'common']);
  const { hits, hasMore, loading, error, onQuery, onMore, onChoose, onClose } = props;
  const [query, setQuery] = useState(props.initialQuery);
  const [selected, setSelected] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const id = useId();
  const optionId = (i: number) => `${id}-hit-${i}`;

  useEffect(() => {
    const timer = setTimeout(() => onQuery(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, onQuery]);

  useEffect(() => {
    list.current?.querySelector(`[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') setSelected((i) => Math.min(hits.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setSelected((i) => Math.max(0, i - 1));
    else if (event.key === 'Enter' && hits[selected]) onChoose(hits[selected]!);
    else return;
    event.preventDefault();
  }

  const status = error
    ? error.message
    : query.trim() === ''
      ? t('empty')
      : loading && hits.length === 0
        ? t('searching')
        : hits.length === 0
          ? t('noMatch')
          : null;

  return (
    <div className="search-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="search-dialog" role="dialog" aria-modal="true" aria-label={t('label')} onKeyDown={onKeyDown}>
        <input
          className="search-dialog__input"
          type="search"
          aria-label={t('label')}
          aria-controls="search-results"
          aria-activedescendant={hits[selected] ? optionId(selected) : undefined}
          placeholder={t('placeholder')}
          autoFocus
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setSelected(0);
          }}
        />
        {status && (
          <p className="search-dialog__status" role="status">
            {status}
          </p>
        )}
        <ul
          id="search-results"
          role="listbox"
          className="search-dialog__results"
          ref={list}
          aria-label={t('results', { count: hits.length })}
          onScroll={(e) => {
            const el = e.currentTarget;
            if (hasMore && el.scrollHeight - el.scrollTop - el.clientHeight < 200) onMore();
          }}
        >
          {hits.map((hit, i) => (
            // The box keeps focus and moves the choice with the arrow keys (aria-activedescendant); a click chooses too.
            <li
              key={hit.messageId}
              id={optionId(i)}
              data-index={i}
              role="option"
              className="search-hit"
              aria-selected={i === selected}
              aria-current={i === selected ? 'true' : undefined}
              onMouseEnter={() => setSelected(i)}
              onClick={() => onChoose(hit)}
            >
              <span className="search-hit__head">
                <span className="search-hit__title" title={hit.conversationTitle || undefined}>
                  {hit.conversationTitle || t('common:newChat')}
                </span>
                <span className="search-hit__meta">
                  {hit.role === 'user' ? t('common:you') : t('common:assistant')} · {dateOf(hit.createdAt)}
                </span>
              </span>
              <Snippet parts={hit.snippet} />
            </li>
          ))}
        </ul>
        {hasMore && (
          <button type="button" className="text-button search-dialog__more" onClick={onMore} disabled={loading}>
            {loading ? t('common:loading') : t('more')}
          </button>
        )}
      </div>
    </div>
  );
}
