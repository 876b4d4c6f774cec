import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentExtractor, WORKER_FILE } from '../src/main/documents/extractor';
import { accepted, docx, encryptedPdf, longPdf, refusal } from '../test/documents';

/**
 * The extraction worker as the app ships it: the bundle electron-vite wrote to out/main, loaded from there with
 * the packages it leaves external (pdfjs-dist, mammoth, chardet, iconv-lite) resolved from node_modules.
 */
const built = resolve('out/main', WORKER_FILE);

test('the built documents worker reads PDF, DOCX and text from out/main', async () => {
  const source = readFileSync(built, 'utf8');
  expect(source).not.toMatch(/from ["']electron["']/);
  const extractor = new DocumentExtractor({ workerUrl: pathToFileURL(built) });
  try {
    const pages: number[] = [];
    const pdf = accepted(
      await extractor.extractDocument(await longPdf(12), 'report.pdf', { onProgress: (p) => pages.push(p.done) }),
    );
    expect(pdf.pages).toHaveLength(12);
    expect(pdf.pages?.[11]).toBe('Page 12 line 1: the quarterly figures rose again.');
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    const word = accepted(await extractor.extractDocument(docx(['Agenda', 'Budget review']), 'agenda.docx'));
    expect(word.text).toBe('Agenda\n\nBudget review');

    const code = accepted(await extractor.extractDocument(Buffer.from('print("hi")\n'), 'hello.py'));
    expect(code).toMatchObject({ kind: 'text', text: 'print("hi")\n', lines: 1 });

    const locked = refusal(await extractor.extractDocument(encryptedPdf(await longPdf(1)), 'locked.pdf'));
    expect(locked.code).toBe('document_encrypted');
  } finally {
    await extractor.close();
  }
});
