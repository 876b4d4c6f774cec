import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatParams } from '../../../../shared/domain';
import { chatParamsSchema } from '../../../../shared/schemas';

const KEYS = ['temperature', 'top_p', 'max_tokens'] as const;

export interface ColumnParamsProps {
  /** Names the fields for screen readers ("Temperature for <model>"). */
  model: string;
  initial: ChatParams;
  submitLabel: string;
  onSubmit(params: ChatParams): void;
}

/** One column's own parameters; an empty field leaves that parameter to the server. */
export function ColumnParams({ model, initial, submitLabel, onSubmit }: ColumnParamsProps) {
  const id = useId();
  const { t } = useTranslation(['compare', 'fields']);
  const label = (k: (typeof KEYS)[number]) => t(`fields:params.${k}.label`);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(KEYS.map((k) => [k, initial[k]?.toString() ?? ''])),
  );
  const params: Record<string, number> = {};
  for (const k of KEYS) if (values[k]?.trim()) params[k] = Number(values[k]);
  const parsed = chatParamsSchema.safeParse(params);
  const problem = parsed.success ? null : (parsed.error.issues[0]?.path.join('') ?? 'value');
  return (
    <form
      className="compare-params"
      aria-label={t('params.form', { model })}
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed.success) onSubmit(parsed.data);
      }}
    >
      {KEYS.map((k) => (
        <label key={k} htmlFor={`${id}-${k}`} className="compare-params__field">
          <span>{label(k)}</span>
          <input
            id={`${id}-${k}`}
            inputMode="decimal"
            value={values[k]}
            placeholder={t('params.default')}
            aria-label={t('params.field', { param: label(k), model })}
            aria-invalid={problem === k}
            onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
          />
        </label>
      ))}
      {problem && (
        <p className="compare-params__problem" role="alert">
          {KEYS.includes(problem as (typeof KEYS)[number])
            ? t('params.outOfRange', { param: label(problem as (typeof KEYS)[number]) })
            : t('params.someOutOfRange')}
        </p>
      )}
      <button type="submit" className="text-button" disabled={!parsed.success}>
        {submitLabel}
      </button>
    </form>
  );
}
