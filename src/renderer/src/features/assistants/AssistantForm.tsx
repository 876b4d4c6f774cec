import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { LIMITS } from '../../../../shared/domain';
import { assistantSchema } from '../../../../shared/schemas';
import type { Assistant } from '../../../../shared/settings';
import { ModelPicker } from '../picker/ModelPicker';
import type { PickerLists } from '../picker/model-options';

interface AssistantFormProps extends PickerLists {
  initial: Assistant;
  /** Names already taken by other assistants. */
  takenNames: readonly string[];
  onSave(assistant: Assistant): void;
  onCancel(): void;
  onToggleFavorite(id: string): void;
  onOpenModels(): void;
}

/** The first problem the schema found, in the UI language: what the name or model lacks, else a general word. */
function problemText(issue: { path: PropertyKey[]; code: string } | undefined, t: TFunction<'assistants'>): string {
  const field = issue?.path[0];
  if (field === 'name' && issue?.code === 'too_small') return t('form.nameMissing');
  if (field === 'model') return issue?.code === 'too_small' ? t('form.modelMissing') : t('form.modelInvalid');
  return t('form.checkFields');
}

/** Edits one assistant's name, description, model and system prompt; its parameters are kept as they are. */
export function AssistantForm(props: AssistantFormProps) {
  const id = useId();
  const { t } = useTranslation(['assistants', 'common']);
  const [draft, setDraft] = useState(props.initial);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="assistant-form"
      aria-label={props.initial.name ? t('form.edit', { name: props.initial.name }) : t('form.new')}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = assistantSchema.safeParse(draft);
        if (!parsed.success) return setProblem(problemText(parsed.error.issues[0], t));
        if (props.takenNames.includes(parsed.data.name)) return setProblem(t('form.nameTaken'));
        props.onSave(parsed.data);
      }}
    >
      <label className="field">
        <span>{t('form.name')}</span>
        <input
          value={draft.name}
          maxLength={LIMITS.assistantName}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('form.description')}</span>
        <input
          value={draft.description}
          maxLength={LIMITS.assistantDescription}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
      </label>
      <ModelPicker
        label={t('form.model')}
        value={draft.model}
        onChange={(model) => setDraft({ ...draft, model })}
        models={props.models}
        favorites={props.favorites}
        recents={props.recents}
        onToggleFavorite={props.onToggleFavorite}
        onOpen={props.onOpenModels}
      />
      <label className="field">
        <span>{t('form.systemPrompt')}</span>
        <textarea
          rows={6}
          value={draft.systemPrompt}
          onChange={(e) => setDraft({ ...draft, systemPrompt: e.target.value })}
        />
      </label>
      {problem && (
        <p id={`${id}-problem`} className="assistant-form__problem" role="alert">
          {problem}
        </p>
      )}
      <div className="assistant-form__actions">
        <button type="button" className="text-button" onClick={props.onCancel}>
          {t('common:cancel')}
        </button>
        <button type="submit" className="button">
          {t('form.save')}
        </button>
      </div>
    </form>
  );
}
