import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { insideFolder, readKeptFile } from '../kept-file';

/** A document's text as it is kept and sent: the whole text, and for a PDF one string per page. */
export interface StoredText {
  text: string;
  pages: string[] | null;
}

const DOCUMENT_ID = /^[0-9a-f]{64}$/;
const FILE = /^([0-9a-f]{64})\.json$/;
/** Far above what the extractor keeps (4 million characters, JSON-escaped): a bigger file was not written by us. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function isDocumentId(id: string): boolean {
  return DOCUMENT_ID.test(id);
}

/** The one serialisation of a stored text, and its id: the same text always gets the same id, whatever its source. */
export function serialise(stored: StoredText): { id: string; json: string } {
  const json = JSON.stringify({ text: stored.text, pages: stored.pages });
  return { id: createHash('sha256').update(json).digest('hex'), json };
}

function parse(json: string): StoredText | null {
  try {
    const value = JSON.parse(json) as { text?: unknown; pages?: unknown };
    if (typeof value.text !== 'string') return null;
    const pages = Array.isArray(value.pages) && value.pages.every((p) => typeof p === 'string') ? value.pages : null;
    return { text: value.text, pages };
  } catch {
    return null;
  }
}

/** Where document texts are kept: files beside the database, or memory for tests and the in-memory history. */
export interface DocumentStore {
  /** Keeps a text under its content id (once: the same text again is the same file) and returns the id. */
  put(stored: StoredText): string;
  /** The text under this id, or null when it is gone, odd, or does not match its id. */
  get(id: string): StoredText | null;
  ids(): string[];
  remove(ids: Iterable<string>): void;
}

/** One file per text, `<sha256>.json`; only regular files of a sane size whose content matches their name are read. */
export class FileDocumentStore implements DocumentStore {
  private readonly dir: string;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.dir = realpathSync(dir);
  }

  put(stored: StoredText): string {
    const { id, json } = serialise(stored);
    try {
      // 'wx': an existing file of that name is the same text (its name is its hash), and is never written through.
      writeFileSync(insideFolder(this.dir, `${id}.json`), json, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return id;
  }

  get(id: string): StoredText | null {
    if (!isDocumentId(id)) return null;
    const bytes = readKeptFile(this.dir, `${id}.json`, MAX_FILE_BYTES);
    const stored = bytes ? parse(bytes.toString('utf8')) : null;
    // A file changed on disk is not what the message referred to.
    return stored && serialise(stored).id === id ? stored : null;
  }

  ids(): string[] {
    return readdirSync(this.dir, { withFileTypes: true }).flatMap((entry) => {
      const match = entry.isFile() ? FILE.exec(entry.name) : null;
      return match ? [match[1]!] : [];
    });
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      try {
        if (isDocumentId(id)) rmSync(insideFolder(this.dir, `${id}.json`), { force: true });
      } catch {
        // left for the next sweep
      }
    }
  }
}

export class MemoryDocumentStore implements DocumentStore {
  private readonly texts = new Map<string, StoredText>();

  put(stored: StoredText): string {
    const { id } = serialise(stored);
    this.texts.set(id, { text: stored.text, pages: stored.pages });
    return id;
  }

  get(id: string): StoredText | null {
    return this.texts.get(id) ?? null;
  }

  ids(): string[] {
    return [...this.texts.keys()];
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) this.texts.delete(id);
  }
}
