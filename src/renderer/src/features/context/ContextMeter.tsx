import type { ContextSource } from '../../../../shared/contract';
import { formatTokens, type Meter } from './meter';
import './context.css';

const SOURCE: Record<ContextSource, string> = {
  conversation: 'set for this chat',
  server: 'from the server’s model list',
  table: 'known for this model',
  default: 'assumed: the model’s length is not known; set it in Parameters',
};

export interface ContextMeterProps {
  meter: Meter;
  contextLength: number;
  maxTokens: number;
  source: ContextSource;
}

/** Under the composer: how full the next request's context is, as the user types. */
export function ContextMeter({ meter, contextLength, maxTokens, source }: ContextMeterProps) {
  const explain =
    `Tokens this message would send (estimated), out of the model's context of ${formatTokens(contextLength)} ` +
    `(${SOURCE[source]}) less ${formatTokens(maxTokens)} kept for the reply.`;
  return (
    <span className="context-meter" data-over={meter.over || undefined} title={explain}>
      <meter
        className="context-meter__bar"
        aria-label="Context used"
        min={0}
        max={Math.max(1, meter.limit)}
        value={Math.min(meter.used, Math.max(1, meter.limit))}
      />
      <span className="context-meter__text">
        {meter.over
          ? `Too long for this model: ≈${formatTokens(meter.used)} of ${formatTokens(meter.limit)} tokens`
          : `≈${formatTokens(meter.used)} / ${formatTokens(meter.limit)} tokens`}
      </span>
    </span>
  );
}
