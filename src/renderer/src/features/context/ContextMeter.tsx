import { useTranslation } from 'react-i18next';
import type { ContextSource } from '../../../../shared/contract';
import type { Meter } from './meter';
import './context.css';

export interface ContextMeterProps {
  meter: Meter;
  contextLength: number;
  maxTokens: number;
  source: ContextSource;
}

/** Under the composer: how full the next request's context is, as the user types. */
export function ContextMeter({ meter, contextLength, maxTokens, source }: ContextMeterProps) {
  const { t } = useTranslation('context');
  const explain = t(`meter.explain.${source}`, { length: contextLength, reply: maxTokens });
  return (
    <span className="context-meter" data-over={meter.over || undefined} title={explain}>
      <meter
        className="context-meter__bar"
        aria-label={t('meter.label')}
        min={0}
        max={Math.max(1, meter.limit)}
        value={Math.min(meter.used, Math.max(1, meter.limit))}
      />
      <span className="context-meter__text">
        {meter.over
          ? t('meter.over', { used: meter.used, count: meter.limit })
          : t('meter.used', { used: meter.used, count: meter.limit })}
      </span>
    </span>
  );
}
