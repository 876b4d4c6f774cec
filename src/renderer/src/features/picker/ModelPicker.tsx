import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isVisionModel } from '../../../../shared/domain';
import { modelIdSchema } from '../../../../shared/schemas';
import { Icon } from '../../ui/Icon';
import { ModelListbox } from './ModelListbox';
import { pickerGroups, type ModelOption, type PickerLists } from './model-options';
import './picker.css';

interface CommonProps extends PickerLists {
  label: string;
  /** Starred and unstarred from the list (Ctrl/Cmd+D or the star) and, for one model, from the star button. */
  onToggleFavorite(id: string): void;
  /** The list is about to show: a chance to fetch the server's models. */
  onOpen?(): void;
  /** Why the list may be old or empty (the server's list could not be fetched). */
  notice?: string | null;
}

/** One model: the field holds the id, free text included. */
interface SingleProps {
  multiple?: false;
  value: string;
  onChange(model: string): void;
}

/** Up to `max` models, shown as removable chips; the field only searches (compare columns use this). */
interface MultipleProps {
  multiple: true;
  value: readonly string[];
  max: number;
  onChange(models: string[]): void;
}

export type ModelPickerProps = CommonProps & (SingleProps | MultipleProps);

/**
 * A searchable model combobox (the ARIA 1.2 combobox with a listbox popup): type to filter, arrows to move,
 * Enter to choose, Esc to close, Ctrl/Cmd+D to star. Any id may be typed, whether the server lists it or not.
 */
export function ModelPicker(props: ModelPickerProps) {
  const id = useId();
  const { t } = useTranslation('picker');
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  // null: nothing typed since the list opened, so it shows everything rather than only the current id.
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [search, setSearch] = useState('');
  const [full, setFull] = useState(false);
  const { models, favorites, recents } = props;
  const { groups, hidden } = useMemo(
    () => pickerGroups({ models, favorites, recents }, query ?? ''),
    [models, favorites, recents, query],
  );
  const flat = groups.flatMap((g) => g.options);
  const chosen = props.multiple ? props.value : [props.value];

  useEffect(() => {
    if (open && active >= 0) document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, id]);

  function show(at = -1) {
    if (!open) props.onOpen?.();
    setOpen(true);
    setActive(at);
  }

  function close() {
    setOpen(false);
    setQuery(null);
    setActive(-1);
    setFull(false);
  }

  function choose(option: Pick<ModelOption, 'id'>) {
    if (!props.multiple) {
      props.onChange(option.id);
      close();
      return;
    }
    const { value, max, onChange } = props;
    if (value.includes(option.id)) onChange(value.filter((m) => m !== option.id));
    else if (value.length < max) onChange([...value, option.id]);
    else return setFull(true);
    setFull(false);
    setSearch('');
    setQuery(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = flat.length - 1;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) show(event.altKey ? -1 : 0);
      else setActive(Math.min(active + 1, last));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) show(last);
      else setActive(Math.max(active - 1, 0));
    } else if (event.key === 'Enter' && open && flat[active]) {
      event.preventDefault();
      choose(flat[active]);
    } else if (event.key === 'Enter' && props.multiple && search.trim()) {
      event.preventDefault();
      const typed = modelIdSchema.safeParse(search);
      if (typed.success) choose({ id: typed.data });
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      close();
    } else if (event.key === 'Escape' && open) {
      // The window's own Esc (stop a reply) must not also fire.
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'd') {
      event.preventDefault();
      const target = open && flat[active] ? flat[active].id : props.multiple ? null : props.value.trim();
      if (target && modelIdSchema.safeParse(target).success) props.onToggleFavorite(target);
    } else if (event.key === 'Backspace' && props.multiple && search === '' && props.value.length > 0) {
      props.onChange(props.value.slice(0, -1));
    }
  }

  const single = props.multiple ? null : props.value.trim();
  const starred = single !== null && favorites.includes(single);
  return (
    <div className={`picker${props.multiple ? ' picker--multiple' : ''}`}>
      <label htmlFor={`${id}-input`} className="picker__label">
        {props.label}
      </label>
      {props.multiple && props.value.length > 0 && (
        <ul className="picker__chips" aria-label={t('chosen', { chosen: props.value.length, max: props.max })}>
          {props.value.map((model) => (
            <li key={model} className="picker__chip">
              <span>{model}</span>
              <button
                type="button"
                className="picker__chip-remove"
                aria-label={t('remove', { model })}
                onClick={() => choose({ id: model })}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="picker__field">
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="picker__input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${id}-listbox`}
          aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
          aria-keyshortcuts="Control+D Meta+D"
          value={props.multiple ? search : props.value}
          placeholder={props.multiple ? t('addModel') : undefined}
          spellCheck={false}
          autoComplete="off"
          onFocus={() => props.onOpen?.()}
          onClick={() => (open ? close() : show())}
          onBlur={close}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            if (props.multiple) setSearch(e.target.value);
            else props.onChange(e.target.value);
            setQuery(e.target.value);
            show();
          }}
        />
        {single !== null && isVisionModel(single) && (
          <span className="badge" title={t('visionTitle')}>
            {t('vision')}
          </span>
        )}
        {single !== null && (
          <button
            type="button"
            className={`icon-button icon-button--small picker__star-button${starred ? ' picker__star-button--on' : ''}`}
            aria-label={t('favouriteModel')}
            aria-pressed={starred}
            disabled={!modelIdSchema.safeParse(single).success}
            onClick={() => props.onToggleFavorite(single)}
          >
            <Icon name="star" />
          </button>
        )}
      </div>
      {open && (
        <div className="picker__popup">
          <ModelListbox
            id={`${id}-listbox`}
            optionId={(index) => `${id}-option-${index}`}
            label={props.label}
            groups={groups}
            active={active}
            chosen={chosen}
            multiple={props.multiple === true}
            onHover={setActive}
            onChoose={choose}
            onToggleFavorite={props.onToggleFavorite}
          />
          <p className="picker__hint" aria-live="polite">
            {[
              full && props.multiple ? t('hint.full', { max: props.max }) : '',
              flat.length === 0 ? t('hint.noMatch') : '',
              hidden > 0 ? t('hint.more', { count: hidden }) : '',
              props.notice ?? '',
              t('hint.keys'),
            ]
              .filter(Boolean)
              .join(' ')}
          </p>
        </div>
      )}
    </div>
  );
}
