import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARAM_SPECS, type ChatParams } from '../../../../shared/domain';
import { chatParamsSchema } from '../../../../shared/schemas';
import { i18n } from '../../i18n';
import './settings.css';

export interface ParamFieldProps {
  name: keyof ChatParams;
  value: number | undefined;
  onChange(value: number | undefined): void;
}

/** Why the typed text is not a value main would accept (main's own schema), in the language shown now. */
export function paramProblem(name: keyof ChatParams, raw: string): string | null {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) return i18n.t('settings:params.enterNumber');
  const result = chatParamsSchema.shape[name].safeParse(n);
  if (result.success) return null;
  const spec = PARAM_SPECS[name];
  return result.error.issues.some((i) => i.code === 'invalid_type')
    ? i18n.t('settings:params.wholeNumber')
    : i18n.t('settings:params.between', { min: spec.min, max: spec.max });
}

/** A slider and a number box for one sampling parameter; empty means the server's default. */
export function ParamField({ name, value, onChange }: ParamFieldProps) {
  const { t } = useTranslation(['settings', 'fields']);
  const id = useId();
  const spec = PARAM_SPECS[name];
  const label = t(`fields:params.${name}.label`);
  const [raw, setRaw] = useState<string | null>(null);
  const problem = raw === null ? null : paramProblem(name, raw);
  const defaultText =
    spec.serverDefault === null ? t('params.modelDefault') : t('params.defaultIs', { value: spec.serverDefault });
  const shown = raw ?? (value === undefined ? '' : String(value));
  const sliderMax = spec.integer ? Math.min(spec.max, 8192) : spec.max;

  return (
    <div className="param" data-param={spec.label}>
      <div className="param__head">
        <label htmlFor={id}>{label}</label>
        <span className="param__range">
          {t('params.range', { min: spec.min, max: spec.max })} · {defaultText}
        </span>
      </div>
      <div className="param__controls">
        <input
          type="range"
          aria-label={t('params.slider', { label })}
          min={spec.min}
          max={sliderMax}
          step={spec.step}
          value={value ?? spec.serverDefault ?? (spec.min + spec.max) / 2}
          data-unset={value === undefined || undefined}
          onChange={(e) => {
            setRaw(null);
            onChange(Number(e.target.value));
          }}
        />
        <input
          id={id}
          className="param__number"
          inputMode="decimal"
          placeholder={t('params.placeholder')}
          value={shown}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            const next = e.target.value;
            if (next.trim() === '') {
              setRaw(null);
              onChange(undefined);
              return;
            }
            setRaw(next);
            if (!paramProblem(name, next)) onChange(Number(next));
          }}
          onBlur={() => {
            if (!problem) setRaw(null);
          }}
        />
        <button
          type="button"
          className="text-button"
          disabled={value === undefined && raw === null}
          onClick={() => {
            setRaw(null);
            onChange(undefined);
          }}
        >
          {t('params.reset')}
        </button>
      </div>
      <p id={`${id}-help`} className={problem ? 'param__error' : 'param__help'}>
        {problem ?? t(`fields:params.${name}.help`)}
      </p>
    </div>
  );
}
