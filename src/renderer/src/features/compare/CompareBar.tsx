import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPARE_COLUMNS, type ArenaSummary as Summary } from '../../../../shared/compare';
import type { ChatParams } from '../../../../shared/domain';
import { ArenaSummary } from './ArenaSummary';
import { ModelPicker } from '../picker/ModelPicker';
import type { PickerFeed } from '../picker/ModelPickerContainer';
import { ColumnParams } from './ColumnParams';
import './compare.css';

export interface CompareBarProps {
  on: boolean;
  onToggle(): void;
  /** The lists the model picker shows, as the composer's picker has them. */
  feed: PickerFeed;
  selected: string[];
  onModels(models: string[]): void;
  /** Columns with parameters of their own; the others use the chat's. */
  columnParams: Record<string, ChatParams>;
  sharedParams: ChatParams;
  onColumnParams(model: string, params: ChatParams | null): void;
  arena: Summary | null;
  /** The open chat's compare turn waiting for its answer: a new one folds the model list away. */
  waitingRunId: string | null;
}

/**
 * Above the composer: compare mode on or off, and behind one disclosure each, the models it asks (with each column's
 * own parameters) and the arena, so a small window keeps its room for the thread.
 */
export function CompareBar(props: CompareBarProps) {
  const { on, selected } = props;
  const { t } = useTranslation('compare');
  const [pickerOpen, setPickerOpen] = useState(true);
  const [arenaOpen, setArenaOpen] = useState(false);
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [seenRun, setSeenRun] = useState(props.waitingRunId);
  if (props.waitingRunId !== seenRun) {
    setSeenRun(props.waitingRunId);
    if (props.waitingRunId) setPickerOpen(false);
  }
  const showPicker = on && (pickerOpen || selected.length < COMPARE_COLUMNS.min);
  return (
    <div className="compare-bar">
      <div className="compare-bar__row">
        <button type="button" className="compare-bar__toggle" aria-pressed={on} onClick={props.onToggle}>
          {t('bar.toggle')}
        </button>
        {on && (
          <button
            type="button"
            className="text-button compare-bar__summary"
            aria-expanded={showPicker}
            // Pressed while the picker's list is open, the field's blur would close the list at once and move this
            // button from under the pointer before the click; the focus moves here at the click instead.
            onMouseDown={(e) => e.preventDefault()}
            onClick={(e) => {
              e.currentTarget.focus();
              setPickerOpen(!showPicker);
            }}
          >
            {/* Open, the chips below name the models; folded, this line does. */}
            {selected.length === 0
              ? t('bar.pick')
              : showPicker
                ? t('bar.count', { count: selected.length })
                : t('bar.countNamed', { count: selected.length, models: selected })}
          </button>
        )}
        {props.arena && props.arena.turns > 0 && (
          <button
            type="button"
            className="text-button"
            aria-expanded={arenaOpen}
            onClick={() => setArenaOpen(!arenaOpen)}
          >
            {t('bar.arena')}
          </button>
        )}
      </div>
      {showPicker && <Picker {...props} />}
      {arenaOpen && props.arena && <ArenaSummary summary={props.arena} />}
    </div>
  );
}

function Picker(props: CompareBarProps) {
  const { selected, columnParams } = props;
  const [openFor, setOpenFor] = useState<string | null>(null);
  const { t } = useTranslation('compare');
  return (
    <>
      <ModelPicker
        multiple
        label={t('bar.pickerLabel', COMPARE_COLUMNS)}
        max={COMPARE_COLUMNS.max}
        value={selected}
        onChange={props.onModels}
        {...props.feed}
      />
      {selected.length > 0 && (
        <div className="compare-bar__columns" role="group" aria-label={t('bar.columns')}>
          {selected.map((model) => (
            <button
              key={model}
              type="button"
              className="text-button"
              aria-expanded={openFor === model}
              onClick={() => setOpenFor(openFor === model ? null : model)}
            >
              {columnParams[model] ? t('bar.paramsOwn', { model }) : t('bar.paramsShared', { model })}
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
            submitLabel={t('bar.useForColumn')}
            onSubmit={(params) => {
              props.onColumnParams(openFor, params);
              setOpenFor(null);
            }}
          />
          {columnParams[openFor] && (
            <button type="button" className="text-button" onClick={() => props.onColumnParams(openFor, null)}>
              {t('bar.useShared')}
            </button>
          )}
        </>
      )}
    </>
  );
}
