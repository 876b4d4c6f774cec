/*
 * A look at a block's source before it is parsed. Markdown and TeX nest, and the parsers and the layout engine pay
 * for depth with stack: 5,000 `>` overflow micromark's stack, and 150 nested `\sqrt{` make KaTeX's boxes deep enough
 * to crash the renderer process outright, which no error boundary can catch. A block whose structure goes deeper
 * than any real reply does is shown as plain text instead.
 *
 * One pass over the characters, no regular expressions, so the check itself cannot be made slow. It is a bound,
 * not a parser: it counts what could nest without working out whether it does (code is counted like prose, and an
 * opener never closed still counts). Limits sit far above real replies (five levels of quotes or lists, a handful
 * of braces in a formula) and far below what hurts (hundreds of levels). What it does not see (emphasis nested
 * across lines, a formula nested through macros) meets the error boundary, or the depth check on KaTeX's output.
 */

export const NESTING_LIMITS = {
  /** Block quotes and list items opened on one line, counting a nested list's indentation (2 columns a level). */
  containers: 32,
  /** Emphasis delimiters (`*`, `_`, `~`) left open within one line, or in one run. */
  emphasis: 32,
  /** `{`, `[`, `\left` and `\begin` open at once, within a paragraph. */
  groups: 32,
} as const;

export type NestingProblem = keyof typeof NESTING_LIMITS;

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === NEWLINE || code === 13 || Number.isNaN(code);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isPunctuation(code: number): boolean {
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  );
}

function isDelimiter(code: number): boolean {
  return code === 42 || code === 95 || code === 126; // * _ ~
}

/** How many containers the line at `start` opens: `>` and list markers before its text, plus list indentation. */
function containerDepth(s: string, start: number, end: number): number {
  let i = start;
  let indent = 0;
  for (; i < end && (s.charCodeAt(i) === SPACE || s.charCodeAt(i) === TAB); i++) {
    indent += s.charCodeAt(i) === TAB ? 4 - (indent % 4) : 1;
  }
  let markers = 0;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 62)
      i += 1; // >
    else if ((c === 45 || c === 42 || c === 43) && isSpace(s.charCodeAt(i + 1)))
      i += 1; // - * +
    else if (isDigit(c)) {
      let j = i;
      while (j < end && j - i < 9 && isDigit(s.charCodeAt(j))) j++;
      const after = s.charCodeAt(j);
      if ((after !== 46 && after !== 41) || !isSpace(s.charCodeAt(j + 1))) break; // 1. or 1)
      i = j + 1;
    } else break;
    markers++;
    while (i < end && (s.charCodeAt(i) === SPACE || s.charCodeAt(i) === TAB)) i++;
  }
  return markers === 0 ? 0 : markers + Math.floor(indent / 2);
}

/** The first way `source` nests deeper than NESTING_LIMITS allows, or null when it stays within them. */
export function nestingProblem(source: string): NestingProblem | null {
  const length = source.length;
  // Groups stay open across lines (a display formula spans several) but not across a blank line.
  let braces = 0;
  let brackets = 0;
  let tex = 0;
  let start = 0;
  while (start <= length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = length;
    if (containerDepth(source, start, end) > NESTING_LIMITS.containers) return 'containers';
    let blank = true;
    let open = 0;
    let i = start;
    while (i < end) {
      const c = source.charCodeAt(i);
      if (!isSpace(c)) blank = false;
      if (c === BACKSLASH) {
        let j = i + 1;
        while (j < end && isLetter(source.charCodeAt(j))) j++;
        const word = source.slice(i + 1, j);
        if (word === 'left' || word === 'begin') tex++;
        else if ((word === 'right' || word === 'end') && tex > 0) tex--;
        i = j === i + 1 ? i + 2 : j; // an escaped character, or the whole control word
      } else if (isDelimiter(c)) {
        let j = i;
        while (j < end && isDelimiter(source.charCodeAt(j))) j++;
        const run = j - i;
        const before = i > start ? source.charCodeAt(i - 1) : SPACE;
        const after = j < end ? source.charCodeAt(j) : SPACE;
        const opens = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
        const closes = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
        // A run with space on both sides is text or a thematic break (`* * *`, a line of underscores): no emphasis.
        if ((opens || closes) && run > NESTING_LIMITS.emphasis) return 'emphasis';
        if (opens && !closes) open += run;
        else if (closes && !opens) open = Math.max(0, open - run);
        if (open > NESTING_LIMITS.emphasis) return 'emphasis';
        i = j;
      } else {
        if (c === 123) braces++;
        else if (c === 125 && braces > 0) braces--;
        else if (c === 91) brackets++;
        else if (c === 93 && brackets > 0) brackets--;
        i++;
      }
      if (braces + brackets + tex > NESTING_LIMITS.groups) return 'groups';
    }
    if (blank) braces = brackets = tex = 0;
    start = end + 1;
  }
  return null;
}

/**
 * KaTeX's boxes nest several elements deep per level of the formula (a square root six), and macros (`\def`) can
 * nest deeper than the source shows. Past this depth a formula is shown as its source: 32 nested roots come to
 * about 200, real formulas to under 50, and the renderer process crashes somewhere past 700.
 */
export const MATH_DEPTH_LIMIT = 300;

interface TreeNode {
  type: string;
  children?: readonly TreeNode[];
}

/** The depth of a tree of nodes, walked without recursion so that a deep one cannot overflow the stack. */
export function treeDepth(nodes: readonly TreeNode[]): number {
  let max = 0;
  const stack: [readonly TreeNode[], number][] = [[nodes, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [level, depth] = top;
    for (const node of level) {
      max = Math.max(max, depth);
      if (node.children?.length) stack.push([node.children, depth + 1]);
    }
  }
  return max;
}
