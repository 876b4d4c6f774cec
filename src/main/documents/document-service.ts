import { basename } from 'node:path';
import type { DocumentDraft, DocumentText } from '../../shared/contract';
import { estimateTokens } from '../../shared/context';
import { LIMITS, type DocumentRef } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import { documentBlock } from '../chat/request-builder';
import { tokenCounter } from '../chat/token-count';
import { fileDialogs } from '../desktop/dialogs';
import type { FileDialogs } from '../desktop/file-dialogs';
import type { Words } from '../i18n';
import type { SenderLike } from '../ipc';
import type { DocumentStore, StoredText } from './document-store';
import type { DocumentExtractor } from './extractor';
import type { ExtractedDocument } from './types';

export interface DocumentServiceOptions {
  /** Null where no worker script is available: every read is refused with a message. */
  extractor: Pick<DocumentExtractor, 'extractDocument'> | null;
  store: DocumentStore;
  files: FileDialogs;
  /** The Open dialog's words, in the language of the moment. */
  words(): Words;
  /** The name a message gave a stored document, for `text()` of one that is no longer a draft. */
  nameOf(id: string): string | null;
}

/** A document attached to a message being sent: its chip and its text. */
export interface Attached {
  ref: DocumentRef;
  stored: StoredText;
}

/** Drafts kept for the composer; older ones are forgotten (their files stay until the sweep). */
const MAX_DRAFTS = 100;
/** Files read at once for one window; more is refused rather than queued behind them. */
const MAX_READING = 8;
/** Above this many characters the block's tokens are estimated: exact counting would hold main's event loop. */
const EXACT_COUNT_CHARS = 200_000;

function displayName(name: string): string {
  const plain = name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return (plain || 'document').slice(0, LIMITS.documentName);
}

/**
 * Attaching documents: main opens the file (the Open dialog, or bytes dropped or pasted, their size checked before
 * they are decoded), the extractor reads it in a worker with progress and Cancel, and the text is kept under its
 * content hash. What the composer gets back is a draft: the chip's facts and the tokens its block will cost.
 */
export class DocumentService {
  private readonly drafts = new Map<string, DocumentDraft>();
  private readonly reading = new Map<string, AbortController>();

  constructor(private readonly options: DocumentServiceOptions) {}

  async pick(sender: SenderLike, requestId: string): Promise<DocumentDraft | null> {
    const path = await this.options.files.openFile(fileDialogs(this.options.words()).attachDocument);
    if (!path) return null;
    return this.read(sender, requestId, path, basename(path));
  }

  fromBytes(sender: SenderLike, requestId: string, name: string, base64: string): Promise<DocumentDraft> {
    // The schema capped the string's length, so the decoded bytes are within the limit too; the extractor checks again.
    return this.read(sender, requestId, Buffer.from(base64, 'base64'), name);
  }

  cancel(requestId: string): void {
    this.reading.get(requestId)?.abort();
  }

  text(id: string): DocumentText {
    const stored = this.options.store.get(id);
    if (!stored) throw new ApiError(appError('not_found', 'That document is no longer on this computer.'));
    const name = this.drafts.get(id)?.name ?? this.options.nameOf(id) ?? 'Document';
    return { name, text: stored.text, pages: stored.pages };
  }

  /** The documents a message is sent with: drafts read here, or texts already kept (a resent or edited message). */
  attach(ids: readonly string[]): Attached[] {
    return [...new Set(ids)].map((id) => {
      const draft = this.drafts.get(id);
      const stored = this.options.store.get(id);
      if (!draft || !stored) {
        throw new ApiError(appError('not_found', 'A document is no longer ready to send. Attach it again.'));
      }
      const { warnings: _, ...ref } = draft;
      return { ref, stored };
    });
  }

  /** Drafts not sent yet: the sweep must leave their files alone. */
  draftIds(): Set<string> {
    return new Set(this.drafts.keys());
  }

  private async read(
    sender: SenderLike,
    requestId: string,
    source: string | Uint8Array,
    name: string,
  ): Promise<DocumentDraft> {
    const { extractor } = this.options;
    const shown = displayName(name);
    if (!extractor) throw new ApiError(appError('internal', 'Documents cannot be read in this build of the app.'));
    if (this.reading.has(requestId)) throw new ApiError(appError('bad_input', 'That file is already being read.'));
    if (this.reading.size >= MAX_READING) {
      throw new ApiError(appError('throttled', 'Several files are being read already. Wait for them first.'));
    }
    const controller = new AbortController();
    this.reading.set(requestId, controller);
    try {
      const result = await extractor.extractDocument(source, shown, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (!sender.isDestroyed()) sender.send('documents.progress', { requestId, ...progress });
        },
      });
      if (!result.ok) throw new ApiError(result.error);
      return await this.keep(shown, result.value);
    } finally {
      this.reading.delete(requestId);
    }
  }

  private async keep(name: string, document: ExtractedDocument): Promise<DocumentDraft> {
    const stored = { text: document.text, pages: document.pages ?? null };
    const id = this.options.store.put(stored);
    const ref: DocumentRef = {
      id,
      name,
      kind: document.kind,
      pages: document.pages?.length ?? null,
      lines: document.lines,
      chars: document.text.length,
      tokens: 0,
      keptChars: null,
    };
    ref.tokens = await blockTokens(ref, stored);
    const draft = { ...ref, warnings: document.warnings.map((w) => w.message) };
    this.drafts.delete(id);
    this.drafts.set(id, draft);
    if (this.drafts.size > MAX_DRAFTS) this.drafts.delete(this.drafts.keys().next().value!);
    return draft;
  }
}

/** Tokens of a document's block as the request carries it: counted exactly, or estimated for very long texts. */
export async function blockTokens(ref: DocumentRef, stored: StoredText): Promise<number> {
  const block = documentBlock(ref, stored);
  if (block.length > EXACT_COUNT_CHARS) return estimateTokens(block);
  return (await tokenCounter())(block);
}
