import { useId, useState } from 'react';
import type { ContextSettings, ContextView } from '../../../../shared/contract';
import { LIMITS } from '../../../../shared/domain';
import { formatTokens } from './meter';
import './context.css';

const SOURCE: Record<ContextView['source'], string> = {
  conversation: 'set here',
  server: 'from the server',
  table: 'known for this model',
  default: 'a guess',
};

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
  const id = useId();
  const [lengthText, setLengthText] = useState<string | null>(null);
  const [lastText, setLastText] = useState<string | null>(null);
  const auto =
    view && view.source !== 'conversation' ? `${formatTokens(view.contextLength)}, ${SOURCE[view.source]}` : '';
  const lengthBad = lengthText !== null && parse(lengthText, 256, LIMITS.contextLength) === undefined;
  const lastBad = lastText !== null && parse(lastText, 1, LIMITS.sendLast) === undefined;
  const lastN = value.sendLast ?? 20;

  return (
    <section className="context-fields" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Context</h3>
      <label className="context-fields__row">
        Context length
        <input
          type="number"
          min={256}
          step={1024}
          placeholder="auto"
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
        tokens
      </label>
      <p id={`${id}-length`} className="context-fields__help">
        {lengthBad
          ? 'A whole number of at least 256'
          : auto
            ? `Empty: ${auto}.`
            : 'Empty: from the server’s list or the model’s known length.'}
      </p>
      <div className="context-fields__choices" role="radiogroup" aria-label="Messages sent">
        <label>
          <input
            type="radio"
            name={`${id}-send`}
            checked={value.sendLast === null}
            onChange={() => onChange({ sendLast: null })}
          />{' '}
          All that fit
        </label>
        <div className="context-fields__row">
          <label>
            <input
              type="radio"
              name={`${id}-send`}
              checked={value.sendLast !== null}
              onChange={() => onChange({ sendLast: lastN })}
            />{' '}
            The last
          </label>
          <input
            type="number"
            className="context-fields__count"
            aria-label="Number of messages sent"
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
          messages
        </div>
      </div>
      <p className="context-fields__help">
        The newest whole turns that fit go with each message; older ones stay here but are not sent.
      </p>
    </section>
  );
}
