import type { Attachment, Message } from '../../shared/domain';
import type { ImportNote } from '../../shared/history';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { DocumentStore } from '../documents/document-store';
import { adoptDocument } from './import-documents';
import type { ConversationRecord } from './history-store';
import type { SqliteHistory } from './sqlite-history';
import { count } from './import-check';
import type { ImportedMessage, ParsedImport } from './transfer';

export interface ImportCounts {
  conversations: number;
  messages: number;
  skipped: number;
  notes: ImportNote[];
}

/**
 * Adds the chats a file held that are not here yet. Their images are kept under new, app-made ids, and only
 * when the file carries bytes that are the image type they claim; the rest are left out and named.
 * Nothing is changed when adding fails: the images kept for it are removed again.
 */
export function importChats(
  history: SqliteHistory,
  attachments: AttachmentStore,
  parsed: ParsedImport,
  documents: DocumentStore | null = null,
): ImportCounts {
  const notes: ImportNote[] = [...parsed.refused];
  const records: ConversationRecord[] = [];
  const kept: string[] = [];
  let skipped = 0;
  for (const chat of parsed.chats) {
    if (history.hasConversation(chat.conversation.id)) {
      skipped++;
      continue;
    }
    const problems: string[] = [];
    const keep = (m: ImportedMessage): Message => {
      const saved: Attachment[] = [];
      for (const image of m.images) {
        const outcome = image.bytes ? attachments.adopt({ ...image, bytes: image.bytes }, m.createdAt) : null;
        if (outcome && typeof outcome === 'object') {
          kept.push(outcome.id);
          saved.push(outcome);
        } else {
          problems.push(outcome ?? '');
        }
      }
      const { images: _, importedDocuments, ...rest } = m;
      // Indexed as they are kept; a failed merge leaves their rows to the sweep, which also removes the files.
      const refs = documents
        ? importedDocuments.flatMap(
            (d) => adoptDocument(d, documents, (id, text) => history.indexDocument(id, text)) ?? [],
          )
        : [];
      return { ...rest, attachments: saved, documents: refs };
    };
    records.push({ conversation: chat.conversation, messages: chat.messages.map(keep) });
    for (const message of [...chat.notes, ...imageNotes(problems)]) {
      notes.push({ title: chat.conversation.title, message, refused: false });
    }
  }
  try {
    const counts = history.merge(records);
    return { ...counts, skipped: counts.skipped + skipped, notes };
  } catch (error) {
    attachments.remove(kept);
    throw error;
  }
}

function imageNotes(problems: string[]): string[] {
  const missing = problems.filter((p) => p === '').length;
  const invalid = problems.filter((p) => p !== '');
  const out: string[] = [];
  if (missing) out.push(`${count(missing, 'image')} left out: the file holds only a preview, not the image.`);
  if (invalid.length) out.push(`${count(invalid.length, 'image')} left out: ${invalid[0]}`);
  return out;
}
