import type { Migration } from './index';

/**
 * What a context budget needs: each message's token count (counted when it is saved; NULL for older messages until
 * they are first budgeted), how a reply ended, images the user pinned to every request, and per chat its own
 * context length, a "send the last N messages" limit, and whether the user named it.
 */
export const contextBudget: Migration = {
  version: 4,
  name: 'context-budget',
  up: (db) =>
    db.exec(`
      ALTER TABLE messages ADD COLUMN tokens INTEGER;
      ALTER TABLE messages ADD COLUMN finish_reason TEXT;
      ALTER TABLE messages ADD COLUMN images_pinned INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN context_length INTEGER;
      ALTER TABLE conversations ADD COLUMN send_last INTEGER;
      ALTER TABLE conversations ADD COLUMN title_edited INTEGER NOT NULL DEFAULT 0;
    `),
};
