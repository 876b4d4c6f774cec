import { randomUUID } from 'node:crypto';
import type { Message } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import { existingConversation } from './conversations';
import type { HistoryDatabase } from './database';
import type { CompareRunRecord } from './history-store';
import { toMessage, type MessageRow } from './rows';

/** The compare_runs table: a run's columns and its chosen reply; the replies themselves are ordinary messages. */

interface RunRow {
  id: string;
  conversation_id: string;
  question_id: string;
  columns: string;
  chosen_id: string | null;
  created_at: number;
}

const toRun = (r: RunRow): CompareRunRecord => ({
  id: r.id,
  conversationId: r.conversation_id,
  questionId: r.question_id,
  columns: JSON.parse(r.columns),
  chosenId: r.chosen_id,
  createdAt: r.created_at,
});

export function addCompareRun(
  db: HistoryDatabase,
  input: Omit<CompareRunRecord, 'id' | 'chosenId' | 'createdAt'>,
): CompareRunRecord {
  existingConversation(db, input.conversationId);
  const id = randomUUID();
  db.sql(
    'INSERT INTO compare_runs (id, conversation_id, question_id, columns, chosen_id, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
  ).run(id, input.conversationId, input.questionId, JSON.stringify(input.columns), db.tick());
  return getCompareRun(db, id)!;
}

export function getCompareRun(db: HistoryDatabase, id: string): CompareRunRecord | null {
  const row = db.sql('SELECT * FROM compare_runs WHERE id = ?').get(id) as RunRow | undefined;
  return row ? toRun(row) : null;
}

export function compareRuns(db: HistoryDatabase, conversationId: string): CompareRunRecord[] {
  const rows = db.sql('SELECT * FROM compare_runs WHERE conversation_id = ? ORDER BY created_at').all(conversationId);
  return (rows as RunRow[]).map(toRun);
}

export function compareRunOf(db: HistoryDatabase, questionId: string): CompareRunRecord | null {
  const row = db
    .sql('SELECT * FROM compare_runs WHERE question_id = ? ORDER BY created_at DESC LIMIT 1')
    .get(questionId) as RunRow | undefined;
  return row ? toRun(row) : null;
}

export function chooseCompare(db: HistoryDatabase, runId: string, messageId: string): CompareRunRecord {
  const { changes } = db
    .sql(
      `UPDATE compare_runs SET chosen_id = ? WHERE id = ?
         AND EXISTS (SELECT 1 FROM messages WHERE id = ? AND compare_run = ?)`,
    )
    .run(messageId, runId, messageId, runId);
  if (changes === 0) throw new ApiError(appError('not_found', 'That answer is not part of this comparison.'));
  return getCompareRun(db, runId)!;
}

export function compareMessages(db: HistoryDatabase, runId: string): Message[] {
  const rows = db.sql('SELECT * FROM messages WHERE compare_run = ? ORDER BY compare_column, seq').all(runId);
  return (rows as MessageRow[]).map(toMessage);
}
