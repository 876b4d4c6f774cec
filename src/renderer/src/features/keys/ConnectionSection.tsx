import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { baseUrlFault, normalizeBaseUrl, originOf } from '../../../../shared/base-url';
import type { BaseUrlChange } from '../../../../shared/contract';
import { DEFAULT_BASE_URL } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/errors';
import { useStore } from '../../store';
import { errorText } from '../chat/error-text';

type Outcome = BaseUrlChange['outcome'] | AppError;

/**
 * Where requests (and the key) go: ModelsLab, or a proxy, gateway or local OpenAI-compatible server. The window only
 * asks: a move to another server is confirmed in a system dialog main shows, and the key stays with the server it
 * was saved for unless the user sends it along there.
 */
export function ConnectionSection() {
  const { t } = useTranslation(['keys', 'common', 'fields']);
  const id = useId();
  const info = useStore((s) => s.info);
  const saved = useStore((s) => s.settings?.baseUrl ?? null);
  const keyStatus = useStore((s) => s.keyStatus);
  const changeBaseUrl = useStore((s) => s.changeBaseUrl);
  const [url, setUrl] = useState(saved ?? '');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const trimmed = url.trim();
  const problem = trimmed ? baseUrlFault(trimmed) : null;
  const current = info?.baseUrl ?? DEFAULT_BASE_URL;

  async function save() {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await changeBaseUrl(trimmed ? normalizeBaseUrl(trimmed) : null));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('connection.title')}</h3>
      <p className="key-status">
        <Trans
          t={t}
          i18nKey={info?.baseUrlFromEnv ? 'connection.requestsGoEnv' : 'connection.requestsGo'}
          values={{ url: current }}
          components={{ code: <code /> }}
        />
      </p>
      <form
        className="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={id} className="key-form__label">
          {t('connection.baseUrl')}
        </label>
        <div className="key-form__row">
          <input
            id={id}
            className="key-form__input"
            value={url}
            placeholder={DEFAULT_BASE_URL}
            spellCheck={false}
            aria-invalid={!!problem || undefined}
            aria-describedby={`${id}-note`}
            onChange={(e) => {
              setUrl(e.target.value);
              setOutcome(null);
            }}
          />
          <button type="submit" className="button" disabled={!!problem || busy}>
            {t('common:save')}
          </button>
        </div>
        {problem ? (
          <p id={`${id}-note`} className="param__error">
            {t('connection.problem', { problem: t(`fields:baseUrl.${problem}`) })}
          </p>
        ) : (
          <p id={`${id}-note`} className="muted">
            {t('connection.confirmNote')}
          </p>
        )}
        {outcome && <OutcomeNotice outcome={outcome} to={current} keyReady={!!keyStatus?.configured} />}
      </form>
    </section>
  );
}

function OutcomeNotice({ outcome, to, keyReady }: { outcome: Outcome; to: string; keyReady: boolean }) {
  const { t } = useTranslation(['keys', 'common']);
  if (typeof outcome === 'object') {
    const text = errorText(outcome, 'settings');
    return (
      <p className="notice notice--warn" role="alert">
        <strong>{text.title}.</strong> {text.detail ?? text.hint}
      </p>
    );
  }
  const message = {
    changed: keyReady ? t('connection.changed') : t('connection.changedNoKey', { origin: originOf(to) }),
    cancelled: t('connection.cancelled'),
    unchanged: t('connection.unchanged'),
  }[outcome];
  const tone = outcome === 'changed' && keyReady ? ' notice--ok' : ' notice--info';
  return (
    <p className={`notice${tone}`} role="status">
      {message}
    </p>
  );
}
