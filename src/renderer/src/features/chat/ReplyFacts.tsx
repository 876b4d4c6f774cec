import { useState } from 'react';
import type { Message, Usage } from '../../../../shared/domain';
import { Icon } from '../../ui/Icon';
import './chat.css';
import './reply-model.css';

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The facts of one reply behind its toggle: tokens in/out, time to first token, speed (the model shows beside it). */
export function replyFacts(message: Message): string[] {
  const facts: string[] = [];
  const { usage, stats } = message;
  if (usage) facts.push(`${usage.promptTokens} tokens in · ${usage.completionTokens} out`);
  if (stats?.firstTokenMs != null) facts.push(`first token after ${seconds(stats.firstTokenMs)}`);
  if (stats && stats.firstTokenMs != null) {
    const streamingMs = stats.totalMs - stats.firstTokenMs;
    const tokens = usage?.completionTokens ?? stats.chunks;
    if (streamingMs > 0 && tokens > 1) {
      const rate = (tokens / streamingMs) * 1000;
      facts.push(`${usage ? '' : '≈'}${rate.toFixed(rate < 10 ? 1 : 0)} tokens/s`);
    }
  }
  if (stats) facts.push(`${seconds(stats.totalMs)} in all`);
  return facts;
}

export function ReplyFacts({ message, chatTotals }: { message: Message; chatTotals: Usage | null }) {
  const [open, setOpen] = useState(false);
  const facts = replyFacts(message);
  if (chatTotals && (chatTotals.promptTokens || chatTotals.completionTokens)) {
    facts.push(`this chat: ${chatTotals.promptTokens} in · ${chatTotals.completionTokens} out`);
  }
  if (facts.length === 0 && !message.model) return null;
  return (
    <div className="reply-facts">
      {message.model && (
        <span className="reply-model" title="The model that wrote this reply">
          {message.model}
        </span>
      )}
      {facts.length > 0 && (
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Reply details"
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
