import { useTranslation } from 'react-i18next';
import { formatContext, type ModelOption, type OptionGroup } from './model-options';

interface ModelListboxProps {
  id: string;
  optionId(index: number): string;
  label: string;
  groups: OptionGroup[];
  /** Index into the options of all groups together; -1: none. */
  active: number;
  chosen: readonly string[];
  multiple: boolean;
  onHover(index: number): void;
  onChoose(option: ModelOption): void;
  onToggleFavorite(id: string): void;
}

/**
 * The picker's popup list. Focus stays in the combobox's input (aria-activedescendant names the active option),
 * so nothing in here is focusable: the star is a mouse shortcut for what Ctrl/Cmd+D does from the keyboard.
 */
export function ModelListbox(props: ModelListboxProps) {
  const { t } = useTranslation('picker');
  let index = 0;
  return (
    <div
      id={props.id}
      role="listbox"
      aria-label={t('list', { label: props.label })}
      aria-multiselectable={props.multiple || undefined}
      className="picker__list"
      // Keeps focus in the input, so choosing with the mouse does not close the list first.
      onMouseDown={(e) => e.preventDefault()}
    >
      {props.groups.map((group) => (
        <div key={group.key} role="group" aria-labelledby={`${props.id}-${group.key}`} className="picker__group">
          <div id={`${props.id}-${group.key}`} role="presentation" className="picker__group-label">
            {t(`groups.${group.key}`)}
          </div>
          {group.options.map((option) => {
            const at = index++;
            return (
              <div
                key={`${group.key}:${option.id}`}
                id={props.optionId(at)}
                role="option"
                aria-selected={props.chosen.includes(option.id)}
                className={`picker__option${at === props.active ? ' picker__option--active' : ''}`}
                onMouseMove={() => at !== props.active && props.onHover(at)}
                onClick={() => props.onChoose(option)}
              >
                <span
                  className={`picker__star${option.favorite ? ' picker__star--on' : ''}`}
                  aria-hidden="true"
                  title={option.favorite ? t('unstar') : t('star')}
                  onClick={(e) => {
                    e.stopPropagation();
                    props.onToggleFavorite(option.id);
                  }}
                >
                  {option.favorite ? '★' : '☆'}
                </span>
                <span className="picker__id">{option.id}</span>
                {option.favorite && <span className="visually-hidden">{t('isFavourite')}</span>}
                {option.vision && <span className="badge picker__badge">{t('vision')}</span>}
                {option.contextLength !== null && (
                  <span className="picker__context">{t('context', { size: formatContext(option.contextLength) })}</span>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
