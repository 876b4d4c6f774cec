import { useId, useState } from 'react';
import { DEFAULT_BASE_URL, isExposedBaseUrl } from '../../../../shared/domain';
import { useStore } from '../../store';

/** Where requests (and the key) go: ModelsLab, or a proxy, gateway or local OpenAI-compatible server. */
export function ConnectionSection() {
  const id = useId();
  const info = useStore((s) => s.info);
  const saved = useStore((s) => s.settings?.baseUrl ?? null);
  const setBaseUrl = useStore((s) => s.setBaseUrl);
  const [url, setUrl] = useState(saved ?? '');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const trimmed = url.trim().replace(/\/+$/, '');
  const valid = trimmed === '' || /^https?:\/\/[^\s]+$/.test(trimmed);

  async function save(confirmed = false) {
    if (trimmed && isExposedBaseUrl(trimmed) && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setDone(await setBaseUrl(trimmed || null));
  }

  return (
    <section className="dialog__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Connection</h3>
      <p className="key-status">
        Requests go to <code>{info?.baseUrl ?? DEFAULT_BASE_URL}</code>
        {info?.baseUrlFromEnv && ' (from MODELSLAB_BASE_URL, which wins over this setting)'}.
      </p>
      <form
        className="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={id} className="key-form__label">
          Base URL
        </label>
        <div className="key-form__row">
          <input
            id={id}
            className="key-form__input"
            value={url}
            placeholder={DEFAULT_BASE_URL}
            spellCheck={false}
            aria-invalid={!valid || undefined}
            onChange={(e) => {
              setUrl(e.target.value);
              setConfirming(false);
              setDone(false);
            }}
          />
          <button type="submit" className="button" disabled={!valid}>
            Save
          </button>
        </div>
        {!valid && <p className="param__error">Enter an http or https address, or leave it empty for ModelsLab.</p>}
        {done && (
          <p className="notice notice--ok" role="status">
            Saved. New requests use it now.
          </p>
        )}
        {confirming && (
          <div className="notice notice--warn" role="alert">
            <p>
              {trimmed} is not HTTPS and not on this computer, so your API key would cross the network unencrypted. Use
              it anyway?
            </p>
            <div className="key-form__actions">
              <button type="button" className="button button--danger" onClick={() => void save(true)}>
                Use it anyway
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}
