import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextSettings, ContextView } from '../../../../shared/contract';
import { LIMITS } from '../../../../shared/domain';
import './context.css';

export interface ContextFieldsProps {
  value: ContextSettings;
  view: ContextView | null;
  onChange(patch: Partial<ContextSettings>): void;
}

/** A whole number within bounds, or null for empty; undefined while the text is not one. */
function parse(raw: string, min: number, max: number): number | null | undefined {
  if (raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** In the parameters panel: the model's context length for this chat, and how much of the chat is sent. */
export function ContextFields({ value, view, onChange }: ContextFieldsProps) {
  const { t } = useTranslation('context');
  const id = useId();
  const [lengthText, setLengthText] = useState<string | null>(null);
  const [lastText, setLastText] = useState<string | null>(null);
  const auto =
    view && view.source !== 'conversation' ? t(`fields.auto.${view.source}`, { length: view.contextLength }) : '';
  const lengthBad = lengthText !== null && parse(lengthText, 256, LIMITS.contextLength) === undefined;
  const lastBad = lastText !== null && parse(lastText, 1, LIMITS.sendLast) === undefined;
  const lastN = value.sendLast ?? 20;

  return (
    <section className="context-fields" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('fields.title')}</h3>
      <label className="context-fields__row">
        {t('fields.length')}
        <input
          type="number"
          min={256}
          step={1024}
          placeholder={t('fields.auto.placeholder')}
          value={lengthText ?? value.contextLength ?? ''}
          aria-invalid={lengthBad || undefined}
          aria-describedby={`${id}-length`}
          onChange={(e) => {
            const parsed = parse(e.target.value, 256, LIMITS.contextLength);
            setLengthText(e.target.value);
            if (parsed !== undefined) onChange({ contextLength: parsed });
          }}
          onBlur={() => !lengthBad && setLengthText(null)}
        />
        {t('fields.lengthUnit')}
      </label>
      <p id={`${id}-length`} className="context-fields__help">
        {lengthBad ? t('fields.lengthBad', { min: 256 }) : auto || t('fields.auto.unknown')}
      </p>
      <div className="context-fields__choices" role="radiogroup" aria-label={t('fields.sent')}>
        <label>
          <input
            type="radio"
            name={`${id}-send`}
            checked={value.sendLast === null}
            onChange={() => onChange({ sendLast: null })}
          />{' '}
          {t('fields.allThatFit')}
        </label>
        <div className="context-fields__row">
          <label>
            <input
              type="radio"
              name={`${id}-send`}
              checked={value.sendLast !== null}
              onChange={() => onChange({ sendLast: lastN })}
            />{' '}
            {t('fields.lastBefore')}
          </label>
          {/* The count sits between two words; each language fills either side (ja: 直近の [n] 件のメッセージ). */}
          <input
            type="number"
            className="context-fields__count"
            aria-label={t('fields.lastCount')}
            min={1}
            value={lastText ?? lastN}
            aria-invalid={lastBad || undefined}
            onChange={(e) => {
              const parsed = parse(e.target.value, 1, LIMITS.sendLast);
              setLastText(e.target.value);
              if (parsed) onChange({ sendLast: parsed });
            }}
            onBlur={() => !lastBad && setLastText(null)}
          />
          {t('fields.lastAfter')}
        </div>
      </div>
      <p className="context-fields__help">{t('fields.help')}</p>
    </section>
  );
}
