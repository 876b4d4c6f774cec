import { useId, useState } from 'react';
import { COMPARE_COLUMNS } from '../../../../shared/compare';
import { modelIdSchema } from '../../../../shared/schemas';

export interface ModelMultiSelectProps {
  models: string[];
  selected: string[];
  onToggle(model: string): void;
}

/**
 * The models a comparison asks, as a group of checkboxes (plain, keyboard-reachable, announced by any screen
 * reader), and a field for an id the server's list does not have. On its own so a richer picker can take its place
 * with the same props.
 */
export function ModelMultiSelect({ models, selected, onToggle }: ModelMultiSelectProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const full = selected.length >= COMPARE_COLUMNS.max;
  // Chosen ids the list does not have stay visible, so they can be unticked.
  const all = [...new Set([...selected, ...models])];
  const parsed = modelIdSchema.safeParse(typed);
  const canAdd = parsed.success && !full && !selected.includes(parsed.data);
  return (
    <fieldset className="compare-models">
      <legend>
        Models to compare: {selected.length} chosen, {COMPARE_COLUMNS.min} to {COMPARE_COLUMNS.max}
      </legend>
      {all.map((model) => {
        const on = selected.includes(model);
        return (
          <label key={model} className="compare-models__option">
            <input type="checkbox" checked={on} disabled={!on && full} onChange={() => onToggle(model)} />
            <span>{model}</span>
          </label>
        );
      })}
      <form
        className="compare-models__add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!canAdd) return;
          onToggle(parsed.data);
          setTyped('');
        }}
      >
        <label htmlFor={`${id}-model`} className="visually-hidden">
          Another model id
        </label>
        <input
          id={`${id}-model`}
          value={typed}
          placeholder="Another model id"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="text-button" disabled={!canAdd}>
          Add
        </button>
      </form>
    </fieldset>
  );
}
