import { useTranslation } from 'react-i18next';
import './context.css';

/** In the thread, above the first message the next request would carry. */
export function ContextStart({ notSent }: { notSent: number }) {
  const { t } = useTranslation('context');
  return (
    <div className="context-start" role="note">
      <span>{t('notSent', { count: notSent })}</span>
    </div>
  );
}
