import { useId } from 'react';
import { API_KEYS_URL, BILLING_URL } from '../../../../shared/domain';
import { useStore } from '../../store';

/** Settings → About: which version this is, and the ModelsLab pages a user needs (opened by main, checked). */
export function AboutSection() {
  const id = useId();
  const info = useStore((s) => s.info);
  const openExternal = useStore((s) => s.openExternal);
  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>ModelsLab Chat</h3>
      <p className="key-status">
        Version {info?.version ?? '…'}
        {info?.platform ? ` on ${info.platform}` : ''}.
      </p>
      <div className="settings__buttons">
        <button type="button" className="button" onClick={() => void openExternal(API_KEYS_URL)}>
          API keys on modelslab.com
        </button>
        <button type="button" className="button" onClick={() => void openExternal(BILLING_URL)}>
          Billing and credits
        </button>
      </div>
    </section>
  );
}
