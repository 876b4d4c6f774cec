import { useState } from 'react';
import type { ArenaSummary as Summary } from '../../../../shared/compare';
import type { ChatParams } from '../../../../shared/domain';
import { ArenaSummary } from './ArenaSummary';
import { ColumnParams } from './ColumnParams';
import { ModelMultiSelect } from './ModelMultiSelect';
import './compare.css';

export interface CompareBarProps {
  on: boolean;
  onToggle(): void;
  models: string[];
  selected: string[];
  onToggleModel(model: string): void;
  /** Columns with parameters of their own; the others use the chat's. */
  columnParams: Record<string, ChatParams>;
  sharedParams: ChatParams;
  onColumnParams(model: string, params: ChatParams | null): void;
  arena: Summary | null;
}

/** Above the composer: compare mode on or off, the models it asks, each column's own parameters, the arena. */
export function CompareBar(props: CompareBarProps) {
  const { on, selected, columnParams } = props;
  const [openFor, setOpenFor] = useState<string | null>(null);
  const [arenaOpen, setArenaOpen] = useState(false);
  return (
    <div className="compare-bar">
      <button type="button" className="compare-bar__toggle" aria-pressed={on} onClick={props.onToggle}>
        Compare models
      </button>
      {props.arena && props.arena.turns > 0 && (
        <button
          type="button"
          className="text-button"
          aria-expanded={arenaOpen}
          onClick={() => setArenaOpen(!arenaOpen)}
        >
          Arena summary
        </button>
      )}
      {on && (
        <>
          <ModelMultiSelect models={props.models} selected={selected} onToggle={props.onToggleModel} />
          {selected.length > 0 && (
            <div className="compare-bar__columns" role="group" aria-label="Column parameters">
              {selected.map((model) => (
                <button
                  key={model}
                  type="button"
                  className="text-button"
                  aria-expanded={openFor === model}
                  onClick={() => setOpenFor(openFor === model ? null : model)}
                >
                  Parameters for {model}
                  {columnParams[model] ? ' (own)' : ' (shared)'}
                </button>
              ))}
            </div>
          )}
          {openFor && selected.includes(openFor) && (
            <>
              <ColumnParams
                key={openFor}
                model={openFor}
                initial={columnParams[openFor] ?? props.sharedParams}
                submitLabel="Use for this column"
                onSubmit={(params) => {
                  props.onColumnParams(openFor, params);
                  setOpenFor(null);
                }}
              />
              {columnParams[openFor] && (
                <button type="button" className="text-button" onClick={() => props.onColumnParams(openFor, null)}>
                  Use the shared parameters
                </button>
              )}
            </>
          )}
        </>
      )}
      {arenaOpen && props.arena && <ArenaSummary summary={props.arena} />}
    </div>
  );
}
