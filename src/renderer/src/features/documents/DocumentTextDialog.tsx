import type { DocumentText } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import { Modal } from '../../ui/Modal';
import { errorText } from '../chat/error-text';
import { formatTokens } from '../context/meter';
import './documents.css';

/** More than this is not drawn at once: a 2,000-page PDF would hold the page for seconds. */
const SHOWN_CHARS = 200_000;

function shownText(document: DocumentText): string {
  if (!document.pages) return document.text;
  return document.pages.map((page, i) => `--- page ${i + 1} ---\n${page}`).join('\n');
}

/** The text extracted from a document, as the model will read it. */
export function DocumentTextDialog(props: { text: DocumentText | null; error: AppError | null; onClose(): void }) {
  const { text, error, onClose } = props;
  const whole = text ? shownText(text) : '';
  return (
    <Modal
      open={text !== null || error !== null}
      title={text ? `Text of ${text.name}` : 'Document text'}
      onClose={onClose}
    >
      {error && (
        <p role="alert">
          {errorText(error).title}. {error.message}
        </p>
      )}
      {text && (
        <>
          {whole.length > SHOWN_CHARS && (
            <p className="document-text__note">
              The first {formatTokens(SHOWN_CHARS)} of {formatTokens(whole.length)} characters are shown; all are sent.
            </p>
          )}
          <pre className="document-text" tabIndex={0} aria-label={`Text of ${text.name}`}>
            {whole.slice(0, SHOWN_CHARS)}
          </pre>
        </>
      )}
    </Modal>
  );
}
