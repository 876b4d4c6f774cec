import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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

const SOURCE_TEXT = {
  env: 'from the MODELSLAB_API_KEY environment variable',
  keychain: 'saved in your system keychain',
  session: 'for this session only (forgotten when the app quits)',
} as const;

interface SettingsPage {
  id: string;
  label: string;
  render(close: () => void): ReactNode;
}

/** The pages of Settings, in the order of the list: a new page is one more line here. */
const PAGES: SettingsPage[] = [
  { id: 'general', label: 'General', render: () => <GeneralSection /> },
  {
    id: 'connection',
    label: 'Connection',
    render: (close) => (
      <>
        <KeySection onRemoved={close} />
        <ConnectionSection />
      </>
    ),
  },
  { id: 'models', label: 'Models & defaults', render: () => <TitlesSection /> },
  { id: 'data', label: 'Data', render: () => <DataSection /> },
  { id: 'updates', label: 'Updates', render: () => <UpdatesSection /> },
  { id: 'about', label: 'About', render: () => <AboutSection /> },
];

export function SettingsDialog() {
  const open = useStore((s) => s.settingsOpen);
  const error = useStore((s) => s.settingsError);
  const { setSettingsOpen, clearKeyCheck, dismissSettingsError } = useStore.getState();
  const close = () => {
    clearKeyCheck();
    setSettingsOpen(false);
  };
  return (
    <Modal open={open} title="Settings" onClose={close}>
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
  const id = useId();
  const noKey = useStore((s) => s.keyStatus !== null && !s.keyStatus.configured);
  const [current, setCurrent] = useState(() => (noKey ? 'connection' : 'general'));
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
        aria-label="Settings pages"
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
            {p.label}
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
  const status = useStore((s) => s.keyStatus);
  const busy = useStore((s) => s.keyBusy);
  const removeKey = useStore((s) => s.removeKey);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="dialog__section" aria-labelledby="key-title">
      <h3 id="key-title">API key</h3>
      {status?.configured ? (
        <p className="key-status">
          Using the key ending in <strong>{status.hint}</strong>, {SOURCE_TEXT[status.source!]}.
        </p>
      ) : status?.origin ? (
        <KeyOriginNotice />
      ) : (
        <p className="key-status">No API key yet.</p>
      )}
      {status?.configured && status.source === 'env' ? (
        <p className="muted">Unset MODELSLAB_API_KEY and restart to manage the key here.</p>
      ) : (
        <>
          <KeyForm replacing={!!status?.configured} />
          {status?.configured &&
            (confirming ? (
              <div className="notice notice--warn" role="alert">
                <p>Remove the key ending in {status.hint}? You will need to paste it again to chat.</p>
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
                    Remove key
                  </button>
                  <button type="button" className="button" onClick={() => setConfirming(false)}>
                    Keep it
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
                Remove key…
              </button>
            ))}
        </>
      )}
    </section>
  );
}
