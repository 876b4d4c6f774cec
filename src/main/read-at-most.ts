import type { FileHandle } from 'node:fs/promises';

/**
 * Reads an open file from its start into a buffer of the size that was checked: never more, even if the file grew
 * since, and fewer bytes if it shrank. (History imports and document extraction both read this way.)
 */
export async function readAtMost(file: FileHandle, size: number): Promise<Buffer> {
  const bytes = Buffer.alloc(size);
  let filled = 0;
  while (filled < bytes.length) {
    const { bytesRead } = await file.read(bytes, filled, bytes.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}
