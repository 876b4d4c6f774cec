import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { accepted, PNG_BYTES, refusal, SOURCE_WORKER, stillWorks } from '../../../test/documents';
import { DocumentExtractor } from './extractor';

const extractor = new DocumentExtractor({ workerUrl: SOURCE_WORKER });
afterAll(() => extractor.close());

const read = async (bytes: Uint8Array, name: string) => accepted(await extractor.extractDocument(bytes, name));

describe('text files', () => {
  it('reads UTF-8 text, source code and files with no known extension', async () => {
    const code = 'export const answer = 42; // “quoted” ✓\n';
    expect(await read(Buffer.from(code), 'answer.ts')).toMatchObject({ kind: 'text', text: code, lines: 1 });
    expect((await read(Buffer.from('a,b\n1,2\n3,4'), 'table.csv')).lines).toBe(3);
    expect((await read(Buffer.from('[core]\n\tbare = false\n'), 'config')).text).toBe('[core]\n\tbare = false\n');
    expect((await read(Buffer.from('\x1b[32mok\x1b[0m build passed\n'), 'ci.log')).text).toContain('build passed');
  });

  it('decodes UTF-8 and UTF-16 and UTF-32 with a byte order mark, and UTF-16 without one', async () => {
    const text = 'Grüße aus Köln — 東京\n';
    const cases: Array<[string, Buffer]> = [
      ['utf-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['utf-16le BOM', iconv.encode(text, 'utf-16le', { addBOM: true })],
      ['utf-16be BOM', iconv.encode(text, 'utf-16be', { addBOM: true })],
      ['utf-32le BOM', iconv.encode(text, 'utf-32le', { addBOM: true })],
      ['utf-16le', iconv.encode(text.repeat(3), 'utf-16le')],
    ];
    for (const [label, bytes] of cases) {
      expect((await read(bytes, `${label}.txt`)).text, label).toBe(label === 'utf-16le' ? text.repeat(3) : text);
    }
  });

  it('keeps a UTF-8 file whose last character was cut in half', async () => {
    const cut = Buffer.from('log line €').subarray(0, -1);
    expect((await read(cut, 'tail.log')).text).toBe('log line ');
  });

  it('reads a text file that mentions the PDF header as text', async () => {
    const text = 'Every PDF starts with %PDF-1.7 and ends with %%EOF.\n';
    expect(await read(Buffer.from(text), 'notes.md')).toMatchObject({ kind: 'text', text });
  });

  it('detects common legacy encodings and says which one it used', async () => {
    const cases: Array<[string, string]> = [
      ['windows-1252', 'Prix: 5 € le café crème; naïve façade — résumé “quoted”.\nÜber die Straße, Größe.\n'],
      ['Shift_JIS', 'これは日本語のテキストです。文字コードの判定をテストします。\n東京都渋谷区\n'],
      ['windows-1251', 'Это русский текст в кодировке windows-1251. Проверка определения.\n'],
    ];
    for (const [encoding, text] of cases) {
      const doc = await read(iconv.encode(text, encoding), `${encoding}.txt`);
      expect(doc.text, encoding).toBe(text);
      expect(doc.warnings).toEqual([
        {
          code: 'encoding_detected',
          message: `“${encoding}.txt” is not UTF-8; it was read as ${encoding}, the encoding it appears to use.`,
        },
      ]);
    }
  });
});

describe('text files that cannot be read', () => {
  it('refuses a binary file renamed to .txt', async () => {
    const error = refusal(await extractor.extractDocument(PNG_BYTES, 'photo.txt'));
    expect(error).toEqual({
      code: 'document_binary',
      message: '“photo.txt” looks like a binary file, not text, so its content cannot be attached.',
    });
    await stillWorks(extractor);
  });

  it('refuses binary data whose zeros fall like UTF-16’s (16-bit samples) as binary', async () => {
    const samples = Buffer.alloc(4096);
    for (let i = 0; i < samples.length; i += 2) samples[i] = (i * 37) % 32;
    expect(refusal(await extractor.extractDocument(samples, 'audio.txt')).code).toBe('document_binary');
    await stillWorks(extractor);
  });

  it('refuses binary content without NUL bytes by its share of control characters', async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 255 || 1));
    expect(refusal(await extractor.extractDocument(noise, 'noise.md')).code).toBe('document_binary');
    await stillWorks(extractor);
  });

  it('refuses text whose encoding cannot be told with confidence, with the reason', async () => {
    const error = refusal(await extractor.extractDocument(iconv.encode('日本語\n', 'Shift_JIS'), 'short.txt'));
    expect(error.code).toBe('document_encoding');
    expect(error.message).toMatch(
      /^“short\.txt” is not UTF-8 text and its encoding could not be recognised \(the closest guess, .+, is too uncertain\)\. Save it as UTF-8 and attach it again\.$/,
    );
    await stillWorks(extractor);
  });

  it('refuses text that declares UTF-16 but is not', async () => {
    const bogus = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(64, 0xd8)]);
    const error = refusal(await extractor.extractDocument(bogus, 'bogus.txt'));
    expect(error).toEqual({
      code: 'document_encoding',
      message:
        '“bogus.txt” does not read as utf-16le: too many characters are invalid. Save it as UTF-8 and attach it again.',
    });
    await stillWorks(extractor);
  });

  it('refuses an empty file and one with only blank lines', async () => {
    expect(refusal(await extractor.extractDocument(Buffer.alloc(0), 'empty.txt'))).toEqual({
      code: 'document_empty',
      message: '“empty.txt” is empty.',
    });
    expect(refusal(await extractor.extractDocument(Buffer.from('\n \n\t\n'), 'blank.md'))).toEqual({
      code: 'document_empty',
      message: '“blank.md” has no text in it.',
    });
    await stillWorks(extractor);
  });

  it('cuts text past the character limit and says so', async () => {
    const doc = accepted(
      await extractor.extractDocument(Buffer.from('x'.repeat(500)), 'big.txt', { limits: { maxChars: 100 } }),
    );
    expect(doc.text).toHaveLength(100);
    expect(doc.warnings).toEqual([
      { code: 'text_cap', message: 'Only the first 100 characters of “big.txt” were kept.' },
    ]);
  });

  it('strips control and bidi characters from the file name it shows, and shortens a long one', async () => {
    const name = `\u202Egnp.${'a'.repeat(200)}\u0007.txt`;
    const { message } = refusal(await extractor.extractDocument(Buffer.alloc(0), name));
    expect(message).toBe(`“gnp.${'a'.repeat(73)}…” is empty.`);
  });
});
