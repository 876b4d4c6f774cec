import type { Recovery } from '../../../../shared/contract';
import { Icon } from '../../ui/Icon';
import './recovery.css';

export interface RecoveryNoticeProps {
  /** The crash main reloaded the window after, until dismissed. */
  crash: Recovery['crash'];
  /** The open conversation's replies show as plain text. */
  plainText: boolean;
  onShowFormatting(): void;
  onDismiss(): void;
}

/** Says that the window was reloaded after a crash, and why the chat shows as plain text, with the way back. */
export function RecoveryNotice({ crash, plainText, onShowFormatting, onDismiss }: RecoveryNoticeProps) {
  if (!crash && !plainText) return null;
  const why = crash?.reason === 'oom' ? ' (it ran out of memory)' : '';
  return (
    <div className="banner-stack">
      <div className="banner recovery-notice" role="status" aria-label="Recovered">
        <div className="recovery-notice__text">
          {crash && <strong>The window stopped unexpectedly{why} and was reloaded.</strong>}
          {plainText && (
            <p>
              {crash
                ? 'This chat was open, so its replies are shown as plain text for now.'
                : 'Replies in this chat are shown as plain text, since the window stopped while it was open.'}
            </p>
          )}
        </div>
        <div className="recovery-notice__actions">
          {plainText && (
            <button type="button" className="banner__action" onClick={onShowFormatting}>
              Show formatting
            </button>
          )}
          {crash && (
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
              <Icon name="close" />
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
