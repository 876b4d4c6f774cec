/**
 * Splits Markdown into top-level blocks so a streaming reply re-renders only its last block: every block before it
 * is a stable substring, and React skips it. A boundary is a blank line outside a code fence or a `$$` math block,
 * followed by an unindented line (an indented one continues a list item or an indented code block). A loose list
 * stays one block, so its numbering and spacing come out as they would for the whole text.
 *
 * Known cost of splitting: reference-style link definitions and footnotes resolve only within their own block.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const MATH_OPEN = /^ {0,3}\$\$/;
const MATH_CLOSE = /^ {0,3}\$\$\s*$/;

/** A line that may still grow into a list item marker ("1" can become "1. "); once it cannot, it is decided. */
const LIST_ITEM_SO_FAR = /^ {0,3}(?:[-*+]|\d{1,9}[.)]?)?$/;
/** How much of the end of the text seen so far is compared with a new text to tell that it only grew. */
const GROWTH_CHECK = 256;

/**
 * Splits a growing text into blocks, append-only: each update scans only what is new since the last one, so the
 * work per delta does not grow with the reply. Finished blocks are only ever appended to `done`, and each keeps
 * its identity, so a memoized view of it never re-renders; `tail` is the block still being written.
 *
 * A line is scanned once it is complete. Whether a line starts a new block is decided as soon as its first
 * characters say so, which finishes the block before it without waiting for the line's newline.
 */
export class BlockSplitter {
  done: string[] = [];
  /** Changes when the text was replaced rather than extended, and `done` started over. */
  generation = 0;
  /** Characters scanned in all, to show that the work follows the text's growth. */
  scanned = 0;
  private text = '';
  /** Where the block being written starts, and where the first line not yet scanned starts. */
  private start = 0;
  private pos = 0;
  /** No newline lies between `pos` and here. */
  private searched = 0;
  /** Whether the line at `pos` has already been found to start a block or not. */
  private decided = false;
  private fence: string | null = null;
  private math = false;
  private blank = false;
  private list = false;
  private content = false;

  get tail(): string {
    return this.text.slice(this.start);
  }

  /**
   * Takes the whole text. When it extends the text seen before (the case while streaming), only what is new is
   * scanned; anything else splits it again from the start.
   */
  update(text: string): void {
    if (text === this.text) return;
    if (!this.extends(text)) this.reset();
    this.text = text;
    this.scan(false);
  }

  /** The text is complete: its last line counts even without a newline. No update may follow. */
  finish(): void {
    this.scan(true);
  }

  private extends(text: string): boolean {
    const old = this.text;
    if (text.length < old.length) return false;
    const from = Math.max(0, old.length - GROWTH_CHECK);
    return text.startsWith(old.slice(from), from);
  }

  private reset(): void {
    this.start = this.pos = this.searched = 0;
    this.fence = null;
    this.decided = this.math = this.blank = this.list = this.content = false;
    this.done = [];
    this.generation++;
  }

  private scan(final: boolean): void {
    const text = this.text;
    while (this.pos < text.length) {
      const from = Math.max(this.pos, this.searched);
      const nl = text.indexOf('\n', from);
      if (nl === -1 && !final) {
        this.scanned += text.length - from;
        this.searched = text.length;
        if (!this.decided) this.decide(text.slice(this.pos), false);
        return;
      }
      const end = nl === -1 ? text.length : nl + 1;
      const line = text.slice(this.pos, nl === -1 ? text.length : nl);
      this.scanned += end - from;
      if (!this.decided) this.decide(line, true);
      this.complete(line);
      this.pos = end;
      this.decided = false;
    }
  }

  /** Whether the line at `pos` starts a block: a line after a blank one, unindented, not continuing a list. */
  private decide(line: string, complete: boolean): void {
    if (this.fence || this.math) {
      this.decided = true;
      return;
    }
    if (line.trim() === '') {
      this.decided = complete;
      return;
    }
    if (this.list && !complete && LIST_ITEM_SO_FAR.test(line)) return;
    this.decided = true;
    if (this.blank && this.pos > this.start && !/^[ \t]/.test(line) && !(this.list && LIST_ITEM.test(line))) {
      this.done.push(this.text.slice(this.start, this.pos));
      this.start = this.pos;
      this.content = false;
    }
  }

  /** Reads a whole line: fences and `$$` blocks open and close, blank lines are noted. */
  private complete(line: string): void {
    if (this.fence) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === this.fence[0] && m[1]!.length >= this.fence.length && !line.slice(m[0].length).trim()) {
        this.fence = null;
      }
    } else if (this.math) {
      if (MATH_CLOSE.test(line)) this.math = false;
    } else if (line.trim() === '') {
      this.blank = true;
    } else {
      if (!this.content) this.list = LIST_ITEM.test(line);
      this.content = true;
      this.blank = false;
      const f = FENCE.exec(line);
      if (f && !(f[1]![0] === '`' && line.slice(f[0].length).includes('`'))) this.fence = f[1]!;
      else if (MATH_OPEN.test(line) && !line.trim().slice(2).includes('$$')) this.math = true;
    }
  }
}

/** The blocks of a complete text, the last one included. */
export function splitBlocks(text: string): string[] {
  const splitter = new BlockSplitter();
  splitter.update(text);
  splitter.finish();
  return splitter.tail ? [...splitter.done, splitter.tail] : splitter.done;
}

const TABLE_ROW = /^ {0,3}\|/;
const TABLE_DELIMITER = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * What to show of the block that is still streaming, so that half-written Markdown does not flash in a form it
 * will not keep: a table shows only once its delimiter row is complete, then one whole row at a time; a `$$` block
 * shows once it is closed; an open inline code span or bold run is closed for now.
 */
export function settleTail(block: string): string {
  const lines = block.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return block;
  const head = lines[first]!;
  if (TABLE_ROW.test(head)) {
    const complete = lines.slice(0, -1); // drops the row being written, or the empty string after the last newline
    if (complete.length < first + 2 || !TABLE_DELIMITER.test(complete[first + 1]!)) return '';
    return complete.join('\n');
  }
  if (MATH_OPEN.test(head) && !head.trim().slice(2).includes('$$')) {
    return lines.slice(first + 1).some((l) => MATH_CLOSE.test(l)) ? block : '';
  }
  if (FENCE.test(head)) return block; // an open fence already renders as code up to the end
  const last = lines.at(-1)!;
  let tail = block;
  if ((last.match(/`/g)?.length ?? 0) % 2 === 1) tail += '`';
  else if ((last.match(/\*\*/g)?.length ?? 0) % 2 === 1) tail += '**';
  return tail;
}
