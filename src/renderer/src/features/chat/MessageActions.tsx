import { useState } from 'react';
import type { Message } from '../../../../shared/domain';
import { Icon } from '../../ui/Icon';
import './chat.css';

export interface MessageActionHandlers {
  regenerate(messageId: string): void;
  edit(messageId: string): void;
  showVersion(messageId: string): void;
  remove(messageId: string): void;
  copy(text: string): Promise<boolean>;
}

/** Under a message: its versions ‹ 2/3 ›, Copy, Edit or Regenerate, Delete. */
export function MessageActions({
  message,
  versions,
  actions,
}: {
  message: Message;
  versions: string[] | undefined;
  actions: MessageActionHandlers;
}) {
  const [copied, setCopied] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const index = versions ? versions.indexOf(message.id) : -1;

  return (
    <div className="message-actions">
      {versions && index >= 0 && (
        <div className="message-actions__versions" role="group" aria-label="Versions">
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label="Previous version"
            disabled={index === 0}
            onClick={() => actions.showVersion(versions[index - 1]!)}
          >
            <Icon name="left" />
          </button>
          <span aria-live="polite">
            {index + 1} / {versions.length}
          </span>
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label="Next version"
            disabled={index === versions.length - 1}
            onClick={() => actions.showVersion(versions[index + 1]!)}
          >
            <Icon name="right" />
          </button>
        </div>
      )}
      <button
        type="button"
        className="text-button"
        onClick={async () => {
          setCopied(await actions.copy(message.content));
          setTimeout(() => setCopied(false), 1500);
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      {message.role === 'user' ? (
        <button type="button" className="text-button" onClick={() => actions.edit(message.id)}>
          Edit
        </button>
      ) : (
        <button type="button" className="text-button" onClick={() => actions.regenerate(message.id)}>
          Regenerate
        </button>
      )}
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
        <button type="button" className="text-button" onClick={() => setConfirmDelete(true)}>
          Delete
        </button>
      )}
    </div>
  );
}
