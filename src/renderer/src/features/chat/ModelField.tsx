import { useId } from 'react';
import { isVisionModel } from '../../../../shared/domain';
import { useStore } from '../../store';
import './chat.css';

/** Free text with suggestions from the server's list (or the saved one when offline). */
export function ModelField() {
  const listId = useId();
  const model = useStore((s) => s.draft.model);
  const models = useStore((s) => s.modelList?.models);
  const { setDraft, loadModels } = useStore.getState();
  return (
    <div className="model-field">
      <label htmlFor={`${listId}-input`}>Model</label>
      <input
        id={`${listId}-input`}
        list={listId}
        value={model}
        spellCheck={false}
        autoComplete="off"
        onFocus={() => void loadModels()}
        onChange={(e) => setDraft({ model: e.target.value })}
      />
      <datalist id={listId}>
        {models?.map((m) => (
          <option key={m.id} value={m.id} label={m.vision ? 'accepts images' : undefined} />
        ))}
      </datalist>
      {isVisionModel(model) && (
        <span className="badge" title="This model accepts images">
          Vision
        </span>
      )}
    </div>
  );
}
