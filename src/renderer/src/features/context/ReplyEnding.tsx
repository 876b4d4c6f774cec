import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation(['context', 'chat']);
  if (finishReason === 'content_filter') {
    return (
      <div className="reply-ending" role="status">
        <span className="reply-ending__text">{t('ending.filtered')}</span>
      </div>
    );
  }
  if (finishReason !== 'length') return null;
  return (
    <div className="reply-ending" role="status">
      <span className="reply-ending__text">{t('ending.cut', { limit })}</span>
      <button type="button" className="text-button" onClick={onContinue}>
        {t('chat:continue')}
      </button>
      <button type="button" className="text-button" onClick={onRaiseAndContinue}>
        {t('ending.raise')}
      </button>
    </div>
  );
}
