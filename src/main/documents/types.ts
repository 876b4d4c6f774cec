import type { AppError } from '../../shared/errors.ts';

/** What a document becomes once its text has been extracted; the model only ever sees `text`. */
export type DocumentKind = 'pdf' | 'docx' | 'text';

export type DocumentWarningCode = 'page_cap' | 'pages_without_text' | 'text_cap' | 'encoding_detected';

export interface DocumentWarning {
  code: DocumentWarningCode;
  message: string;
}

export interface ExtractedDocument {
  kind: DocumentKind;
  text: string;
  /** One string per PDF page read, so the request can mark where each page starts. */
  pages?: string[];
  lines: number;
  /** Size of the file as read. */
  bytes: number;
  /** Hex SHA-256 of the file's bytes, to store each document once. */
  sha256: string;
  warnings: DocumentWarning[];
}

export interface DocumentProgress {
  /** PDF pages read so far, out of `total`. */
  done: number;
  total: number;
}

/** Bounds on what one file may cost; every one is checked before the work it guards. */
export interface DocumentLimits {
  /** Largest file accepted, checked with stat before anything is read. */
  maxBytes: number;
  /** Pages read from a PDF; the rest are left out with a warning. */
  maxPages: number;
  /** Characters of text kept; the rest is cut with a warning. */
  maxChars: number;
  /** Bytes a DOCX may inflate to in all, and per part (zip bombs). */
  maxInflatedBytes: number;
  maxEntryBytes: number;
  /** Parts in a DOCX's zip directory. */
  maxEntries: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: DocumentLimits = {
  maxBytes: 50 * MiB,
  maxPages: 2000,
  // About a million tokens: more than any model's context, so the cut is only a guard against runaway files.
  maxChars: 4_000_000,
  maxInflatedBytes: 200 * MiB,
  maxEntryBytes: 100 * MiB,
  maxEntries: 5000,
};

/** What main sends the worker: one file. */
export interface WorkerJob {
  source: { path: string } | { bytes: Uint8Array };
  name: string;
  limits: DocumentLimits;
}

/** What the worker answers: progress while it reads pages, then one `done`. */
export type WorkerMessage =
  | ({ type: 'progress' } & DocumentProgress)
  | { type: 'done'; ok: true; value: ExtractedDocument }
  | { type: 'done'; ok: false; error: AppError };
