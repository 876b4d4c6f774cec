import { useTranslation } from 'react-i18next';
import { BILLING_URL } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/errors';
import { Icon } from '../../ui/Icon';
import type { OpenLink } from '../markdown/MarkdownBlock';
import { errorText, type ErrorPlace } from './error-text';
import './chat.css';

export interface ErrorNoticeProps {
  error: AppError;
  onDismiss?: () => void;
  /** Opens a fixed ModelsLab page through main's link check: the way to the billing page on a 402. */
  onOpenLink?: OpenLink;
  place?: ErrorPlace;
}

export function ErrorNotice({ error, onDismiss, onOpenLink, place }: ErrorNoticeProps) {
  // Subscribes to the language, so the words change with it; errorText looks them up as it runs.
  const { t } = useTranslation(['errors', 'common']);
  const text = errorText(error, place);
  return (
    <div className="error-notice" role="alert" data-code={error.code}>
      <span className="error-notice__icon">
        <Icon name="alert" />
      </span>
      <div className="error-notice__body">
        <strong className="error-notice__title">{text.title}</strong>
        {text.hint && <p className="error-notice__hint">{text.hint}</p>}
        {text.detail && (
          <p className="error-notice__detail" lang={text.detailLanguage ?? undefined}>
            {text.detail}
          </p>
        )}
        {error.code === 'insufficient_credits' && onOpenLink && (
          <button type="button" className="button error-notice__action" onClick={() => onOpenLink(BILLING_URL, '')}>
            {t('topUp')}
          </button>
        )}
      </div>
      {onDismiss && (
        <button
          type="button"
          className="icon-button"
          aria-label={t('common:dismiss')}
          title={t('common:dismiss')}
          onClick={onDismiss}
        >
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}
