import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { readAtMost } from '../read-at-most.ts';
import { extractDocx } from './docx.ts';
import { checkSize, DocumentFailure, shown } from './failure.ts';
import { extractPdf } from './pdf.ts';
import { decodeText } from './text.ts';
import type { DocumentKind, DocumentLimits, DocumentProgress, DocumentWarning, ExtractedDocument } from './types.ts';

// The extraction itself: it runs in the worker thread (and on main's thread only as the bench's baseline).

// .doc too: the DOCX reader tells an old Word 97–2003 file (or a password-protected one) by its signature.
const WORD = new Set(['.docx', '.docm', '.dotx', '.dotm', '.doc']);
const PDF_MAGIC = Buffer.from('%PDF-');

/** Opens the file, checks its size with fstat on the open handle (so it cannot change in between), then reads it. */
export async function readChecked(path: string, name: string, limits: DocumentLimits): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new DocumentFailure('bad_file', `${shown(name)} could not be opened. Check that it still exists.`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new DocumentFailure('bad_file', `${shown(name)} is not a file.`);
    checkSize(info.size, name, limits);
    return await readAtMost(handle, info.size);
  } finally {
    await handle.close();
  }
}

function kindOf(bytes: Buffer, name: string): DocumentKind {
  const ext = extname(name).toLowerCase();
  if (bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return 'pdf';
  // PDF readers accept the header anywhere in the first kilobyte; a text file that mentions it is still text.
  if (ext === '.pdf' && bytes.subarray(0, 1024).includes(PDF_MAGIC)) return 'pdf';
  if (ext === '.pdf') {
    throw new DocumentFailure('document_damaged', `${shown(name)} is not a PDF inside, or it is damaged.`);
  }
  if (WORD.has(ext)) return 'docx';
  return 'text';
}

function lineCount(text: string): number {
  if (text === '') return 0;
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < text.length - 1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

function capped(text: string, name: string, limits: DocumentLimits, warnings: DocumentWarning[]): string {
  if (text.length <= limits.maxChars) return text;
  const message = `Only the first ${limits.maxChars.toLocaleString('en')} characters of ${shown(name)} were kept.`;
  warnings.push({ code: 'text_cap', message });
  return text.slice(0, limits.maxChars);
}

export async function extractBytes(
  bytes: Buffer,
  name: string,
  limits: DocumentLimits,
  onProgress: (progress: DocumentProgress) => void,
): Promise<ExtractedDocument> {
  checkSize(bytes.length, name, limits);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kind = kindOf(bytes, name);
  const base = { bytes: bytes.length, sha256 };
  if (kind === 'pdf') {
    const { text, pages, warnings } = await extractPdf(bytes, name, limits, onProgress);
    return { kind, text, pages, lines: lineCount(text), warnings, ...base };
  }
  const warnings: DocumentWarning[] = [];
  let text: string;
  if (kind === 'text') {
    const decoded = decodeText(bytes, name);
    warnings.push(...decoded.warnings);
    text = decoded.text;
  } else {
    text = await extractDocx(bytes, name, limits);
  }
  if (text.trim() === '') throw new DocumentFailure('document_empty', `${shown(name)} has no text in it.`);
  text = capped(text, name, limits, warnings);
  return { kind, text, lines: lineCount(text), warnings, ...base };
}
