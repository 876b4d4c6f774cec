import type { Migration } from './index';

/**
 * Compare mode: a run is one question sent to 2–4 models; each reply carries its run and column, and the run keeps
 * each column's model and parameters and which reply the user chose. Version 7: 6 is the documents schema, which
 * may reach a database before or after this one (each only adds its own tables and columns).
 */
export const compare: Migration = {
  version: 7,
  name: 'compare',
  up: (db) =>
    db.exec(`
      CREATE TABLE compare_runs (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        columns TEXT NOT NULL,
        chosen_id TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX compare_runs_by_conversation ON compare_runs(conversation_id, created_at);
      CREATE INDEX compare_runs_by_question ON compare_runs(question_id);
      ALTER TABLE messages ADD COLUMN compare_run TEXT;
      ALTER TABLE messages ADD COLUMN compare_column INTEGER;
      CREATE INDEX messages_by_compare_run ON messages(compare_run, compare_column, seq) WHERE compare_run IS NOT NULL;
    `),
};
