import { useTranslation } from 'react-i18next';
import type { Assistant } from '../../../../shared/settings';
import './assistants.css';

interface AssistantCardsProps {
  assistants: readonly Assistant[];
  onStart(assistant: Assistant): void;
  onManage(): void;
}

/** The empty chat's choices: one click starts the chat with an assistant's prompt, model and parameters. */
export function AssistantCards({ assistants, onStart, onManage }: AssistantCardsProps) {
  const { t } = useTranslation('assistants');
  return (
    <section className="assistant-cards" aria-labelledby="assistant-cards-title">
      <h2 id="assistant-cards-title" className="assistant-cards__title">
        {t('cards.title')}
      </h2>
      {assistants.length > 0 && (
        <ul className="assistant-cards__list">
          {assistants.map((assistant) => (
            <li key={assistant.name}>
              <button type="button" className="assistant-card" onClick={() => onStart(assistant)}>
                <span className="assistant-card__name">{assistant.name}</span>
                <span className="assistant-card__description">
                  {assistant.description || assistant.systemPrompt || assistant.model}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="text-button" onClick={onManage}>
        {assistants.length > 0 ? t('cards.edit') : t('cards.make')}
      </button>
    </section>
  );
}
