import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { inlineStep } from '../../ui/direction';
import { Modal } from '../../ui/Modal';
import { ErrorNotice } from '../chat/ErrorNotice';
import { AboutSection } from '../settings/AboutSection';
import { DataSection } from '../settings/DataSection';
import { GeneralSection } from '../settings/GeneralSection';
import { TitlesSection } from '../settings/TitlesSection';
import { ConnectionSection } from './ConnectionSection';
import { KeyForm } from './KeyForm';
import { KeyOriginNotice } from './KeyOriginNotice';
import { UpdatesSection } from './UpdatesSection';
import './keys.css';

/** The sentence that says where the key in use comes from, by its source. */
const SOURCE_KEYS = { env: 'key.usingEnv', keychain: 'key.usingKeychain', session: 'key.usingSession' } as const;

interface SettingsPage {
  id: 'general' | 'connection' | 'models' | 'data' | 'updates' | 'about';
  render(close: () => void): ReactNode;
}

/** The pages of Settings, in the order of the list: a new page is one more line here. */
const PAGES: SettingsPage[] = [
  { id: 'general', render: () => <GeneralSection /> },
  {
    id: 'connection',
    render: (close) => (
      <>
        <KeySection onRemoved={close} />
        <ConnectionSection />
      </>
    ),
  },
  { id: 'models', render: () => <TitlesSection /> },
  { id: 'data', render: () => <DataSection /> },
  { id: 'updates', render: () => <UpdatesSection /> },
  { id: 'about', render: () => <AboutSection /> },
];

export function SettingsDialog() {
  const { t } = useTranslation(['keys', 'common']);
  const open = useStore((s) => s.settingsOpen);
  const error = useStore((s) => s.settingsError);
  const { setSettingsOpen, clearKeyCheck, dismissSettingsError } = useStore.getState();
  const close = () => {
    clearKeyCheck();
    setSettingsOpen(false);
  };
  return (
    <Modal open={open} title={t('common:settings')} onClose={close}>
      {error && <ErrorNotice error={error} onDismiss={dismissSettingsError} place="settings" />}
      <SettingsPages close={close} />
    </Modal>
  );
}

/**
 * A vertical tab list beside the open page (WAI-ARIA tabs): Tab reaches the list, the arrow keys, Home and End
 * move between pages, and Tab again goes into the page. Without a key it opens where one is added.
 */
function SettingsPages({ close }: { close(): void }) {
  const { t } = useTranslation(['keys', 'common']);
  const id = useId();
  const noKey = useStore((s) => s.keyStatus !== null && !s.keyStatus.configured);
  const [current, setCurrent] = useState<SettingsPage['id']>(() => (noKey ? 'connection' : 'general'));
  const tabs = useRef<HTMLDivElement>(null);
  const index = Math.max(
    0,
    PAGES.findIndex((p) => p.id === current),
  );
  const page = PAGES[index]!;

  function onKeyDown(event: KeyboardEvent) {
    const inline = (key: string) => inlineStep(key, event.currentTarget);
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowRight: inline('ArrowRight'),
      ArrowUp: -1,
      ArrowLeft: inline('ArrowLeft'),
    };
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? PAGES.length - 1 : steps[event.key] && index + steps[event.key]!;
    if (next === undefined) return;
    event.preventDefault();
    const target = PAGES[(next + PAGES.length) % PAGES.length]!;
    setCurrent(target.id);
    tabs.current?.querySelector<HTMLElement>(`[data-page="${target.id}"]`)?.focus();
  }

  return (
    <div className="settings">
      <div
        className="settings__nav"
        role="tablist"
        aria-label={t('pages.label')}
        aria-orientation="vertical"
        ref={tabs}
        onKeyDown={onKeyDown}
      >
        {PAGES.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`${id}-${p.id}-tab`}
            data-page={p.id}
            className="settings__tab"
            aria-selected={p.id === page.id}
            aria-controls={`${id}-panel`}
            tabIndex={p.id === page.id ? 0 : -1}
            onClick={() => setCurrent(p.id)}
          >
            {t(`pages.${p.id}`)}
          </button>
        ))}
      </div>
      <div className="settings__page" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${page.id}-tab`}>
        {page.render(close)}
      </div>
    </div>
  );
}

function KeySection({ onRemoved }: { onRemoved(): void }) {
  const { t } = useTranslation(['keys', 'common']);
  const status = useStore((s) => s.keyStatus);
  const busy = useStore((s) => s.keyBusy);
  const removeKey = useStore((s) => s.removeKey);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="dialog__section" aria-labelledby="key-title">
      <h3 id="key-title">{t('key.title')}</h3>
      {status?.configured ? (
        <p className="key-status">
          <Trans
            t={t}
            i18nKey={SOURCE_KEYS[status.source!]}
            values={{ hint: status.hint }}
            components={{ strong: <strong translate="no" /> }}
          />
        </p>
      ) : status?.origin ? (
        <KeyOriginNotice />
      ) : (
        <p className="key-status">{t('key.none')}</p>
      )}
      {status?.configured && status.source === 'env' ? (
        <p className="muted">{t('key.envManaged')}</p>
      ) : (
        <>
          <KeyForm replacing={!!status?.configured} />
          {status?.configured &&
            (confirming ? (
              <div className="notice notice--warn" role="alert">
                <p>{t('key.confirmRemove', { hint: status.hint })}</p>
                <div className="key-form__actions">
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={busy !== null}
                    onClick={async () => {
                      await removeKey();
                      onRemoved();
                    }}
                  >
                    {t('key.remove')}
                  </button>
                  <button type="button" className="button" onClick={() => setConfirming(false)}>
                    {t('key.keep')}
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
                {t('key.removeOpen')}
              </button>
            ))}
        </>
      )}
    </section>
  );
}
