import { useState } from 'react';
import { useStore } from '../../store';
import { ErrorNotice } from '../chat/ErrorNotice';

/** In Parameters: keep what is set above as an assistant, or as the defaults for new chats. */
export function SaveAsAssistant() {
  const { saveDraftAsAssistant, saveDefaults, setAssistantsOpen, dismissAssistantError } = useStore.getState();
  const error = useStore((s) => s.assistantError);
  const settingsError = useStore((s) => s.settingsError);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  return (
    <section className="presets" aria-label="Assistants">
      <h3>Assistants</h3>
      {error && <ErrorNotice error={error} onDismiss={dismissAssistantError} />}
      {settingsError && <ErrorNotice error={settingsError} onDismiss={useStore.getState().dismissSettingsError} />}
      <p className="muted">Save the model, system prompt and parameters above to start new chats from them.</p>
      <form
        className="presets__save"
        onSubmit={async (e) => {
          e.preventDefault();
          if (name.trim() && (await saveDraftAsAssistant(name))) {
            setStatus(`Saved “${name.trim()}”.`);
            setName('');
          }
        }}
      >
        <input
          aria-label="Assistant name"
          placeholder="Assistant name"
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" disabled={!name.trim()}>
          Save
        </button>
      </form>
      <button type="button" className="text-button" onClick={() => setAssistantsOpen(true)}>
        All assistants…
      </button>
      <button
        type="button"
        className="text-button"
        onClick={async () => {
          if (await saveDefaults()) setStatus('New chats will start with this model and these parameters.');
        }}
      >
        Use these as defaults for new chats
      </button>
      <p role="status" className="muted">
        {status}
      </p>
    </section>
  );
}
