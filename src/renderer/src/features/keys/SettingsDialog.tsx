import { useState } from 'react';
import { useStore } from '../../store';
import { Modal } from '../../ui/Modal';
import { ErrorNotice } from '../chat/ErrorNotice';
import { ConnectionSection } from './ConnectionSection';
import { KeyForm } from './KeyForm';
import { KeyOriginNotice } from './KeyOriginNotice';
import { UpdatesSection } from './UpdatesSection';
import { ChatsSection } from '../settings/ChatsSection';

const SOURCE_TEXT = {
  env: 'from the MODELSLAB_API_KEY environment variable',
  keychain: 'saved in your system keychain',
  session: 'for this session only (forgotten when the app quits)',
} as const;

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
      {error && <ErrorNotice error={error} onDismiss={dismissSettingsError} />}
      <KeySection onRemoved={close} />
      <ConnectionSection />
      <ChatsSection />
      <UpdatesSection />
    </Modal>
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
