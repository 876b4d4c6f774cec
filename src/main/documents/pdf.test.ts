import { afterAll, describe, expect, it } from 'vitest';
import {
  accepted,
  encryptedPdf,
  imagePdf,
  longPdf,
  refusal,
  SOURCE_WORKER,
  stillWorks,
  textPdf,
} from '../../../test/documents';
import { DocumentExtractor } from './extractor';
import type { DocumentProgress } from './types';

const extractor = new DocumentExtractor({ workerUrl: SOURCE_WORKER });
afterAll(() => extractor.close());

describe('PDF text', () => {
  it('reads every page, keeps page texts apart and reports progress page by page', async () => {
    const pdf = await textPdf(['Invoice 2291\nTotal due: 1,200 EUR', 'Terms: payable within 30 days', 'Signed']);
    const progress: DocumentProgress[] = [];
    const doc = accepted(await extractor.extractDocument(pdf, 'invoice.pdf', { onProgress: (p) => progress.push(p) }));
    expect(doc.kind).toBe('pdf');
    expect(doc.pages).toEqual(['Invoice 2291\nTotal due: 1,200 EUR', 'Terms: payable within 30 days', 'Signed']);
    expect(doc.text).toBe('Invoice 2291\nTotal due: 1,200 EUR\n\nTerms: payable within 30 days\n\nSigned');
    expect(doc.lines).toBe(6);
    expect(doc.bytes).toBe(pdf.length);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.warnings).toEqual([]);
    expect(progress).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
  });

  it('reads a PDF whose only password is the owner’s (it opens without one)', async () => {
    const pdf = encryptedPdf(await textPdf(['Open to read, locked to edit']), '');
    expect(accepted(await extractor.extractDocument(pdf, 'owner-only.pdf')).text).toBe('Open to read, locked to edit');
  });

  it('warns about pages that gave no text among pages that did', async () => {
    const pdf = await textPdf(['First page', '', 'Third page']);
    const doc = accepted(await extractor.extractDocument(pdf, 'gap.pdf'));
    expect(doc.pages).toEqual(['First page', '', 'Third page']);
    expect(doc.warnings).toEqual([
      { code: 'pages_without_text', message: '1 page of “gap.pdf” gave no text (they may be scanned or empty).' },
    ]);
  });
});

describe('PDFs that cannot be read', () => {
  it('asks for the password of an encrypted PDF', async () => {
    const pdf = encryptedPdf(await textPdf(['Confidential']));
    const error = refusal(await extractor.extractDocument(pdf, 'locked.pdf'));
    expect(error.code).toBe('document_encrypted');
    expect(error.message).toBe('“locked.pdf” needs a password. Save a copy without the password and attach that.');
    await stillWorks(extractor);
  });

  it('says a scanned PDF has no text layer', async () => {
    const error = refusal(await extractor.extractDocument(await imagePdf(3), 'scan.pdf'));
    expect(error.code).toBe('document_no_text');
    expect(error.message).toContain('“scan.pdf” has no text layer; text in images cannot be read.');
    await stillWorks(extractor);
  });

  it('refuses a truncated PDF as damaged', async () => {
    const pdf = await longPdf(20, 10);
    const error = refusal(await extractor.extractDocument(pdf.subarray(0, pdf.length / 2), 'cut.pdf'));
    expect(error.code).toBe('document_damaged');
    expect(error.message).toBe('“cut.pdf” is damaged or incomplete, so it cannot be read as a PDF.');
    await stillWorks(extractor);
  });

  it('refuses a PDF whose body is garbage', async () => {
    const junk = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0xa7)]);
    const error = refusal(await extractor.extractDocument(junk, 'junk.pdf'));
    expect(error.code).toBe('document_damaged');
    await stillWorks(extractor);
  });

  it('refuses a .pdf that is not a PDF inside', async () => {
    const error = refusal(await extractor.extractDocument(Buffer.from('<html>not a pdf</html>'), 'page.pdf'));
    expect(error.code).toBe('document_damaged');
    expect(error.message).toBe('“page.pdf” is not a PDF inside, or it is damaged.');
    await stillWorks(extractor);
  });
});

describe('large PDFs', () => {
  it('reads only the first pages of a PDF with thousands, and says so', async () => {
    const pdf = await longPdf(2500);
    const progress: DocumentProgress[] = [];
    const doc = accepted(
      await extractor.extractDocument(pdf, 'ledger.pdf', {
        limits: { maxPages: 40 },
        onProgress: (p) => progress.push(p),
      }),
    );
    expect(doc.pages).toHaveLength(40);
    expect(doc.pages?.[39]).toBe('Page 40 line 1: the quarterly figures rose again.');
    expect(progress.at(-1)).toEqual({ done: 40, total: 40 });
    expect(doc.warnings).toEqual([
      { code: 'page_cap', message: 'Only the first 40 pages of “ledger.pdf”’s 2,500 were read.' },
    ]);
  }, 60_000); // making a 2,500-page PDF takes a few seconds, more on a loaded machine

  it('stops reading pages once the text limit is reached', async () => {
    const doc = accepted(await extractor.extractDocument(await longPdf(30), 'long.pdf', { limits: { maxChars: 200 } }));
    expect(doc.pages!.join('').length).toBe(200);
    expect(doc.pages!.length).toBeLessThan(30);
    expect(doc.warnings.map((w) => w.code)).toEqual(['text_cap']);
  });
});
