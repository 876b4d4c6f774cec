import { memo, useState } from 'react';
import { BlockSplitter, settleTail } from './blocks';
import { BlockGroup } from './BlockGroup';
import { MarkdownBlock, type OpenLink } from './MarkdownBlock';
import 'katex/dist/katex.min.css';
import './markdown.css';

/** Blocks per frozen group: few enough to render in one go, enough that a long reply has few groups. */
const GROUP = 32;
/**
 * About a screenful of Markdown, in characters (a rendered line of 90 to 100 of them is 24 to 30 px high, and
 * headings, code and tables take more room): the blocks this close to the end render at once, the rest may wait.
 */
const lastScreenChars = () => Math.min(3_000, Math.max(600, window.innerHeight * 1.5));

export interface MarkdownProps {
  text: string;
  /** While streaming, the last block is shown settled (see settleTail). */
  streaming: boolean;
  onOpenLink: OpenLink;
}

/** Finished blocks in groups of GROUP; a sealed group is the same array every time, so its view is skipped. */
class Groups {
  private generation = -1;
  private groups: (readonly string[])[] = [];

  of(done: readonly string[], generation: number): (readonly string[])[] {
    if (generation !== this.generation) [this.generation, this.groups] = [generation, []];
    const count = Math.ceil(done.length / GROUP);
    for (let g = Math.max(0, this.groups.length - 1); g < count; g++) {
      const size = Math.min(GROUP, done.length - g * GROUP);
      if (this.groups[g]?.length !== size) this.groups[g] = done.slice(g * GROUP, g * GROUP + size);
    }
    return this.groups.slice(0, count);
  }
}

/**
 * A reply as Markdown, split into blocks as it grows (see blocks.ts): finished blocks are frozen in groups and the
 * last one re-renders as text arrives, so the work per delta stays the same however long the reply gets.
 */
export const Markdown = memo(function Markdown({ text, streaming, onOpenLink }: MarkdownProps) {
  const [splitter] = useState(() => new BlockSplitter());
  const [grouping] = useState(() => new Groups());
  splitter.update(text);
  const { done, tail, generation } = splitter;
  const groups = grouping.of(done, generation);
  // The first block, counting back from the end, that is still within the last screen.
  let eager = done.length;
  const screen = lastScreenChars();
  for (let chars = tail.length; eager > 0 && chars < screen;) chars += done[--eager]!.length;
  return (
    <>
      {groups.map((blocks, g) => (
        <BlockGroup
          key={`${generation}:${g}`}
          blocks={blocks}
          eagerFrom={Math.max(0, Math.min(GROUP, eager - g * GROUP))}
          onOpenLink={onOpenLink}
        />
      ))}
      {tail && <MarkdownBlock text={streaming ? settleTail(tail) : tail} onOpenLink={onOpenLink} tail={streaming} />}
    </>
  );
});
