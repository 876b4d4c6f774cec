import { memo } from 'react';
import type { Message } from '../../../../shared/domain';
import { Markdown } from '../markdown/LazyMarkdown';
import type { OpenLink } from '../markdown/MarkdownBlock';
import { ErrorNotice } from './ErrorNotice';
import { ImageStrip } from './ImageStrip';
import { MessageActions, type MessageActionHandlers } from './MessageActions';
import { MessageEditor } from './MessageEditor';
import { ReplyFacts } from './ReplyFacts';

const STATUS_NOTE: Partial<Record<Message['status'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted: the app closed before this reply finished.',
};

export interface MessageViewActions extends MessageActionHandlers {
  send(messageId: string, content: string): Promise<boolean>;
  cancelEdit(): void;
  continueReply(messageId: string): void;
  retry(messageId: string): void;
}

export interface MessageViewProps {
  message: Message;
  versions?: string[] | undefined;
  editing?: boolean;
  /** The message a search opened the conversation at. */
  focused?: boolean;
  actions?: MessageViewActions;
  /** Where a clicked link in a reply goes: main opens http(s) and mailto links in the OS. */
  onOpenLink: OpenLink;
}

/** Presentational; memoized so that only the message whose object changed re-renders. */
export const MessageView = memo(function MessageView({
  message,
  versions,
  editing,
  focused,
  actions,
  onOpenLink,
}: MessageViewProps) {
  const streaming = message.status === 'streaming';
  const note = STATUS_NOTE[message.status];
  const cutOff = message.role === 'assistant' && ['interrupted', 'stopped', 'error'].includes(message.status);
  return (
    <article
      className={`message message--${message.role}${focused ? ' message--focused' : ''}`}
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
      )}
      {note && <div className="message__note">{note}</div>}
      {message.error && <ErrorNotice error={message.error} />}
      {cutOff && actions && (
        <div className="message__actions">
          {message.content && (
            <button type="button" className="text-button" onClick={() => actions.continueReply(message.id)}>
              Continue
            </button>
          )}
          <button type="button" className="text-button" onClick={() => actions.retry(message.id)}>
            Retry
          </button>
        </div>
      )}
      {!streaming && !editing && (
        <div className="message__footer">
          {actions && <MessageActions message={message} versions={versions} actions={actions} />}
          {message.role === 'assistant' && <ReplyFacts message={message} />}
        </div>
      )}
    </article>
  );
});
