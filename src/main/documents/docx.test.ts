import { afterAll, describe, expect, it } from 'vitest';
import {
  accepted,
  deflated,
  docx,
  docxParts,
  passwordProtectedOffice,
  refusal,
  SOURCE_WORKER,
  stillWorks,
  zeros,
} from '../../../test/documents';
import { DocumentExtractor } from './extractor';
import { zipArchive } from './zip';

const extractor = new DocumentExtractor({ workerUrl: SOURCE_WORKER });
afterAll(() => extractor.close());

const limits = { maxInflatedBytes: 8 << 20, maxEntryBytes: 4 << 20, maxEntries: 50 };

describe('DOCX text', () => {
  it('reads the paragraphs of a Word document', async () => {
    const file = docx(['Minutes of the meeting', 'Present: Ana, Bo & Chen', 'Next meeting <Tuesday>']);
    const doc = accepted(await extractor.extractDocument(file, 'minutes.docx'));
    expect(doc).toMatchObject({ kind: 'docx', lines: 5, bytes: file.length, warnings: [] });
    expect(doc.text).toBe('Minutes of the meeting\n\nPresent: Ana, Bo & Chen\n\nNext meeting <Tuesday>');
    expect(doc.pages).toBeUndefined();
  });

  it('never inflates pictures or embedded files, so a bomb hidden in one does not matter', async () => {
    const file = docx(['Report'], [zeros('word/media/image1.png', 64), zeros('word/embeddings/sheet.bin', 64)]);
    expect(accepted(await extractor.extractDocument(file, 'report.docx', { limits })).text).toBe('Report');
  });
});

describe('DOCX files that cannot be read', () => {
  it('refuses a zip bomb whose parts declare more than the total allowed, before inflating any', async () => {
    const parts = Array.from({ length: 3 }, (_, i) => zeros(`word/part${i}.xml`, 3));
    const error = refusal(await extractor.extractDocument(docx(['x'], parts), 'bomb.docx', { limits }));
    expect(error.code).toBe('document_too_complex');
    expect(error.message).toBe('“bomb.docx” expands to 9.0 MB, over the 8.0 MB allowed; it was not opened.');
    await stillWorks(extractor);
  });

  it('refuses a part declared larger than one part may be, without reading its data', async () => {
    // The data is garbage: had it been inflated, the answer would be "damaged", not "too complex".
    const huge = { name: 'word/document.xml', method: 8 as const, data: Buffer.alloc(64, 0xff), size: 2 ** 31, crc: 0 };
    const error = refusal(await extractor.extractDocument(zipArchive([huge]), 'huge.docx'));
    expect(error.code).toBe('document_too_complex');
    expect(error.message).toBe(
      '“huge.docx” has a part that expands to 2048 MB, over the 100 MB allowed; it was not opened.',
    );
    await stillWorks(extractor);
  });

  it('stops a part whose header lies about its size as soon as it inflates past it', async () => {
    const liar = zeros('word/styles.xml', 1024, 1000); // 1 GiB of zeros claiming to be 1,000 bytes
    const error = refusal(await extractor.extractDocument(docx(['x'], [liar]), 'liar.docx'));
    expect(error.code).toBe('document_too_complex');
    expect(error.message).toBe(
      '“liar.docx” expands to more than its zip directory says, the mark of a zip bomb; it was not opened.',
    );
    await stillWorks(extractor);
  });

  it('refuses a zip with more parts than a document needs', async () => {
    const many = Array.from({ length: 60 }, (_, i) => deflated(`word/p${i}.xml`, '<x/>'));
    const error = refusal(await extractor.extractDocument(docx(['x'], many), 'many.docx', { limits }));
    expect(error.code).toBe('document_too_complex');
    expect(error.message).toBe('“many.docx” has 63 parts, more than a document needs; it was not opened.');
    await stillWorks(extractor);
  });

  it('refuses a truncated DOCX as damaged', async () => {
    const file = docx(['A paragraph long enough to matter. '.repeat(50)]);
    const error = refusal(await extractor.extractDocument(file.subarray(0, file.length - 40), 'cut.docx'));
    expect(error.code).toBe('document_damaged');
    expect(error.message).toBe('“cut.docx” is damaged or incomplete (no zip directory at its end).');
    await stillWorks(extractor);
  });

  it('refuses a part whose compressed data is corrupt', async () => {
    const [types, rels, body] = docxParts(['text']);
    const broken = { ...body!, data: Buffer.from(body!.data).fill(0xff, 4, 20) };
    const error = refusal(await extractor.extractDocument(zipArchive([types!, rels!, broken]), 'corrupt.docx'));
    expect(error.code).toBe('document_damaged');
    expect(error.message).toMatch(/^“corrupt\.docx” is damaged or incomplete \(part “word\/document\.xml” /);
    await stillWorks(extractor);
  });

  it('refuses a zip that is not a Word document', async () => {
    const error = refusal(await extractor.extractDocument(zipArchive([deflated('notes.xml', '<a/>')]), 'x.docx'));
    expect(error).toEqual({ code: 'document_damaged', message: '“x.docx” is not a Word document or is damaged.' });
    await stillWorks(extractor);
  });

  it('refuses XML that declares its own entities (a billion laughs) as damaged', async () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">${lol}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>`;
    const [types, rels] = docxParts([]);
    const file = zipArchive([types!, rels!, deflated('word/document.xml', xml)]);
    // mammoth's XML parser does not expand entities a document declares; it rejects them.
    expect(refusal(await extractor.extractDocument(file, 'laughs.docx'))).toEqual({
      code: 'document_damaged',
      message: '“laughs.docx” is not a Word document or is damaged.',
    });
    await stillWorks(extractor);
  });

  it('says a password-protected Word file needs its password', async () => {
    const error = refusal(await extractor.extractDocument(passwordProtectedOffice(), 'secret.docx'));
    expect(error).toEqual({
      code: 'document_encrypted',
      message: '“secret.docx” needs a password. Save a copy without one and attach that.',
    });
    await stillWorks(extractor);
  });

  it('names an old Word 97–2003 file instead of calling it damaged', async () => {
    const old = Buffer.concat([passwordProtectedOffice().subarray(0, 8), Buffer.alloc(2048)]);
    const error = refusal(await extractor.extractDocument(old, 'letter.doc'));
    expect(error).toEqual({
      code: 'document_unsupported',
      message: '“letter.doc” is an old Word 97–2003 document. Save it as .docx and attach it again.',
    });
    await stillWorks(extractor);
  });

  it('says a Word document without text has none', async () => {
    const error = refusal(await extractor.extractDocument(docx(['', '  ']), 'blank.docx'));
    expect(error).toEqual({ code: 'document_empty', message: '“blank.docx” has no text in it.' });
    await stillWorks(extractor);
  });
});
