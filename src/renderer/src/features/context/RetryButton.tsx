import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';

/** Retry, held back with a countdown until the wait a rate limit asked for has passed. */
export function RetryButton({ notBefore, onRetry }: { notBefore: number; onRetry(): void }) {
  const { t } = useTranslation(['context', 'common']);
  const [now, setNow] = useState(() => Date.now());
  const left = Math.ceil((notBefore - now) / 1000);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, notBefore - Date.now()));
    return () => clearTimeout(timer);
  }, [now, left, notBefore]);
  return (
    <button type="button" className="text-button retry-button" disabled={left > 0} onClick={onRetry}>
      <Icon name="refresh" />
      {left > 0 ? t('retryIn', { seconds: left }) : t('common:retry')}
    </button>
  );
}
