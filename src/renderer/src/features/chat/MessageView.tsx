import { memo } from 'react';
import type { Message } from '../../../../shared/domain';
import { Markdown } from '../markdown/Markdown';
import type { OpenLink } from '../markdown/MarkdownBlock';
import { ErrorNotice } from './ErrorNotice';

const STATUS_NOTE: Partial<Record<Message['status'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted',
};

/** Presentational; memoized so that only the message whose object changed re-renders. */
export const MessageView = memo(function MessageView({
  message,
  onOpenLink,
}: {
  message: Message;
  /** Where a clicked link in a reply goes: main opens http(s) and mailto links in the OS. */
  onOpenLink: OpenLink;
}) {
  const streaming = message.status === 'streaming';
  const note = STATUS_NOTE[message.status];
  return (
    <article
      className={`message message--${message.role}`}
      data-status={message.status}
      data-message-id={message.id}
      aria-label={message.role === 'user' ? 'You' : 'Assistant'}
    >
      <div className="message__bubble">
        {message.content && message.role === 'assistant' ? (
          <div className="message__content message__content--markdown">
            <Markdown text={message.content} streaming={streaming} onOpenLink={onOpenLink} />
          </div>
        ) : message.content ? (
          <div className="message__content">{message.content}</div>
        ) : (
          streaming && <div className="message__pending">Thinking…</div>
        )}
        {streaming && message.content && <span className="message__caret" aria-hidden="true" />}
      </div>
      {note && <div className="message__note">{note}</div>}
      {message.error && <ErrorNotice error={message.error} />}
    </article>
  );
});
