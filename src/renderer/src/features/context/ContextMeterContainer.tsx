import { useStore } from '../../store';
import { ContextMeter } from './ContextMeter';
import { meterOf } from './meter';

/**
 * The meter for the open chat (or a new one), from main's view of it and the text being typed. Right after another
 * chat opens, the last view stays until the new one arrives, so the meter (and the composer) never jump.
 */
export function ContextMeterContainer({
  text,
  images,
  documentTokens = 0,
}: {
  text: string;
  images: number;
  /** The attached documents' blocks, as main counted them. */
  documentTokens?: number;
}) {
  const view = useStore((s) => s.contextView);
  if (!view) return null;
  return (
    <ContextMeter
      meter={meterOf(view, text, images, documentTokens)}
      contextLength={view.contextLength}
      maxTokens={view.maxTokens}
      source={view.source}
    />
  );
}
