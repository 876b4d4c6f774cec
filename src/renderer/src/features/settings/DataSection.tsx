import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/** Settings → Data: every chat out to one backup file, and chats in from a backup or a ChatGPT export. */
export function DataSection() {
  const { t } = useTranslation('settings');
  const id = useId();
  const { exportAll, importHistory } = useStore.getState();
  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('data.title')}</h3>
      <p className="muted">
        <Trans t={t} i18nKey="data.intro" components={{ code: <code /> }} />
      </p>
      <div className="settings__buttons">
        <button type="button" className="button" onClick={() => void exportAll()}>
          {t('data.backup')}
        </button>
        <button type="button" className="button" onClick={() => void importHistory()}>
          {t('data.import')}
        </button>
      </div>
    </section>
  );
}
