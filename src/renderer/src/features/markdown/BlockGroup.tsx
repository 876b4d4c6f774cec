import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { MarkdownBlock, type OpenLink } from './MarkdownBlock';
import { estimateGroup, measuredGroup } from './block-size';
import { defer, hurry } from './render-queue';

/*
 * Finished blocks of a reply, frozen in groups: a group re-renders only while it is the one being filled, and the
 * browser skips the layout and paint of groups out of view (`content-visibility: auto`). A skipped group takes the
 * height it last had on screen; one never laid out yet takes an estimate (see block-size.ts).
 *
 * A group with no block in the last screen of the reply starts empty, at its estimated height, and fills in when
 * the render queue gets to it: first its blocks as plain text, then each as Markdown. So the work of a render does
 * not grow with the text that arrived since the last one, nor with the length of a reply opened from history.
 */

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
  return rich ? <MarkdownBlock text={text} onOpenLink={onOpenLink} /> : <div className="md-pending">{text}</div>;
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
  const [estimate] = useState(() => estimateGroup(blocks));
  const [live, setLive] = useState(eagerFrom < blocks.length);
  const liveNow = useRef(live);
  liveNow.current = live;
  useEffect(() => (live ? undefined : defer(token, () => setLive(true))), [live, token]);
  // What the estimate would be for the blocks the group holds now (it grows while it is the last one).
  const guess = useRef(0);
  guess.current = blocks.length === 0 ? 0 : estimateGroup(blocks);

  useLayoutEffect(() => {
    const el = ref.current!;
    let laidOut = false;
    let sample = { estimated: 0, px: 0 };
    const record = (px: number) => {
      // An empty group's height is the estimate itself.
      if (px === 0 || !liveNow.current) return;
      el.style.containIntrinsicSize = `auto ${px}px`;
      measuredGroup(guess.current - sample.estimated, px - sample.px);
      sample = { estimated: guess.current, px };
    };
    // The group came into view: what it still shows as plain text goes first.
    const onState = (event: Event) => {
      laidOut = !(event as ContentVisibilityAutoStateChangeEvent).skipped;
      if (!laidOut) return;
      hurry(token);
      record(Math.round(el.getBoundingClientRect().height));
    };
    const observer = new ResizeObserver(([entry]) => {
      if (laidOut) record(Math.round(entry?.borderBoxSize[0]?.blockSize ?? 0));
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
      style={{ containIntrinsicSize: `auto ${estimate}px`, height: live ? undefined : estimate }}
    >
      {live &&
        blocks.map((text, i) => (
          <DeferredBlock key={i} text={text} eager={i >= eagerFrom} group={token} onOpenLink={onOpenLink} />
        ))}
    </div>
  );
});
