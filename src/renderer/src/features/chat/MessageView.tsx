import { memo } from 'react';
import type { Message } from '../../../../shared/domain';
import { ErrorNotice } from './ErrorNotice';
import { MessageActions, type MessageActionHandlers } from './MessageActions';
import { MessageEditor } from './MessageEditor';
import { ImageStrip } from './ImageStrip';
import { ReplyFacts } from './ReplyFacts';

const STATUS_NOTE: Partial<Record<Message['status'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted',
};

/** Presentational; memoized so that only the message whose object changed re-renders. */
export interface MessageViewProps {
  message: Message;
  versions?: string[] | undefined;
  editing?: boolean;
  actions?: MessageActionHandlers & {
    send(messageId: string, content: string): Promise<boolean>;
    cancelEdit(): void;
  };
}

export const MessageView = memo(function MessageView({ message, versions, editing, actions }: MessageViewProps) {
  const streaming = message.status === 'streaming';
  const note = STATUS_NOTE[message.status];
  return (
    <article
      className={`message message--${message.role}`}
      data-status={message.status}
      data-message-id={message.id}
      aria-label={message.role === 'user' ? 'You' : 'Assistant'}
    >
      <ImageStrip images={message.attachments} />
      {editing && actions ? (
        <MessageEditor
          initial={message.content}
          onSend={(content) => actions.send(message.id, content)}
          onCancel={actions.cancelEdit}
        />
      ) : (
        <div className="message__bubble">
          {message.content ? (
            <div className="message__content">{message.content}</div>
          ) : (
            streaming && <div className="message__pending">Thinking…</div>
          )}
          {streaming && message.content && <span className="message__caret" aria-hidden="true" />}
        </div>
      )}
      {note && <div className="message__note">{note}</div>}
      {message.error && <ErrorNotice error={message.error} />}
      {!streaming && !editing && (
        <div className="message__footer">
          {actions && <MessageActions message={message} versions={versions} actions={actions} />}
          {message.role === 'assistant' && <ReplyFacts message={message} />}
        </div>
      )}
    </article>
  );
});
