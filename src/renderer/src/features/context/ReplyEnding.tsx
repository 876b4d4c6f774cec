import { formatTokens } from './meter';
import './context.css';

export interface ReplyEndingProps {
  finishReason: string | null;
  /** The limit the reply was cut at, when known. */
  limit: number;
  onContinue(): void;
  onRaiseAndContinue(): void;
}

/** Under a finished reply that the server did not let finish: cut at max_tokens, or stopped by a content filter. */
export function ReplyEnding({ finishReason, limit, onContinue, onRaiseAndContinue }: ReplyEndingProps) {
  if (finishReason === 'content_filter') {
    return (
      <div className="reply-ending" role="status">
        <span className="reply-ending__text">Stopped by the server’s content filter; the reply may be incomplete.</span>
      </div>
    );
  }
  if (finishReason !== 'length') return null;
  return (
    <div className="reply-ending" role="status">
      <span className="reply-ending__text">Cut at the max-tokens limit ({formatTokens(limit)}).</span>
      <button type="button" className="text-button" onClick={onContinue}>
        Continue
      </button>
      <button type="button" className="text-button" onClick={onRaiseAndContinue}>
        Raise the limit and continue
      </button>
    </div>
  );
}
