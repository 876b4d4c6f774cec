import { useState } from 'react';
import type { Message } from '../../../../shared/domain';
import { Icon, type IconName } from '../../ui/Icon';
import { RetryButton } from '../context/RetryButton';
import './chat.css';

export interface MessageActionHandlers {
  regenerate(messageId: string): void;
  retry(messageId: string): void;
  edit(messageId: string): void;
  showVersion(messageId: string): void;
  remove(messageId: string): void;
  copy(text: string): Promise<boolean>;
}

/** What a reply offers to ask again: a finished reply is regenerated (a new version), a cut-off one retried. */
export function askAgainOf(message: Message): 'regenerate' | 'retry' | null {
  if (message.role !== 'assistant') return null;
  if (message.status === 'done') return 'regenerate';
  if (message.status === 'error' || message.status === 'stopped' || message.status === 'interrupted') return 'retry';
  return null;
}

/** An icon button whose name is also its tooltip, so a pointer user reads what a keyboard user hears. */
function ActionButton(props: { label: string; icon: IconName; disabled?: boolean; onClick(): void }) {
  const { label, icon, disabled, onClick } = props;
  return (
    <button
      type="button"
      className="icon-button icon-button--small"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}

/**
 * Under a message: its versions ‹ 2/3 ›, then Copy (when there is text), Edit for the user's own message,
 * exactly one of Regenerate or Retry for a reply, and Delete. Shown on hover and on keyboard focus (chat.css).
 */
export function MessageActions({
  message,
  versions,
  actions,
  retryAt = null,
}: {
  message: Message;
  versions: string[] | undefined;
  actions: MessageActionHandlers;
  /** When a rate limit asked to wait: Retry counts down to it. */
  retryAt?: number | null;
}) {
  const [copied, setCopied] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const index = versions ? versions.indexOf(message.id) : -1;
  const again = askAgainOf(message);

  return (
    <div className="message-actions" role="group" aria-label="Message actions">
      {versions && index >= 0 && (
        <div className="message-actions__versions" role="group" aria-label="Versions">
          <ActionButton
            label="Previous version"
            icon="left"
            disabled={index === 0}
            onClick={() => actions.showVersion(versions[index - 1]!)}
          />
          <span aria-live="polite">
            {index + 1} / {versions.length}
          </span>
          <ActionButton
            label="Next version"
            icon="right"
            disabled={index === versions.length - 1}
            onClick={() => actions.showVersion(versions[index + 1]!)}
          />
        </div>
      )}
      {message.content.trim() !== '' && (
        <ActionButton
          label={copied ? 'Copied' : 'Copy'}
          icon={copied ? 'check' : 'copy'}
          onClick={async () => {
            setCopied(await actions.copy(message.content));
            setTimeout(() => setCopied(false), 1500);
          }}
        />
      )}
      {message.role === 'user' && <ActionButton label="Edit" icon="edit" onClick={() => actions.edit(message.id)} />}
      {again === 'regenerate' && (
        <ActionButton label="Regenerate" icon="refresh" onClick={() => actions.regenerate(message.id)} />
      )}
      {again === 'retry' && <RetryButton notBefore={retryAt ?? 0} onRetry={() => actions.retry(message.id)} />}
      {confirmDelete ? (
        <span className="message-actions__confirm" role="group" aria-label="Confirm delete">
          Delete this and the replies after it?
          <button type="button" className="text-button text-button--danger" onClick={() => actions.remove(message.id)}>
            Delete
          </button>
          <button type="button" className="text-button" onClick={() => setConfirmDelete(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <ActionButton label="Delete" icon="trash" onClick={() => setConfirmDelete(true)} />
      )}
    </div>
  );
}
