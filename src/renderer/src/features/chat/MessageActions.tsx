import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation(['chat', 'common']);
  const [copied, setCopied] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const index = versions ? versions.indexOf(message.id) : -1;
  const again = askAgainOf(message);

  return (
    <div className="message-actions" role="group" aria-label={t('actions.group')}>
      {versions && index >= 0 && (
        <div className="message-actions__versions" role="group" aria-label={t('actions.versions')}>
          <ActionButton
            label={t('actions.previousVersion')}
            icon="left"
            disabled={index === 0}
            onClick={() => actions.showVersion(versions[index - 1]!)}
          />
          <span aria-live="polite">{t('actions.versionOf', { index: index + 1, total: versions.length })}</span>
          <ActionButton
            label={t('actions.nextVersion')}
            icon="right"
            disabled={index === versions.length - 1}
            onClick={() => actions.showVersion(versions[index + 1]!)}
          />
        </div>
      )}
      {message.content.trim() !== '' && (
        <ActionButton
          label={copied ? t('common:copied') : t('common:copy')}
          icon={copied ? 'check' : 'copy'}
          onClick={async () => {
            setCopied(await actions.copy(message.content));
            setTimeout(() => setCopied(false), 1500);
          }}
        />
      )}
      {message.role === 'user' && (
        <ActionButton label={t('common:edit')} icon="edit" onClick={() => actions.edit(message.id)} />
      )}
      {again === 'regenerate' && (
        <ActionButton label={t('actions.regenerate')} icon="refresh" onClick={() => actions.regenerate(message.id)} />
      )}
      {again === 'retry' && <RetryButton notBefore={retryAt ?? 0} onRetry={() => actions.retry(message.id)} />}
      {confirmDelete ? (
        <span className="message-actions__confirm" role="group" aria-label={t('actions.confirmDelete')}>
          {t('actions.deleteQuestion')}
          <button type="button" className="text-button text-button--danger" onClick={() => actions.remove(message.id)}>
            {t('common:delete')}
          </button>
          <button type="button" className="text-button" onClick={() => setConfirmDelete(false)}>
            {t('common:cancel')}
          </button>
        </span>
      ) : (
        <ActionButton label={t('common:delete')} icon="trash" onClick={() => setConfirmDelete(true)} />
      )}
    </div>
  );
}
