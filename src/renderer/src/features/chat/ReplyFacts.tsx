import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, Usage } from '../../../../shared/domain';
import { i18n } from '../../i18n';
import { Icon } from '../../ui/Icon';
import './chat.css';
import './reply-model.css';

/** A duration in the UI's digits: milliseconds under a second, else seconds with one decimal. */
function duration(ms: number): string {
  if (ms < 1000) return i18n.t('chat:facts.ms', { ms });
  const s = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return i18n.t('chat:facts.s', { s: s.format(ms / 1000) });
}

/**
 * The facts of one reply behind its toggle: tokens in/out, time to first token, speed (the model shows beside it).
 * In the UI's language, looked up as it is called (at render time).
 */
export function replyFacts(message: Message): string[] {
  const facts: string[] = [];
  const { usage, stats } = message;
  if (usage) facts.push(i18n.t('chat:facts.usage', { count: usage.promptTokens, out: usage.completionTokens }));
  if (stats?.firstTokenMs != null) facts.push(i18n.t('chat:facts.firstToken', { time: duration(stats.firstTokenMs) }));
  if (stats && stats.firstTokenMs != null) {
    const streamingMs = stats.totalMs - stats.firstTokenMs;
    const tokens = usage?.completionTokens ?? stats.chunks;
    if (streamingMs > 0 && tokens > 1) {
      const rate = (tokens / streamingMs) * 1000;
      // Counted from usage, or estimated from the chunks when the server sent none.
      const count = Number(rate.toFixed(rate < 10 ? 1 : 0));
      facts.push(usage ? i18n.t('chat:facts.rate', { count }) : i18n.t('chat:facts.rateEstimated', { count }));
    }
  }
  if (stats) facts.push(i18n.t('chat:facts.total', { time: duration(stats.totalMs) }));
  return facts;
}

export function ReplyFacts({ message, chatTotals }: { message: Message; chatTotals: Usage | null }) {
  const { t } = useTranslation('chat');
  const [open, setOpen] = useState(false);
  const facts = replyFacts(message);
  if (chatTotals && (chatTotals.promptTokens || chatTotals.completionTokens)) {
    facts.push(t('facts.chatTotals', { in: chatTotals.promptTokens, out: chatTotals.completionTokens }));
  }
  if (facts.length === 0 && !message.model) return null;
  return (
    <div className="reply-facts">
      {message.model && (
        <span className="reply-model" title={t('facts.modelTitle')}>
          {message.model}
        </span>
      )}
      {facts.length > 0 && (
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={t('facts.details')}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <Icon name="info" />
        </button>
      )}
      {open && <span className="reply-facts__text">{facts.join(' · ')}</span>}
    </div>
  );
}
