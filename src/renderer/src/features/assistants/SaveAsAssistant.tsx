import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { ErrorNotice } from '../chat/ErrorNotice';

/** In Parameters: keep what is set above as an assistant, or as the defaults for new chats. */
export function SaveAsAssistant() {
  const { t } = useTranslation(['assistants', 'common']);
  const { saveDraftAsAssistant, saveDefaults, setAssistantsOpen, dismissAssistantError } = useStore.getState();
  const error = useStore((s) => s.assistantError);
  const settingsError = useStore((s) => s.settingsError);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  return (
    <section className="presets" aria-label={t('save.title')}>
      <h3>{t('save.title')}</h3>
      {error && <ErrorNotice error={error} onDismiss={dismissAssistantError} />}
      {settingsError && <ErrorNotice error={settingsError} onDismiss={useStore.getState().dismissSettingsError} />}
      <p className="muted">{t('save.intro')}</p>
      <form
        className="presets__save"
        onSubmit={async (e) => {
          e.preventDefault();
          if (name.trim() && (await saveDraftAsAssistant(name))) {
            setStatus(t('save.saved', { name: name.trim() }));
            setName('');
          }
        }}
      >
        <input
          aria-label={t('save.name')}
          placeholder={t('save.name')}
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" disabled={!name.trim()}>
          {t('common:save')}
        </button>
      </form>
      <button type="button" className="text-button" onClick={() => setAssistantsOpen(true)}>
        {t('save.all')}
      </button>
      <button
        type="button"
        className="text-button"
        onClick={async () => {
          if (await saveDefaults()) setStatus(t('save.defaultsSaved'));
        }}
      >
        {t('save.useAsDefaults')}
      </button>
      <p role="status" className="muted">
        {status}
      </p>
    </section>
  );
}
