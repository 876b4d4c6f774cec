import { readdirSync } from 'node:fs';
import type { DocumentStore } from '../documents/document-store';
import type { SqliteHistory } from '../history/sqlite-history';
import type { AttachmentStore } from './attachment-store';

/** Documents' texts, and those read for the composer but not sent yet (never swept from under it). */
export interface DocumentFiles {
  store: DocumentStore;
  drafts(): Set<string>;
}

/** Whether the history can be trusted to say what is referenced: not while it is unreadable or kept aside. */
function historyReadable(history: SqliteHistory): boolean {
  if (history.status().problem) return false;
  const kept = history.dataDir ? readdirSync(history.dataDir).some((n) => n.startsWith('history.unreadable-')) : false;
  return !kept;
}

/**
 * Removes image files that no message refers to: left by a crash between saving an image and its message,
 * or by older versions that never removed them. Not while an unreadable database is kept aside (its images
 * belong to it) nor when the history cannot be read (every image would look unreferenced).
 * Returns how many files went.
 */
export function sweepAttachments(history: SqliteHistory, attachments: AttachmentStore): number {
  if (!historyReadable(history)) return 0;
  const referenced = history.attachmentIds();
  const orphans = attachments.ids().filter((id) => !referenced.has(id));
  attachments.remove(orphans);
  return orphans.length;
}

/**
 * The same for documents: texts no message refers to (deleted messages and chats, drafts never sent in an earlier
 * run) go, with their index rows. Returns how many files went.
 */
export function sweepDocuments(history: SqliteHistory, documents: DocumentFiles): number {
  if (!historyReadable(history)) return 0;
  history.dropUnreferencedDocuments();
  const referenced = history.documentIds();
  const drafts = documents.drafts();
  const orphans = documents.store.ids().filter((id) => !referenced.has(id) && !drafts.has(id));
  documents.store.remove(orphans);
  return orphans.length;
}

/** After start, off the path to the first screen: reading every message's images takes a moment in a large history. */
export function sweepSoon(
  history: SqliteHistory,
  attachments: AttachmentStore,
  documents?: DocumentFiles,
  delayMs = 10_000,
): void {
  const timer = setTimeout(() => {
    try {
      sweepAttachments(history, attachments);
      if (documents) sweepDocuments(history, documents);
    } catch {
      // Closed or unavailable meanwhile: the next start tries again.
    }
  }, delayMs);
  timer.unref?.();
}
