/**
 * Documents made on the fly for the extraction tests and the bench, so no binary fixture is committed:
 * text PDFs by pdf-lib, an encrypted copy by qpdf, DOCX files and zip bombs by the app's own zip writer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { DocumentExtractor } from '../src/main/documents/extractor';
import type { ExtractedDocument } from '../src/main/documents/types';
import { zipArchive, type ZipPart } from '../src/main/documents/zip';
import type { AppError, Result } from '../src/shared/errors';
import { PNG_BASE64 } from './images';

export const PNG_BYTES = Buffer.from(PNG_BASE64, 'base64');

/** A PDF with one page per entry; each line of an entry is drawn as a line of text. */
export async function textPdf(pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const page of pages) {
    const sheet = doc.addPage([595, 842]);
    page.split('\n').forEach((line, i) => sheet.drawText(line, { x: 50, y: 790 - i * 14, size: 11, font }));
  }
  return Buffer.from(await doc.save());
}

/** `count` pages of `lines` lines each, every line naming its page, as in a long report. */
export function longPdf(count: number, lines = 1): Promise<Buffer> {
  const page = (n: number) =>
    Array.from({ length: lines }, (_, l) => `Page ${n} line ${l + 1}: the quarterly figures rose again.`).join('\n');
  return textPdf(Array.from({ length: count }, (_, i) => page(i + 1)));
}

/** What a scanner makes: pages that are only a picture. */
export async function imagePdf(pages = 2): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(PNG_BYTES);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}

/** `plain` encrypted by qpdf with AES-256 and a user password (installed by .ci/run; apt package qpdf). */
export function encryptedPdf(plain: Buffer, userPassword = 'secret'): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), plain);
    const args = ['--encrypt', userPassword, 'owner-password', '256', '--', 'in.pdf', 'out.pdf'];
    execFileSync('qpdf', args, { cwd: dir });
    return readFileSync(join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function deflated(name: string, text: string | Uint8Array): ZipPart {
  const data = typeof text === 'string' ? Buffer.from(text) : text;
  return { name, method: 8, data: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The three parts every Word document needs, with one paragraph per entry. */
export function docxParts(paragraphs: string[]): ZipPart[] {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`).join('');
  return [
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    deflated(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    deflated(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  ];
}

export function docx(paragraphs: string[], extra: ZipPart[] = []): Buffer {
  return zipArchive([...docxParts(paragraphs), ...extra]);
}

const MiB = 1024 * 1024;
const zeroMiB = Buffer.alloc(MiB);
/** One MiB of zeros as non-final deflate blocks (a full flush aligns them), so copies can be chained. */
const zeroBlock = deflateRawSync(zeroMiB, { finishFlush: constants.Z_FULL_FLUSH });
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * A part that inflates to `mib` MiB of zeros from about a thousandth of that, made without ever holding the zeros:
 * the shape of a zip bomb. `declared` is the size its headers claim (the truth unless a test wants a lie).
 */
export function zeros(name: string, mib: number, declared = mib * MiB): ZipPart {
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(zeroMiB, crc);
  const data = Buffer.concat([...Array<Buffer>(mib).fill(zeroBlock), FINAL_EMPTY_BLOCK]);
  return { name, method: 8, data, size: declared, crc };
}

/**
 * The start of a password-protected Office file: a CFB container holding an `EncryptedPackage` stream. Only the
 * signature and the stream's name are real (all the reader looks at); making a real one needs Office's crypto.
 */
export function passwordProtectedOffice(): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([header, Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(1024)]);
}

/** The worker's TypeScript source, which Node runs as it is (the app runs the built out/main/documents-worker.js). */
export const SOURCE_WORKER = new URL('../src/main/documents/worker.ts', import.meta.url);

/** The result's error, failing the test if the file was read. */
export function refusal(result: Result<ExtractedDocument>): AppError {
  if (result.ok) throw new Error(`expected a refusal, got a ${result.value.kind} of ${result.value.text.length} chars`);
  return result.error;
}

/** The document, failing the test with the refusal's message if there was one. */
export function accepted(result: Result<ExtractedDocument>): ExtractedDocument {
  if (!result.ok) throw new Error(`expected a document, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** After a refusal, the pool still reads the next file. */
export async function stillWorks(extractor: DocumentExtractor): Promise<void> {
  const next = accepted(await extractor.extractDocument(Buffer.from('still here\n'), 'next.txt'));
  if (next.text !== 'still here\n') throw new Error(`the pool read ${JSON.stringify(next.text)}`);
}
