import type { Migration } from './index';

/**
 * Versions of messages: each conversation remembers the last message of the thread on screen, replies
 * keep their timings, and a message's versions (its parent's children) are found by index.
 */
export const versions: Migration = {
  version: 3,
  name: 'versions',
  up: (db) =>
    db.exec(`
      ALTER TABLE conversations ADD COLUMN leaf_id TEXT;
      ALTER TABLE messages ADD COLUMN stats TEXT;
      CREATE INDEX messages_by_parent ON messages(conversation_id, parent_id, seq);
    `),
};
