/*
 * How tall a group of blocks will be before it has ever been laid out (a group out of view is sized by this, see
 * BlockGroup): an estimate per block from its kind and lines, scaled by how far off the estimates were for the
 * groups measured so far (window width, fonts and content all play a part).
 */

const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const TABLE = /^ {0,3}\|/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const MATH = /^ {0,3}\$\$/;
/** Characters on a line of text in a reply's column, and a line's height (px) with the gap after a block. */
const LINE_CHARS = 90;
const LINE_PX = 24;
const GAP_PX = 12;

function estimate(block: string): number {
  const lines = block.trimEnd().split('\n');
  const head = lines[0] ?? '';
  if (FENCE.test(head)) return 56 + (lines.length - 2) * 20 + GAP_PX;
  if (TABLE.test(head)) return (lines.length - 1) * 35 + GAP_PX;
  if (HEADING.test(head)) return 44;
  if (MATH.test(head)) return 56 + GAP_PX;
  return lines.reduce((px, line) => px + Math.max(1, Math.ceil(line.length / LINE_CHARS)) * LINE_PX, GAP_PX);
}

const sums = { estimated: 0, measured: 0 };

/** A group's height, estimated, in px. */
export function estimateGroup(blocks: readonly string[]): number {
  const raw = blocks.reduce((px, block) => px + estimate(block), 0);
  const scale = sums.estimated > 5_000 ? Math.min(3, Math.max(1 / 3, sums.measured / sums.estimated)) : 1;
  return Math.round(raw * scale);
}

/** A group was laid out at `px` where `estimated` had been guessed (both 0 to take back an earlier sample). */
export function measuredGroup(estimated: number, px: number): void {
  sums.estimated += estimated;
  sums.measured += px;
}
