import { z } from 'zod';
import { estimateTokens } from '../../shared/context';
import { LIMITS, type DocumentRef, type Message } from '../../shared/domain';
import { documentBlock } from '../chat/request-builder';
import type { DocumentStore, StoredText } from '../documents/document-store';
import { DEFAULT_LIMITS } from '../documents/types';

/**
 * Documents inside exports and backups: each message's chips with their text, so a backup brings them back on
 * another computer. On import they are hostile input like the rest of the file: the text's size is bounded, the id
 * is the hash of the text as kept here (never the file's), and counts are made again from the text.
 */

export type DocumentData = (ref: DocumentRef) => StoredText | null;

/** A message's documents with their text, for an export. */
export function withDocumentText(message: Message, data: DocumentData) {
  return message.documents.map((ref) => {
    const stored = data(ref);
    return { ...ref, text: stored?.text ?? null, pages: stored?.pages ?? null };
  });
}

/** A document as an imported file describes it. */
export interface ImportedDocument {
  name: string;
  kind: DocumentRef['kind'];
  keptChars: number | null;
  /** null: the file carries no (readable) text for it. */
  stored: StoredText | null;
}

const maxChars = DEFAULT_LIMITS.maxChars;
const textSchema = z.string().max(maxChars);
const documentSchema = z.object({
  name: z.string().min(1).max(LIMITS.documentName),
  kind: z.enum(['pdf', 'docx', 'text']),
  keptChars: z.number().int().min(0).nullable().catch(null).default(null),
  text: textSchema.nullable().catch(null).default(null),
  pages: z.array(textSchema).max(DEFAULT_LIMITS.maxPages).nullable().catch(null).default(null),
});

/** The documents of one imported message; those that are not readable at all come back as null. */
export function readImportedDocuments(raw: unknown): (ImportedDocument | null)[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, LIMITS.documentsPerMessage).map((item) => {
    const parsed = documentSchema.safeParse(item);
    if (!parsed.success) return null;
    const { text, pages, ...rest } = parsed.data;
    const pagesFit = pages !== null && pages.reduce((sum, p) => sum + p.length, 0) <= maxChars;
    const name = rest.name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim() || 'document';
    return { ...rest, name, stored: text === null ? null : { text, pages: pagesFit ? pages : null } };
  });
}

/** Keeps an imported document's text under its own hash and returns its chip; null when the file holds no text. */
export function adoptDocument(
  document: ImportedDocument,
  store: DocumentStore,
  index: (id: string, text: string) => void,
): DocumentRef | null {
  if (!document.stored) return null;
  const id = store.put(document.stored);
  index(id, document.stored.text);
  const { text, pages } = document.stored;
  const chars = text.length;
  const keptChars = document.keptChars !== null && document.keptChars < chars ? document.keptChars : null;
  const ref: DocumentRef = {
    id,
    name: document.name,
    kind: document.kind,
    pages: pages?.length ?? null,
    lines: text === '' ? 0 : text.split('\n').length,
    chars,
    tokens: 0,
    keptChars,
  };
  // Estimated: the file's own count is not trusted, and exact counting of every imported text would hold main.
  ref.tokens = estimateTokens(documentBlock(ref, document.stored));
  return ref;
}
