import mammoth from 'mammoth';
import { DocumentFailure, shown } from './failure.ts';
import type { DocumentLimits } from './types.ts';
import { readZip, storedZip } from './zip.ts';

/** The CFB (OLE) signature: Word 97–2003 files, and Office's password-protected files of any age. */
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream a password-protected OOXML file keeps its real zip in, as CFB spells names (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Only XML parts carry text; images, fonts and embedded files are never inflated. */
const TEXT_PART = /\.(xml|rels)$/i;

function notZip(bytes: Buffer, name: string): DocumentFailure {
  if (bytes.subarray(0, 8).equals(CFB)) {
    return bytes.includes(ENCRYPTED_PACKAGE)
      ? new DocumentFailure(
          'document_encrypted',
          `${shown(name)} needs a password. Save a copy without one and attach that.`,
        )
      : new DocumentFailure(
          'document_unsupported',
          `${shown(name)} is an old Word 97–2003 document. Save it as .docx and attach it again.`,
        );
  }
  return new DocumentFailure('document_damaged', `${shown(name)} is not a Word document or is damaged.`);
}

/**
 * Raw text by mammoth, from a copy of the document holding only its XML parts, each checked by `readZip` and stored
 * uncompressed: mammoth's own zip library then has nothing left to inflate.
 */
export async function extractDocx(bytes: Buffer, name: string, limits: DocumentLimits): Promise<string> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw notZip(bytes, name);
  const parts = readZip(bytes, name, limits, (part) => TEXT_PART.test(part));
  try {
    const result = await mammoth.extractRawText({ buffer: storedZip(parts) });
    // mammoth ends every paragraph with a blank line, the last one too.
    return result.value.trimEnd();
  } catch {
    throw new DocumentFailure('document_damaged', `${shown(name)} is not a Word document or is damaged.`);
  }
}
