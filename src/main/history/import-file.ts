import { open, stat } from 'node:fs/promises';
import { ApiError, appError } from '../../shared/errors';
import { readAtMost } from '../read-at-most';

/** Large enough for years of chats with their images; small enough to parse without stalling the app. */
const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;

function refuse(message: string): never {
  throw new ApiError(appError('bad_file', message));
}

/**
 * Reads a file chosen for import as text. Its size is checked before a byte is read, so picking a huge
 * file costs nothing; and no more than that size is read, even if the file grows meanwhile.
 */
export async function readImportFile(path: string, maxBytes = MAX_IMPORT_BYTES): Promise<string> {
  const check = async (getStat: () => Promise<{ isFile(): boolean; size: number }>) => {
    const info = await getStat().catch(() => refuse('That file could not be opened.'));
    // Not a pipe or a device, which could block the read or never end.
    if (!info.isFile()) refuse('That is not a file.');
    if (info.size > maxBytes) refuse(`That file is ${mb(info.size)}; a file to import can be up to ${mb(maxBytes)}.`);
    return info.size;
  };
  await check(() => stat(path));
  const file = await open(path, 'r').catch(() => refuse('That file could not be opened.'));
  try {
    // Again on what was opened, in case the path changed in between.
    const bytes = await readAtMost(file, await check(() => file.stat()));
    // A byte-order mark is no part of the JSON.
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await file.close();
  }
}
