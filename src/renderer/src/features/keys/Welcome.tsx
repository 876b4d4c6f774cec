import { Trans, useTranslation } from 'react-i18next';
import { API_KEYS_URL } from '../../../../shared/domain';
import { useStore } from '../../store';
import { KeyForm } from './KeyForm';
import { KeyOriginNotice } from './KeyOriginNotice';
import './keys.css';

/** First run: what the key is for, where to get one, and the form; saving leads straight into a new chat. */
export function Welcome() {
  const { t } = useTranslation('keys');
  const openExternal = useStore((s) => s.openExternal);
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome.title')}</h1>
      <p>{t('welcome.body')}</p>
      <button type="button" className="button" onClick={() => void openExternal(API_KEYS_URL)}>
        <Trans t={t} i18nKey="welcome.getKey" components={{ kept: <span translate="no" /> }} />
      </button>
      <KeyOriginNotice />
      <KeyForm onSaved={() => document.querySelector<HTMLTextAreaElement>('.composer__input')?.focus()} />
    </section>
  );
}
