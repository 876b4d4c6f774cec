import { randomUUID } from 'node:crypto';
import type { HistoryDatabase } from './database';
import type { ConversationRecord, MergeCounts } from './history-store';
import { json } from './rows';

/**
 * Adds imported conversations whose ids are not present yet; never changes one that is. The records were checked
 * before (import-check.ts); here a message id already taken gets a new one, and a parent link that leaves its
 * conversation is dropped.
 */
export function mergeRecords(db: HistoryDatabase, records: Iterable<ConversationRecord>): MergeCounts {
  const counts: MergeCounts = { conversations: 0, messages: 0, skipped: 0 };
  db.changed();
  db.transaction(() => {
    for (const { conversation: c, messages } of records) {
      if (db.sql('SELECT 1 FROM conversations WHERE id = ?').get(c.id)) {
        counts.skipped++;
        continue;
      }
      db.sql(
        `INSERT INTO conversations (id, title, model, params, system_prompt, pinned, folder, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        c.id,
        c.title,
        c.model,
        JSON.stringify(c.params ?? {}),
        c.systemPrompt ?? '',
        c.pinned ? 1 : 0,
        c.folder ?? null,
        c.createdAt,
        c.updatedAt,
      );
      const ids = new Map<string, string>();
      // Files without any parent links (older exports) are one straight thread, in file order.
      const linear = messages.every((m) => m.parentId === null);
      let previous: string | null = null;
      for (const m of messages) {
        const id = db.sql('SELECT 1 FROM messages WHERE id = ?').get(m.id) ? randomUUID() : m.id;
        ids.set(m.id, id);
        // A file's token counts are not trusted: they are counted the first time the chat is budgeted.
        db.sql(
          `INSERT INTO messages (id, conversation_id, parent_id, role, content, attachments, documents, status, error, usage, stats, model, finish_reason, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          c.id,
          // Never a message of another conversation: a parent not seen in this one is no parent.
          m.parentId === null ? (linear ? previous : null) : (ids.get(m.parentId) ?? null),
          m.role,
          m.content,
          JSON.stringify(m.attachments ?? []),
          JSON.stringify(m.documents ?? []),
          m.status === 'streaming' ? 'interrupted' : m.status,
          json(m.error),
          json(m.usage),
          json(m.stats ?? null),
          m.model,
          m.finishReason ?? null,
          m.createdAt,
          m.updatedAt,
        );
        previous = id;
        counts.messages++;
      }
      if (c.leafId) db.sql('UPDATE conversations SET leaf_id = ? WHERE id = ?').run(ids.get(c.leafId) ?? null, c.id);
      counts.conversations++;
    }
  });
  return counts;
}
