import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelInfo } from '../../../../shared/domain';
import type { Assistant } from '../../../../shared/settings';
import { useStore } from '../../store';
import { Modal } from '../../ui/Modal';
import { errorText } from '../chat/error-text';
import { AssistantForm } from './AssistantForm';
import './assistants.css';

const NO_MODELS: ModelInfo[] = [];

/** Lists the assistants, starts a chat with one, and edits, adds or deletes them. */
export function AssistantsDialog() {
  const { t } = useTranslation(['assistants', 'common']);
  const open = useStore((s) => s.assistantsOpen);
  const assistants = useStore((s) => s.assistants);
  const error = useStore((s) => s.assistantError);
  const models = useStore((s) => s.modelList?.models ?? NO_MODELS);
  const favorites = useStore((s) => s.favoriteModels);
  const recents = useStore((s) => s.recentModels);
  const [editing, setEditing] = useState<{ initial: Assistant; replacing?: string } | null>(null);
  const state = useStore.getState();

  const close = () => {
    setEditing(null);
    state.setAssistantsOpen(false);
  };

  return (
    <Modal open={open} title={t('dialog.title')} onClose={close}>
      {editing ? (
        <AssistantForm
          initial={editing.initial}
          takenNames={assistants.map((a) => a.name).filter((name) => name !== editing.replacing)}
          models={models}
          favorites={favorites}
          recents={recents}
          onToggleFavorite={(id) => void state.toggleFavoriteModel(id)}
          onOpenModels={() => void state.loadModels()}
          onCancel={() => setEditing(null)}
          onSave={async (assistant) => {
            if (await state.saveAssistant(assistant, editing.replacing)) setEditing(null);
          }}
        />
      ) : (
        <>
          <ul className="assistant-list">
            {assistants.map((assistant) => (
              <li key={assistant.name} className="assistant-list__item">
                <div className="assistant-list__text">
                  <strong>{assistant.name}</strong>
                  {assistant.description && <span>{assistant.description}</span>}
                  <code>{assistant.model}</code>
                </div>
                <div className="assistant-list__actions">
                  <button
                    type="button"
                    className="button"
                    aria-label={t('dialog.startWith', { name: assistant.name })}
                    onClick={() => {
                      state.startWithAssistant(assistant);
                      close();
                    }}
                  >
                    {t('dialog.start')}
                  </button>
                  <button
                    type="button"
                    className="text-button"
                    aria-label={t('dialog.edit', { name: assistant.name })}
                    onClick={() => setEditing({ initial: assistant, replacing: assistant.name })}
                  >
                    {t('common:edit')}
                  </button>
                  <button
                    type="button"
                    className="text-button text-button--danger"
                    aria-label={t('dialog.delete', { name: assistant.name })}
                    onClick={() => void state.deleteAssistant(assistant.name)}
                  >
                    {t('common:delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {assistants.length === 0 && <p className="muted">{t('dialog.empty')}</p>}
          <button
            type="button"
            className="button"
            onClick={() => {
              const { model, systemPrompt, params } = state.draft;
              setEditing({ initial: { name: '', description: '', model, systemPrompt, params } });
            }}
          >
            {t('dialog.new')}
          </button>
        </>
      )}
      {error && (
        <p className="assistant-form__problem" role="alert">
          {error.message
            ? t('dialog.error', { title: errorText(error).title, message: error.message })
            : errorText(error).title}
        </p>
      )}
    </Modal>
  );
}
