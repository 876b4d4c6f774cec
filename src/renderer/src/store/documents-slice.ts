import type { StateCreator } from 'zustand';
import type { DocumentDraft, DocumentProgressEvent, DocumentText } from '../../../shared/contract';
import { appError, toAppError, type AppError } from '../../../shared/errors';
import { getApi } from '../api';
import { i18n } from '../i18n';
import type { AppState } from './index';

/** A file in the composer: being read by main, ready to send, or refused with main's message. */
export interface DocumentChip {
  /** The composer's own id for this file; main's progress events and Cancel name it too. */
  key: string;
  name: string;
  state: 'reading' | 'ready' | 'failed';
  progress: { done: number; total: number } | null;
  draft: DocumentDraft | null;
  error: AppError | null;
  /** Goes with the next message; the user leaves some out when they do not fit. */
  included: boolean;
}

/** The composer's documents: the documents slice writes these fields and no other does. */
export interface DocumentsSlice {
  documents: DocumentChip[];
  /** When the documents do not fit the context: main cuts them to fit, and each block says so. */
  fitDocuments: boolean;
  /** The extracted text in the dialog; null while it is closed. */
  documentText: DocumentText | null;
  /** Why the text could not be shown. */
  documentTextError: AppError | null;
  /** Main's Open dialog; the file is read in main, never by the page. */
  pickDocument(): Promise<void>;
  /** A dropped or pasted file's bytes (its size was checked before it was read). */
  attachDocumentBytes(name: string, base64: string): Promise<void>;
  /** A file refused before it was read, shown as a chip with the reason. */
  refuseDocument(name: string, error: AppError): void;
  cancelDocument(key: string): Promise<void>;
  removeDocument(key: string): void;
  includeDocument(key: string, included: boolean): void;
  setFitDocuments(fit: boolean): void;
  openDocumentText(id: string): Promise<void>;
  closeDocumentText(): void;
  applyDocumentProgress(event: DocumentProgressEvent): void;
  /** After main accepted a message: its documents went with it. */
  clearSentDocuments(): void;
}

const NO_IDS: string[] = [];

/** Ids of the documents the next message is sent with. */
export function selectSendDocuments(state: Pick<DocumentsSlice, 'documents'>): string[] {
  const ids = state.documents.flatMap((d) => (d.state === 'ready' && d.included && d.draft ? [d.draft.id] : []));
  return ids.length ? ids : NO_IDS;
}

/** Tokens the included documents add to the next request. */
export function selectDocumentTokens(state: Pick<DocumentsSlice, 'documents'>): number {
  let sum = 0;
  for (const d of state.documents) if (d.state === 'ready' && d.included && d.draft) sum += d.draft.tokens;
  return sum;
}

export function selectDocumentsReading(state: Pick<DocumentsSlice, 'documents'>): boolean {
  return state.documents.some((d) => d.state === 'reading');
}

export const createDocumentsSlice: StateCreator<AppState, [], [], DocumentsSlice> = (set, get) => {
  let made = 0;
  const patch = (key: string, change: Partial<DocumentChip>) =>
    set((s) => ({ documents: s.documents.map((d) => (d.key === key ? { ...d, ...change } : d)) }));
  const start = (name: string): string => {
    const key = `document-${++made}`;
    const chip: DocumentChip = {
      key,
      name,
      state: 'reading',
      progress: null,
      draft: null,
      error: null,
      included: true,
    };
    set((s) => ({ documents: [...s.documents, chip] }));
    return key;
  };
  /** Main's answer for a chip; a chip removed meanwhile stays removed. */
  const settle = (key: string, outcome: { draft: DocumentDraft } | { error: AppError }) => {
    if (!get().documents.some((d) => d.key === key)) return;
    if ('draft' in outcome)
      patch(key, { state: 'ready', draft: outcome.draft, name: outcome.draft.name, progress: null });
    else patch(key, { state: 'failed', error: outcome.error, progress: null });
  };
  const read = async (key: string, reading: Promise<DocumentDraft | null>) => {
    try {
      const draft = await reading;
      if (draft) settle(key, { draft });
      else set((s) => ({ documents: s.documents.filter((d) => d.key !== key) }));
    } catch (error) {
      settle(key, { error: toAppError(error) });
    }
  };

  return {
    documents: [],
    fitDocuments: false,
    documentText: null,
    documentTextError: null,

    pickDocument: async () => {
      // No name until main's Open dialog gives one; the chip says it is choosing (DocumentChips).
      const key = start('');
      await read(key, getApi().documents.pick(key));
    },

    attachDocumentBytes: async (name, base64) => {
      const key = start(name);
      await read(key, getApi().documents.fromBytes(key, name, base64));
    },

    refuseDocument: (name, error) => {
      const key = start(name);
      patch(key, { state: 'failed', error });
    },

    cancelDocument: async (key) => {
      await getApi().documents.cancel(key);
    },

    removeDocument: (key) => {
      if (get().documents.find((d) => d.key === key)?.state === 'reading') void getApi().documents.cancel(key);
      set((s) => ({ documents: s.documents.filter((d) => d.key !== key) }));
    },

    includeDocument: (key, included) => patch(key, { included }),

    setFitDocuments: (fit) => set({ fitDocuments: fit }),

    openDocumentText: async (id) => {
      try {
        set({ documentText: await getApi().documents.text(id), documentTextError: null });
      } catch (error) {
        set({ documentText: null, documentTextError: toAppError(error) });
      }
    },

    closeDocumentText: () => set({ documentText: null, documentTextError: null }),

    applyDocumentProgress: (event) => {
      const chip = get().documents.find((d) => d.key === event.requestId);
      if (chip?.state === 'reading') patch(chip.key, { progress: { done: event.done, total: event.total } });
    },

    clearSentDocuments: () => set({ documents: [], fitDocuments: false }),
  };
};

/** What a file the window will not read becomes (before main sees a byte of it). */
export function tooLargeToRead(name: string, size: number, limit: number): AppError {
  const mb = (n: number) => {
    const digits = n < 10 * 1024 * 1024 ? 1 : 0;
    return new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: 'megabyte',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(n / 1024 / 1024);
  };
  // Made in the window, so worded here, in the language of the moment it happens (as main's are).
  return appError('document_too_large', i18n.t('documents:tooLarge', { name, size: mb(size), limit: mb(limit) }));
}
