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

/** Block texts of `text.slice(from)`; `from` must be a block start (0, or where an earlier split put one). */
export function splitBlocks(text: string, from = 0): string[] {
  const blocks: string[] = [];
  let start = from;
  let fence: string | null = null;
  let math = false;
  let blank = false;
  let list = false;
  let content = false;
  let pos = from;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl + 1;
    const line = text.slice(pos, nl === -1 ? text.length : nl);
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.slice(m[0].length).trim() === '') {
        fence = null;
      }
    } else if (math) {
      if (MATH_CLOSE.test(line)) math = false;
    } else if (line.trim() === '') {
      blank = true;
    } else {
      if (blank && pos > start && !/^[ \t]/.test(line) && !(list && LIST_ITEM.test(line))) {
        blocks.push(text.slice(start, pos));
        start = pos;
        content = false;
      }
      if (!content) list = LIST_ITEM.test(line);
      content = true;
      blank = false;
      const f = FENCE.exec(line);
      if (f && !(f[1]![0] === '`' && line.slice(f[0].length).includes('`'))) fence = f[1]!;
      else if (MATH_OPEN.test(line) && !line.trim().slice(2).includes('$$')) math = true;
    }
    pos = end;
  }
  if (start < text.length) blocks.push(text.slice(start));
  return blocks;
}

/** Keeps the split of the previous text when the new one only grew, and re-splits from its last block. */
export class BlockSplitter {
  private text = '';
  private blocks: string[] = [];

  split(text: string): string[] {
    if (this.blocks.length > 0 && text.length >= this.text.length && text.startsWith(this.text)) {
      const last = this.blocks.at(-1)!;
      const kept = this.blocks.slice(0, -1);
      this.blocks = kept.concat(splitBlocks(text, this.text.length - last.length));
    } else {
      this.blocks = splitBlocks(text);
    }
    this.text = text;
    return this.blocks;
  }
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
