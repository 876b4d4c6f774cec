import { Trans, useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { Icon } from '../../ui/Icon';

/** Problems with the files history and settings live in, each said once, with what the user can do. */
export function HistoryBanner() {
  const { t } = useTranslation(['history', 'common']);
  const status = useStore((s) => s.historyStatus);
  const settingsNotice = useStore((s) => s.settingsNotice);
  const { startFreshHistory, dismissSettingsNotice } = useStore.getState();
  const problem = status?.problem;
  if (!problem && !settingsNotice && !status?.keptAt) return null;
  return (
    <div className="banner-stack">
      {problem?.code === 'history_engine_unavailable' && (
        <div className="banner banner--danger" role="alert">
          <div>
            <strong>{t('banner.engineTitle')}</strong>
            {problem.message}
            <p>
              <Trans
                t={t}
                i18nKey="banner.engineBody"
                values={{ path: problem.path }}
                components={{ code: <code /> }}
              />
            </p>
          </div>
        </div>
      )}
      {problem?.code === 'history_unavailable' && (
        <div className="banner banner--danger" role="alert">
          <div>
            <strong>{t('banner.unavailableTitle')}</strong>
            <p>
              <Trans
                t={t}
                i18nKey="banner.unavailableBody"
                values={{ path: problem.path, reason: problem.message }}
                components={{ code: <code /> }}
              />
            </p>
          </div>
          <button type="button" className="banner__action" onClick={() => void startFreshHistory()}>
            {t('banner.startFresh')}
          </button>
        </div>
      )}
      {!problem && status?.keptAt && (
        <div className="banner" role="status">
          <Trans t={t} i18nKey="banner.keptAt" values={{ path: status.keptAt }} components={{ code: <code /> }} />
        </div>
      )}
      {settingsNotice && (
        <div className="banner" role="status">
          <p>{t('banner.settingsUnreadable', { kept: settingsNotice.kept })}</p>
          <button
            type="button"
            className="icon-button"
            aria-label={t('common:dismiss')}
            onClick={dismissSettingsNotice}
          >
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}
