import { randomUUID } from 'node:crypto';
import { truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqliteHistory } from '../src/main/history/sqlite-history';
import type { ImageInput } from '../src/shared/contract';

/** A 2×2 red PNG. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

export const pngInput = (name = 'red.png'): ImageInput => ({
  name,
  mimeType: 'image/png',
  dataUrl: `data:image/png;base64,${PNG_BASE64}`,
  thumbnail: `data:image/png;base64,${PNG_BASE64}`,
});

/**
 * Images sent earlier, as the app keeps them: a file per image in the attachments folder (sparse, so 100 MB
 * takes no disk space), dated `hoursAgo`, and a message that refers to them (so no sweep removes them).
 */
export function plantSentImages(
  history: SqliteHistory,
  folder: string,
  images: { bytes: number; hoursAgo: number }[],
): void {
  const attachments = images.map(({ bytes, hoursAgo }) => {
    const id = randomUUID();
    const file = join(folder, id);
    writeFileSync(file, '');
    truncateSync(file, bytes);
    const at = (Date.now() - hoursAgo * 3_600_000) / 1000;
    utimesSync(file, at, at);
    return { id, name: `${id}.png`, mimeType: 'image/png' as const, size: bytes, thumbnail: '' };
  });
  const c = history.createConversation({ title: 'Sent earlier', model: 'm', params: {}, systemPrompt: '' });
  history.addMessage({
    conversationId: c.id,
    parentId: null,
    role: 'user',
    content: 'Photos',
    status: 'done',
    model: null,
    attachments,
  });
}
