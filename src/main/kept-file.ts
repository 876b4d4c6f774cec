import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ApiError, appError } from '../shared/errors';

/** `name` resolved inside `folder`; anything that would land elsewhere (`..`, absolute, NUL) is refused. */
export function insideFolder(folder: string, name: string): string {
  const root = resolve(folder);
  const path = resolve(root, name);
  const rel = relative(root, path);
  if (name.includes('\0') || !rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new ApiError(appError('bad_input', 'That is not a file the app keeps.'));
  }
  return path;
}

// Where the platform has it, opening refuses a symbolic link outright (no race between a check and the open).
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * A file the app keeps in `folder` (images, documents' texts), read only when it is a regular file of at most
 * `maxBytes`: a symbolic link, a folder or an oversized file planted there is not read. Null when it cannot be.
 */
export function readKeptFile(folder: string, name: string, maxBytes: number): Buffer | null {
  let fd: number | null = null;
  try {
    const path = insideFolder(folder, name);
    if (!lstatSync(path).isFile()) return null;
    fd = openSync(path, constants.O_RDONLY | NO_FOLLOW);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return null;
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
