import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { MarkdownBlock, type OpenLink } from './MarkdownBlock';
import { defer, hurry } from './render-queue';

/*
 * Finished blocks of a reply, frozen in groups: a group re-renders only while it is the one being filled, and the
 * browser skips the layout and paint of groups out of view (`content-visibility: auto`). A skipped group takes the
 * height it last had on screen; one never laid out yet takes an estimate from its length, at the height per
 * character measured on the groups laid out so far.
 */

const measured = { chars: 0, px: 0 };
/** Height per character of Markdown; until groups have been measured, a line of 90 characters, 24 px high. */
const pxPerChar = () => (measured.chars > 2_000 ? measured.px / measured.chars : 24 / 90);
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** One block: Markdown at once when `eager`, else plain text until the render queue gets to it. */
const DeferredBlock = memo(function DeferredBlock({
  text,
  eager,
  group,
  onOpenLink,
}: {
  text: string;
  eager: boolean;
  group: object;
  onOpenLink: OpenLink;
}) {
  const [rich, setRich] = useState(eager);
  useEffect(() => (rich ? undefined : defer(group, () => setRich(true))), [rich, group]);
  return rich ? <MarkdownBlock text={text} onOpenLink={onOpenLink} /> : <div className="md-plain">{text}</div>;
});

export const BlockGroup = memo(function BlockGroup({
  blocks,
  eagerFrom,
  onOpenLink,
}: {
  blocks: readonly string[];
  /** Blocks from this index on render as Markdown at once (they are in the last screen of the reply). */
  eagerFrom: number;
  onOpenLink: OpenLink;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [token] = useState(() => ({}));
  const [estimate] = useState(() => Math.round(blocks.reduce((n, b) => n + b.length, 0) * pxPerChar()));

  const chars = useRef(0);
  chars.current = blocks.reduce((n, b) => n + b.length, 0);

  useLayoutEffect(() => {
    const el = ref.current!;
    let laidOut = false;
    let sample = { chars: 0, px: 0 };
    // The group came into view: what it still shows as plain text goes first.
    const onState = (event: Event) => {
      laidOut = !(event as ContentVisibilityAutoStateChangeEvent).skipped;
      if (laidOut) hurry(token);
    };
    const observer = new ResizeObserver(([entry]) => {
      const px = Math.round(entry?.borderBoxSize[0]?.blockSize ?? 0);
      if (!laidOut || px === 0) return;
      el.style.containIntrinsicSize = `auto ${px}px`;
      measured.chars += chars.current - sample.chars;
      measured.px += px - sample.px;
      sample = { chars: chars.current, px };
    });
    el.addEventListener('contentvisibilityautostatechange', onState);
    observer.observe(el);
    return () => {
      el.removeEventListener('contentvisibilityautostatechange', onState);
      observer.disconnect();
    };
  }, [token]);

  return (
    <div
      ref={ref}
      className={HEADING.test(blocks[0] ?? '') ? 'md-group md-group--heading' : 'md-group'}
      style={{ containIntrinsicSize: `auto ${estimate}px` }}
    >
      {blocks.map((text, i) => (
        <DeferredBlock key={i} text={text} eager={i >= eagerFrom} group={token} onOpenLink={onOpenLink} />
      ))}
    </div>
  );
});
