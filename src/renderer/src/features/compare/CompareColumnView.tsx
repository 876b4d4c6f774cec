import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareColumn } from '../../../../shared/compare';
import type { ChatParams, MessageStatus } from '../../../../shared/domain';
import { ErrorNotice } from '../chat/ErrorNotice';
import { RetryButton } from '../context/RetryButton';
import { replyFacts } from '../chat/ReplyFacts';
import { Markdown } from '../markdown/LazyMarkdown';
import { ColumnParams } from './ColumnParams';

export interface CompareActions {
  stop(messageId: string): void;
  choose(messageId: string): void;
  regenerate(messageId: string, params?: ChatParams): void;
  continueReply(messageId: string): void;
}

/**
 * How a column's reply stands, as the key of its words (compare:status.<key>): its status, and the finish reason
 * when it is not a plain stop.
 */
export function columnStatus(column: CompareColumn): `status.${MessageStatus | 'length' | 'filtered'}` {
  const { status, finishReason } = column.message;
  if (status === 'done' && finishReason === 'length') return 'status.length';
  if (status === 'done' && finishReason === 'content_filter') return 'status.filtered';
  return `status.${status}`;
}

export interface CompareColumnViewProps {
  column: CompareColumn;
  actions: CompareActions;
  onOpenLink(url: string, text: string): void;
  /** Shows the text as it is, not as Markdown (after it crashed the window). */
  plainText: boolean;
  /** Set when shown as a tab panel: the tab that labels it. */
  tabId?: string;
  panelId?: string;
}

/** One model's answer: its text as it streams, its own Stop, error and facts, and what can be done with it. */
export const CompareColumnView = memo(function CompareColumnView({
  column,
  actions,
  onOpenLink,
  plainText,
  tabId,
  panelId,
}: CompareColumnViewProps) {
  const [paramsOpen, setParamsOpen] = useState(false);
  const { t } = useTranslation('compare');
  const { message, model } = column;
  const streaming = message.status === 'streaming';
  const headingId = `compare-col-${message.id}`;
  const cut =
    ['interrupted', 'stopped', 'error'].includes(message.status) ||
    (message.status === 'done' && message.finishReason === 'length');
  const facts = replyFacts(message);
  // After a 429 (ModelsLab limits concurrent requests, which four columns can reach), asking again waits it out.
  const { error } = message;
  const retryAt =
    error?.code === 'rate_limited' && error.retryAfter ? message.updatedAt + error.retryAfter * 1000 : null;
  if (message.finishReason) facts.push(t('column.finish', { reason: message.finishReason }));
  return (
    <section
      className="compare-column"
      data-status={message.status}
      data-model={model}
      data-message-id={message.id}
      aria-labelledby={tabId ?? headingId}
      {...(panelId ? { id: panelId, role: 'tabpanel', tabIndex: 0 } : {})}
    >
      <header className="compare-column__head">
        <h3 id={headingId} className="compare-column__model">
          {model}
        </h3>
        <span className="compare-column__status">{t(columnStatus(column))}</span>
      </header>
      <div className="compare-column__body" aria-busy={streaming}>
        {message.content && plainText ? (
          <div className="message__content">{message.content}</div>
        ) : message.content ? (
          <div className="message__content message__content--markdown">
            <Markdown text={message.content} streaming={streaming} onOpenLink={onOpenLink} />
          </div>
        ) : (
          streaming && <div className="message__pending">{t('column.thinking')}</div>
        )}
      </div>
      {message.error && <ErrorNotice error={message.error} />}
      {facts.length > 0 && <p className="compare-column__facts">{facts.join(' · ')}</p>}
      <div className="compare-column__actions">
        {streaming ? (
          <button
            type="button"
            className="text-button"
            aria-label={t('column.stopModel', { model })}
            onClick={() => actions.stop(message.id)}
          >
            {t('column.stop')}
          </button>
        ) : (
          <>
            <button type="button" className="compare-column__choose" onClick={() => actions.choose(message.id)}>
              {t('column.choose')}
            </button>
            {cut && message.content && (
              <button type="button" className="text-button" onClick={() => actions.continueReply(message.id)}>
                {t('column.continue')}
              </button>
            )}
            {retryAt ? (
              <RetryButton notBefore={retryAt} onRetry={() => actions.regenerate(message.id)} />
            ) : (
              <button type="button" className="text-button" onClick={() => actions.regenerate(message.id)}>
                {t('column.regenerate')}
              </button>
            )}
            <button
              type="button"
              className="text-button"
              aria-expanded={paramsOpen}
              onClick={() => setParamsOpen(!paramsOpen)}
            >
              {t('column.parameters')}
            </button>
          </>
        )}
      </div>
      {paramsOpen && !streaming && (
        <ColumnParams
          model={model}
          initial={column.params}
          submitLabel={t('column.regenerateWith')}
          onSubmit={(params) => {
            setParamsOpen(false);
            actions.regenerate(message.id, params);
          }}
        />
      )}
    </section>
  );
});
