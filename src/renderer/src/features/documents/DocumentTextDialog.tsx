import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DocumentText } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import { Modal } from '../../ui/Modal';
import { errorText } from '../chat/error-text';
import './documents.css';

/** More than this is not drawn at once: a 2,000-page PDF would hold the page for seconds. */
const SHOWN_CHARS = 200_000;

function shownText(document: DocumentText, t: TFunction<'documents'>): string {
  if (!document.pages) return document.text;
  return document.pages.map((page, i) => `${t('pageMark', { page: i + 1 })}\n${page}`).join('\n');
}

/** The text extracted from a document, as the model will read it. */
export function DocumentTextDialog(props: { text: DocumentText | null; error: AppError | null; onClose(): void }) {
  const { text, error, onClose } = props;
  const { t } = useTranslation('documents');
  const whole = text ? shownText(text, t) : '';
  return (
    <Modal
      open={text !== null || error !== null}
      title={text ? t('textOf', { name: text.name }) : t('documentText')}
      onClose={onClose}
    >
      {error && <p role="alert">{t('error', { title: errorText(error).title, message: error.message })}</p>}
      {text && (
        <>
          {whole.length > SHOWN_CHARS && (
            <p className="document-text__note">{t('shownPart', { shown: SHOWN_CHARS, total: whole.length })}</p>
          )}
          <pre className="document-text" tabIndex={0} aria-label={t('textOf', { name: text.name })}>
            {whole.slice(0, SHOWN_CHARS)}
          </pre>
        </>
      )}
    </Modal>
  );
}
