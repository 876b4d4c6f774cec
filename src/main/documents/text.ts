import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { DocumentFailure, shown } from './failure.ts';
import type { DocumentWarning } from './types.ts';

/*
 * Text files as they come: UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 without one, and the legacy
 * encodings chardet recognises with confidence. Anything else is refused with the reason, never shown as mojibake.
 */

export interface DecodedText {
  text: string;
  warnings: DocumentWarning[];
}

const SAMPLE = 64 * 1024;
/** Below this, chardet's best guess is not much better than a coin toss (measured on short Western texts). */
const SURE = 50;
/** A tie at this level between windows-1252 and its neighbours is still most likely windows-1252. */
const WESTERN = 20;
const WESTERN_NAMES = new Set(['windows-1252', 'ISO-8859-1']);

const BOMS: Array<[number[], string]> = [
  [[0xff, 0xfe, 0, 0], 'utf-32le'],
  [[0, 0, 0xfe, 0xff], 'utf-32be'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function bomEncoding(bytes: Buffer): string | null {
  for (const [mark, encoding] of BOMS) if (mark.every((b, i) => bytes[i] === b)) return encoding;
  return null;
}

/** Mostly-ASCII UTF-16 has a zero in every other byte: odd bytes for little-endian, even ones for big-endian. */
function utf16WithoutBom(bytes: Buffer): string | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.3 && even < half * 0.02) return 'utf-16le';
  if (even > half * 0.3 && odd < half * 0.02) return 'utf-16be';
  return null;
}

/** Control characters text files do not contain (tab, line breaks, form feed and ESC for coloured logs are fine). */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13 && code !== 27) || code === 0x7f;
}

/** Like git and grep: a NUL byte, or more than 2 % control bytes, at the start or the end means binary. */
function looksBinary(bytes: Buffer): boolean {
  const samples = [bytes.subarray(0, SAMPLE), bytes.subarray(Math.max(SAMPLE, bytes.length - 8192))];
  for (const sample of samples) {
    if (sample.includes(0)) return true;
    let controls = 0;
    for (const b of sample) if (isControl(b)) controls++;
    if (controls > sample.length * 0.02) return true;
  }
  return false;
}

function binary(name: string): DocumentFailure {
  return new DocumentFailure(
    'document_binary',
    `${shown(name)} looks like a binary file, not text, so its content cannot be attached.`,
  );
}

function legacyEncoding(bytes: Buffer, name: string): string {
  const candidates = analyse(bytes.subarray(0, SAMPLE)).filter(
    (c) => c.name !== 'ASCII' && !c.name.startsWith('UTF') && iconv.encodingExists(c.name),
  );
  const best = candidates[0];
  if (best && best.confidence >= SURE) return WESTERN_NAMES.has(best.name) ? 'windows-1252' : best.name;
  const tied = candidates.filter((c) => best && c.confidence === best.confidence);
  if (best && best.confidence >= WESTERN && tied.some((c) => WESTERN_NAMES.has(c.name))) return 'windows-1252';
  const guess = best && best.confidence > 0 ? ` (the closest guess, ${best.name}, is too uncertain)` : '';
  throw new DocumentFailure(
    'document_encoding',
    `${shown(name)} is not UTF-8 text and its encoding could not be recognised${guess}. Save it as UTF-8 and attach it again.`,
  );
}

/** Decodes with iconv-lite (the same tables in Node and Electron), refusing output that is visibly wrong. */
function decodeAs(bytes: Buffer, encoding: string, name: string): string {
  const text = iconv.decode(bytes, encoding);
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    if (surrogate && code < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else if (surrogate || code === 0xfffd || isControl(code)) bad++;
  }
  if (bad > text.length * 0.01) {
    throw new DocumentFailure(
      'document_encoding',
      `${shown(name)} does not read as ${encoding}: too many characters are invalid. Save it as UTF-8 and attach it again.`,
    );
  }
  return text;
}

export function decodeText(bytes: Buffer, name: string): DecodedText {
  const marked = bomEncoding(bytes);
  if (marked) return { text: decodeAs(bytes, marked, name), warnings: [] };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    // Without a mark this was only a guess from where the zeros fall; binary data can have the same pattern.
    try {
      return { text: decodeAs(bytes, utf16, name), warnings: [] };
    } catch {
      throw binary(name);
    }
  }
  if (looksBinary(bytes)) throw binary(name);
  try {
    // `stream` leaves out a character cut in half at the very end (a log copied mid-write) instead of failing.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true }), warnings: [] };
  } catch {
    const encoding = legacyEncoding(bytes, name);
    const text = decodeAs(bytes, encoding, name);
    const message = `${shown(name)} is not UTF-8; it was read as ${encoding}, the encoding it appears to use.`;
    return { text, warnings: [{ code: 'encoding_detected', message }] };
  }
}
