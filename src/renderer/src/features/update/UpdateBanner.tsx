import { useTranslation } from 'react-i18next';
import type { UpdateReady } from '../../../../shared/contract';
import './update-banner.css';

/** A quiet notice in the corner: the update installs now on Restart, or by itself at the next quit. */
export function UpdateBanner({
  update,
  onRestart,
  onLater,
}: {
  update: UpdateReady;
  onRestart: () => void;
  onLater: () => void;
}) {
  const { t } = useTranslation('update');
  return (
    <div className="update-banner" role="status" aria-label={t('label')}>
      <p className="update-banner__text">{t('ready', { version: update.version })}</p>
      <div className="update-banner__actions">
        <button type="button" className="update-banner__later" onClick={onLater}>
          {t('later')}
        </button>
        <button type="button" className="update-banner__restart" onClick={onRestart}>
          {t('restart')}
        </button>
      </div>
    </div>
  );
}
