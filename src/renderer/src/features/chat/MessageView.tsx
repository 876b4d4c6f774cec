import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, Usage } from '../../../../shared/domain';
import { ImagesSent } from '../context/ImagesSent';
import { MessageDocuments } from '../documents/MessageDocuments';
import { ReplyEnding } from '../context/ReplyEnding';
import { Markdown } from '../markdown/LazyMarkdown';
import type { OpenLink } from '../markdown/MarkdownBlock';
import { ErrorNotice } from './ErrorNotice';
import { ImageStrip } from './ImageStrip';
import { MessageActions, type MessageActionHandlers } from './MessageActions';
import { MessageEditor } from './MessageEditor';
import { ReplyFacts } from './ReplyFacts';
import './chat.css';

const NOTED = ['stopped', 'interrupted'] as const;
const isNoted = (status: Message['status']): status is (typeof NOTED)[number] =>
  (NOTED as readonly string[]).includes(status);

export interface MessageViewActions extends MessageActionHandlers {
  send(messageId: string, content: string): Promise<boolean>;
  cancelEdit(): void;
  continueReply(messageId: string): void;
  raiseAndContinue(messageId: string): void;
  pinImages(messageId: string, pinned: boolean): void;
  showDocumentText(documentId: string): void;
}

export interface MessageViewProps {
  message: Message;
  versions?: string[] | undefined;
  editing?: boolean;
  /** The message a search opened the conversation at. */
  focused?: boolean;
  actions?: MessageViewActions;
  /** Shows a reply as the text it is, not as Markdown (after it crashed the window). */
  plainText?: boolean;
  /** Where a clicked link in a reply goes: main opens http(s) and mailto links in the OS. */
  onOpenLink: OpenLink;
  /** The chat's max_tokens, for a reply cut at it that does not say how long it got. */
  maxTokens?: number;
  /** Tokens in and out over the whole chat, shown with the reply's own facts. */
  chatTotals?: Usage | null;
}

/** Presentational; memoized so that only the message whose object changed re-renders. */
export const MessageView = memo(function MessageView({
  message,
  versions,
  editing,
  focused,
  actions,
  plainText,
  onOpenLink,
  maxTokens = 0,
  chatTotals = null,
}: MessageViewProps) {
  const { t } = useTranslation(['chat', 'common']);
  const streaming = message.status === 'streaming';
  const { error } = message;
  // A rate limit says how long to wait; Retry counts it down.
  const retryAt =
    error?.code === 'rate_limited' && error.retryAfter ? message.updatedAt + error.retryAfter * 1000 : null;
  const note = isNoted(message.status) ? t(`status.${message.status}`) : null;
  const cutOff = message.role === 'assistant' && ['interrupted', 'stopped', 'error'].includes(message.status);
  return (
    <article
      className={`message message--${message.role}${focused ? ' message--focused' : ''}`}
      data-status={message.status}
      data-message-id={message.id}
      aria-label={message.role === 'user' ? t('common:you') : t('common:assistant')}
    >
      <ImageStrip images={message.attachments} />
      <MessageDocuments documents={message.documents} {...(actions ? { onShowText: actions.showDocumentText } : {})} />
      {message.role === 'user' && (message.attachments.length > 0 || message.documents.length > 0) && actions && (
        <ImagesSent
          pinned={message.imagesPinned}
          what={message.attachments.length === 0 ? 'documents' : message.documents.length === 0 ? 'images' : 'both'}
          onPin={(pinned) => actions.pinImages(message.id, pinned)}
        />
      )}
      {editing && actions ? (
        <MessageEditor
          initial={message.content}
          onSend={(content) => actions.send(message.id, content)}
          onCancel={actions.cancelEdit}
        />
      ) : message.content || streaming ? (
        <div className="message__bubble">
          {message.content && message.role === 'assistant' && !plainText ? (
            <div className="message__content message__content--markdown" dir="auto">
              <Markdown text={message.content} streaming={streaming} onOpenLink={onOpenLink} />
            </div>
          ) : message.content ? (
            <div className="message__content" dir="auto">
              {message.content}
            </div>
          ) : (
            streaming && <div className="message__pending">{t('thinking')}</div>
          )}
          {streaming && message.content && <span className="message__caret" aria-hidden="true" />}
        </div>
      ) : null}
      {note && <div className="message__note">{note}</div>}
      {message.status === 'done' && actions && (
        <ReplyEnding
          finishReason={message.finishReason}
          limit={message.usage?.completionTokens ?? maxTokens}
          onContinue={() => actions.continueReply(message.id)}
          onRaiseAndContinue={() => actions.raiseAndContinue(message.id)}
        />
      )}
      {message.error && <ErrorNotice error={message.error} onOpenLink={onOpenLink} />}
      {cutOff && actions && message.content && (
        <div className="message__actions">
          <button type="button" className="text-button" onClick={() => actions.continueReply(message.id)}>
            {t('continue')}
          </button>
        </div>
      )}
      {!streaming && !editing && (
        <div className="message__footer">
          {/* The model first, so it lines up with the reply's text whether or not the actions are showing. */}
          {message.role === 'assistant' && <ReplyFacts message={message} chatTotals={chatTotals} />}
          {actions && <MessageActions message={message} versions={versions} actions={actions} retryAt={retryAt} />}
        </div>
      )}
    </article>
  );
});
