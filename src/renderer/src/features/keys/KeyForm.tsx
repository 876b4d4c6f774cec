import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BILLING_URL } from '../../../../shared/domain';
import { useStore } from '../../store';
import { errorText } from '../chat/error-text';
import './keys.css';

/** Paste, show/hide, Test and Save a key; the key goes to main and never comes back. */
export function KeyForm({ onSaved, replacing = false }: { onSaved?(): void; replacing?: boolean }) {
  const { t } = useTranslation(['keys', 'common']);
  const id = useId();
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const busy = useStore((s) => s.keyBusy);
  const check = useStore((s) => s.keyCheck);
  const unverified = useStore((s) => s.unverified);
  const keyError = useStore((s) => s.keyError);
  const keychainProblem = useStore((s) => s.keyStatus?.keychainProblem ?? null);
  const { testKey, saveKey, clearKeyCheck } = useStore.getState();
  const trimmed = key.trim();
  const sessionOnly = keychainProblem !== null;

  async function save(force = false) {
    if (await saveKey(trimmed, sessionOnly, force)) {
      setKey('');
      onSaved?.();
    }
  }

  // With nothing typed, Test checks the key already in force.
  const testing = trimmed || (replacing ? null : undefined);
  const result = check && check.key === (trimmed || null) ? check : null;
  return (
    <form
      className="key-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id} className="key-form__label">
        {replacing ? t('form.replaceLabel') : t('form.label')}
      </label>
      <div className="key-form__row">
        <input
          id={id}
          className="key-form__input"
          type={shown ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('form.placeholder')}
          value={key}
          onChange={(e) => {
            setKey(e.target.value);
            clearKeyCheck();
          }}
        />
        <button type="button" className="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? t('common:hide') : t('common:show')}
        </button>
      </div>
      {sessionOnly && (
        <p className="notice notice--info" role="note">
          {t('form.noKeychain', { problem: keychainProblem })}
        </p>
      )}
      <div className="key-form__actions">
        <button
          type="button"
          className="button"
          disabled={testing === undefined || busy !== null}
          onClick={() => testing !== undefined && void testKey(testing)}
        >
          {busy === 'testing' ? t('form.testing') : trimmed || !replacing ? t('form.test') : t('form.testSaved')}
        </button>
        <button type="submit" className="button button--primary" disabled={!trimmed || busy !== null}>
          {busy === 'saving' ? t('common:saving') : sessionOnly ? t('form.sessionOnly') : t('common:save')}
        </button>
      </div>
      <div role="status" className="key-form__result">
        {result?.ok && <p className="notice notice--ok">{t('form.valid')}</p>}
        {result && !result.ok && result.error && !unverified && <KeyProblem error={result.error} />}
      </div>
      {unverified?.error && (
        <div className="notice notice--warn" role="alert">
          <KeyProblem error={unverified.error} />
          <p>{t('form.saveAnyway')}</p>
          <div className="key-form__actions">
            <button type="button" className="button" onClick={() => void save(true)}>
              {t('form.saveAnywayButton')}
            </button>
            <button type="button" className="button" onClick={clearKeyCheck}>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      )}
      {keyError && (
        <div role="alert">
          <KeyProblem error={keyError} />
        </div>
      )}
    </form>
  );
}

function KeyProblem({ error }: { error: Parameters<typeof errorText>[0] }) {
  const { t } = useTranslation(['keys', 'common']);
  const text = errorText(error, 'settings');
  const openExternal = useStore((s) => s.openExternal);
  return (
    <p className="key-form__problem" data-code={error.code}>
      <strong>{text.title}.</strong> {text.hint}
      {error.code === 'insufficient_credits' && (
        <>
          {' '}
          <button type="button" className="text-button" onClick={() => void openExternal(BILLING_URL)}>
            {t('form.topUp')}
          </button>
        </>
      )}
    </p>
  );
}
