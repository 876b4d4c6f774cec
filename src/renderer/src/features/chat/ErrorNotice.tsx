import { Icon } from '../../ui/Icon';
import type { AppError } from '../../../../shared/errors';
import { errorText } from './error-text';
import './chat.css';

export function ErrorNotice({ error, onDismiss }: { error: AppError; onDismiss?: () => void }) {
  const text = errorText(error);
  return (
    <div className="error-notice" role="alert" data-code={error.code}>
      <div className="error-notice__body">
        <strong className="error-notice__title">{text.title}</strong>
        {text.hint && <p className="error-notice__hint">{text.hint}</p>}
        {text.detail && <p className="error-notice__detail">{text.detail}</p>}
      </div>
      {onDismiss && (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}
