import { createRequire, registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { DocumentFailure, shown } from './failure.ts';
import type { DocumentLimits, DocumentProgress, DocumentWarning } from './types.ts';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

type Pdfjs = typeof PdfjsModule;

export interface PdfText {
  text: string;
  pages: string[];
  warnings: DocumentWarning[];
}

let pdfjs: Promise<Pdfjs> | null = null;

/**
 * pdfjs in Node loads the native @napi-rs/canvas (an optional dependency) to draw pages. Text needs none of it,
 * so it is kept out: the same code path in tests and in the app (which does not ship it), and no native image code
 * runs on hostile files.
 */
function withoutCanvas(): void {
  registerHooks({
    resolve(specifier, context, next) {
      if (specifier === '@napi-rs/canvas') throw new Error('not used: text extraction only');
      return next(specifier, context);
    },
  });
}

function load(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    withoutCanvas();
    // While loading, pdfjs warns that it cannot draw without the canvas; its later warnings follow `verbosity`.
    const warn = console.warn;
    console.warn = () => {};
    try {
      // pdfjs looks for `globalThis.pdfjsWorker` before it tries to import its worker script by URL; its parser
      // then runs in this thread, which is already off main's event loop.
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
  })();
  return pdfjs;
}

/** Character maps for CJK fonts that name a predefined encoding instead of embedding one; read from disk. */
function cMapUrl(): string {
  return join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + '/';
}

function openFailure(error: unknown, name: string): DocumentFailure {
  if ((error as { name?: string }).name === 'PasswordException') {
    return new DocumentFailure(
      'document_encrypted',
      `${shown(name)} needs a password. Save a copy without the password and attach that.`,
    );
  }
  return new DocumentFailure(
    'document_damaged',
    `${shown(name)} is damaged or incomplete, so it cannot be read as a PDF.`,
  );
}

function pageText(items: Array<TextItem | TextMarkedContent>): string {
  let text = '';
  for (const item of items) {
    if (!('str' in item)) continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text.trimEnd();
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

export async function extractPdf(
  bytes: Buffer,
  name: string,
  limits: DocumentLimits,
  onProgress: (progress: DocumentProgress) => void,
): Promise<PdfText> {
  const { getDocument, VerbosityLevel } = await load();
  const task = getDocument({
    // pdfjs may take ownership of the buffer it is given; it gets its own copy.
    data: new Uint8Array(bytes),
    // Text only: no fonts loaded, no fetches, no image decoders, no XFA forms. (pdfjs 6 compiles no code at all,
    // so the old isEvalSupported switch is gone.)
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    cMapUrl: cMapUrl(),
    cMapPacked: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw openFailure(error, name);
    });
    const total = Math.min(doc.numPages, limits.maxPages);
    const pages: string[] = [];
    const warnings: DocumentWarning[] = [];
    let chars = 0;
    let unreadable = 0;
    for (let number = 1; number <= total; number++) {
      let text = '';
      try {
        const page = await doc.getPage(number);
        text = pageText((await page.getTextContent()).items);
        page.cleanup();
      } catch {
        unreadable++;
      }
      if (chars + text.length > limits.maxChars) {
        pages.push(text.slice(0, Math.max(0, limits.maxChars - chars)));
        const message = `Only the first ${limits.maxChars.toLocaleString('en')} characters of ${shown(name)} were kept, up to page ${number}.`;
        warnings.push({ code: 'text_cap', message });
        break;
      }
      pages.push(text);
      chars += text.length;
      onProgress({ done: number, total });
    }
    if (pages.every((page) => page.trim() === '')) {
      if (unreadable === pages.length) throw openFailure(new Error('no page could be read'), name);
      throw new DocumentFailure(
        'document_no_text',
        `${shown(name)} has no text layer; text in images cannot be read. If it is a scan, run it through OCR first.`,
      );
    }
    if (doc.numPages > total) {
      const message = `Only the first ${plural(total, 'page')} of ${shown(name)}’s ${doc.numPages.toLocaleString('en')} were read.`;
      warnings.push({ code: 'page_cap', message });
    }
    const blank = pages.filter((page) => page.trim() === '').length;
    if (blank > 0) {
      const why = unreadable > 0 ? `${plural(unreadable, 'page')} could not be read` : 'they may be scanned or empty';
      const message = `${plural(blank, 'page')} of ${shown(name)} gave no text (${why}).`;
      warnings.push({ code: 'pages_without_text', message });
    }
    return { text: pages.join('\n\n'), pages, warnings };
  } finally {
    await task.destroy();
  }
}
