import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation(['recovery', 'common']);
  if (!crash && !plainText) return null;
  return (
    <div className="banner-stack">
      <div className="banner recovery-notice" role="status" aria-label={t('label')}>
        <div className="recovery-notice__text">
          {crash && <strong>{crash.reason === 'oom' ? t('crashedOom') : t('crashed')}</strong>}
          {plainText && <p>{crash ? t('plainNow') : t('plainSince')}</p>}
        </div>
        <div className="recovery-notice__actions">
          {plainText && (
            <button type="button" className="banner__action" onClick={onShowFormatting}>
              {t('showFormatting')}
            </button>
          )}
          {crash && (
            <button type="button" className="icon-button" aria-label={t('common:dismiss')} onClick={onDismiss}>
              <Icon name="close" />
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
