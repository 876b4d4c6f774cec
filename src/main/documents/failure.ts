import type { AppError, ErrorCode } from '../../shared/errors.ts';
import type { DocumentLimits } from './types.ts';

/**
 * Thrown inside extraction code and turned into a `Result` at the edge, so a check deep in the zip reader can stop
 * the whole extraction with the message the user will see.
 */
export class DocumentFailure extends Error {
  readonly error: AppError;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DocumentFailure';
    this.error = { code, message };
  }
}

/** A file's name as messages show it: quoted, and cut short if someone named a file with a paragraph. */
export function shown(name: string): string {
  const plain = name.replace(/[\p{Cc}\p{Cf}]/gu, '');
  return `“${plain.length > 80 ? `${plain.slice(0, 77)}…` : plain}”`;
}

const MiB = 1024 * 1024;

export function megabytes(bytes: number): string {
  return `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;
}

function tooLarge(name: string, size: number, maxBytes: number): DocumentFailure {
  return new DocumentFailure(
    'document_too_large',
    `${shown(name)} is ${megabytes(size)}; files up to ${megabytes(maxBytes)} can be attached.`,
  );
}

/** Size limits are checked on the size the file system reports, before a byte is read. */
export function checkSize(size: number, name: string, limits: DocumentLimits): void {
  if (size > limits.maxBytes) throw tooLarge(name, size, limits.maxBytes);
  if (size === 0) throw new DocumentFailure('document_empty', `${shown(name)} is empty.`);
}
