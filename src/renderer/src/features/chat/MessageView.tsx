import { memo } from 'react';
import type { Message } from '../../../../shared/domain';
import { ErrorNotice } from './ErrorNotice';

const STATUS_NOTE: Partial<Record<Message['status'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted: the app closed before this reply finished.',
};

export interface MessageViewProps {
  message: Message;
  /** The message a search opened the conversation at. */
  focused?: boolean;
  onContinue?(messageId: string): void;
  onRetry?(messageId: string): void;
}

/** Presentational; memoized so that only the message whose object changed re-renders. */
export const MessageView = memo(function MessageView({ message, focused, onContinue, onRetry }: MessageViewProps) {
  const streaming = message.status === 'streaming';
  const note = STATUS_NOTE[message.status];
  const cutOff =
    message.role === 'assistant' && ['interrupted', 'stopped', 'error'].includes(message.status) && onRetry;
  return (
    <article
      className={`message message--${message.role}${focused ? ' message--focused' : ''}`}
      data-status={message.status}
      data-message-id={message.id}
      aria-label={message.role === 'user' ? 'You' : 'Assistant'}
    >
      <div className="message__bubble">
        {message.content ? (
          <div className="message__content">{message.content}</div>
        ) : (
          streaming && <div className="message__pending">Thinking…</div>
        )}
        {streaming && message.content && <span className="message__caret" aria-hidden="true" />}
      </div>
      {note && <div className="message__note">{note}</div>}
      {message.error && <ErrorNotice error={message.error} />}
      {cutOff && (
        <div className="message__actions">
          {message.content && onContinue && (
            <button type="button" className="text-button" onClick={() => onContinue(message.id)}>
              Continue
            </button>
          )}
          <button type="button" className="text-button" onClick={() => onRetry(message.id)}>
            Retry
          </button>
        </div>
      )}
    </article>
  );
});
