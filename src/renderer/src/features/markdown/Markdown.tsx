import { memo, useState } from 'react';
import { BlockSplitter, settleTail } from './blocks';
import { MarkdownBlock, type OpenLink } from './MarkdownBlock';
import 'katex/dist/katex.min.css';
import './markdown.css';

/**
 * `?render=full` turns the tail-only path off: the whole reply is parsed and rendered again on every delta.
 * It exists for the rendering benchmark's baseline.
 */
const WHOLE = typeof location !== 'undefined' && new URLSearchParams(location.search).get('render') === 'full';

export interface MarkdownProps {
  text: string;
  /** While streaming, the last block is shown settled (see settleTail). */
  streaming: boolean;
  onOpenLink: OpenLink;
}

/** A reply as Markdown, split into blocks so a growing reply re-renders only its last block. */
export const Markdown = memo(function Markdown({ text, streaming, onOpenLink }: MarkdownProps) {
  const [splitter] = useState(() => new BlockSplitter());
  if (WHOLE) return <MarkdownBlock text={text} onOpenLink={onOpenLink} />;
  const blocks = splitter.split(text);
  return blocks.map((block, i) => {
    const tail = streaming && i === blocks.length - 1;
    return <MarkdownBlock key={i} text={tail ? settleTail(block) : block} onOpenLink={onOpenLink} tail={tail} />;
  });
});
