import { readdirSync } from 'node:fs';
import type { SqliteHistory } from '../history/sqlite-history';
import type { AttachmentStore } from './attachment-store';

/**
 * Removes image files that no message refers to: left by a crash between saving an image and its message,
 * or by older versions that never removed them. Not while an unreadable database is kept aside (its images
 * belong to it) nor when the history cannot be read (every image would look unreferenced).
 * Returns how many files went.
 */
export function sweepAttachments(history: SqliteHistory, attachments: AttachmentStore): number {
  if (history.status().problem) return 0;
  const kept = history.dataDir ? readdirSync(history.dataDir).some((n) => n.startsWith('history.unreadable-')) : false;
  if (kept) return 0;
  const referenced = history.attachmentIds();
  const orphans = attachments.ids().filter((id) => !referenced.has(id));
  attachments.remove(orphans);
  return orphans.length;
}

/** After start, off the path to the first screen: reading every message's images takes a moment in a large history. */
export function sweepSoon(history: SqliteHistory, attachments: AttachmentStore, delayMs = 10_000): void {
  const timer = setTimeout(() => {
    try {
      sweepAttachments(history, attachments);
    } catch {
      // Closed or unavailable meanwhile: the next start tries again.
    }
  }, delayMs);
  timer.unref?.();
}
