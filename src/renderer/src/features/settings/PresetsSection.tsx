import { useState } from 'react';
import { useStore } from '../../store';
import { ErrorNotice } from '../chat/ErrorNotice';

/** Named starting points (model, system prompt, parameters) and the defaults for new chats. */
export function PresetsSection() {
  const presets = useStore((s) => s.settings?.presets ?? []);
  const error = useStore((s) => s.presetError);
  const { savePreset, deletePreset, startFromPreset, saveDefaults, dismissPresetError } = useStore.getState();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  return (
    <section className="presets" aria-label="Presets">
      <h3>Presets</h3>
      {error && <ErrorNotice error={error} onDismiss={dismissPresetError} />}
      {presets.length > 0 ? (
        <ul className="presets__list">
          {presets.map((p) => (
            <li key={p.name}>
              <button
                type="button"
                className="text-button presets__use"
                title={`${p.model}${p.systemPrompt ? ` · ${p.systemPrompt.slice(0, 80)}` : ''}`}
                onClick={() => {
                  startFromPreset(p);
                  setStatus(`New chat from “${p.name}”.`);
                }}
              >
                {p.name}
              </button>
              <button
                type="button"
                className="text-button"
                aria-label={`Delete preset ${p.name}`}
                onClick={() => void deletePreset(p.name)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Save the model, system prompt and parameters above to start new chats from them.</p>
      )}
      <form
        className="presets__save"
        onSubmit={async (e) => {
          e.preventDefault();
          if (name.trim() && (await savePreset(name))) {
            setStatus(`Saved “${name.trim()}”.`);
            setName('');
          }
        }}
      >
        <input
          aria-label="Preset name"
          placeholder="Preset name"
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" disabled={!name.trim()}>
          Save preset
        </button>
      </form>
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
