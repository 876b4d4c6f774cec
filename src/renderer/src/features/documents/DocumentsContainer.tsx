import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { selectDocumentsReading, selectDocumentTokens } from '../../store/documents-slice';
import { DocumentChips } from './DocumentChips';
import { DocumentTextDialog } from './DocumentTextDialog';

/** What the context leaves for documents: the limit less what always goes (system prompt, the turn it joins). */
function useRoom(): number | null {
  return useStore((s) => (s.contextView ? s.contextView.limit - s.contextView.baseTokens : null));
}

/** Why the composer cannot send because of its documents, or null. */
export function useDocumentsBlock(): string | null {
  const reading = useStore(selectDocumentsReading);
  const needed = useStore(selectDocumentTokens);
  const fit = useStore((s) => s.fitDocuments);
  const room = useRoom();
  const { t } = useTranslation('documents');
  if (reading) return t('stillReading');
  if (room !== null && needed > room && !fit) return t('doNotFit');
  return null;
}

/** Connects the composer's document chips and the text dialog to the store. */
export function DocumentsContainer() {
  const chips = useStore((s) => s.documents);
  const fit = useStore((s) => s.fitDocuments);
  const needed = useStore(selectDocumentTokens);
  const text = useStore((s) => s.documentText);
  const error = useStore((s) => s.documentTextError);
  const room = useRoom();
  const { cancelDocument, removeDocument, includeDocument, setFitDocuments, openDocumentText, closeDocumentText } =
    useStore.getState();
  return (
    <>
      <DocumentChips
        chips={chips}
        room={room}
        needed={needed}
        fit={fit}
        onCancel={(key) => void cancelDocument(key)}
        onRemove={removeDocument}
        onInclude={includeDocument}
        onFit={setFitDocuments}
        onShowText={(id) => void openDocumentText(id)}
      />
      <DocumentTextDialog text={text} error={error} onClose={closeDocumentText} />
    </>
  );
}
