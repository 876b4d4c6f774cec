import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { API_KEYS_URL, BILLING_URL } from '../../../../shared/domain';
import { useStore } from '../../store';

/** Settings → About: which version this is, and the ModelsLab pages a user needs (opened by main, checked). */
export function AboutSection() {
  const { t } = useTranslation('settings');
  const id = useId();
  const info = useStore((s) => s.info);
  const openExternal = useStore((s) => s.openExternal);
  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('about.name')}</h3>
      <p className="key-status">
        {info?.platform ? (
          <Trans
            t={t}
            i18nKey="about.versionOn"
            values={{ version: info.version, platform: info.platform }}
            components={{ kept: <span translate="no" /> }}
          />
        ) : (
          t('about.version', { version: info?.version ?? '…' })
        )}
      </p>
      <div className="settings__buttons">
        <button type="button" className="button" onClick={() => void openExternal(API_KEYS_URL)}>
          <Trans t={t} i18nKey="about.apiKeys" components={{ kept: <span translate="no" /> }} />
        </button>
        <button type="button" className="button" onClick={() => void openExternal(BILLING_URL)}>
          {t('about.billing')}
        </button>
      </div>
    </section>
  );
}
