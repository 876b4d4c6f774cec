import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { selectActiveIds, useStore } from '../../store';
import { MessageView } from './MessageView';

const Row = memo(function Row({ id }: { id: string }) {
  const message = useStore((s) => s.messages[id]);
  return message ? <MessageView message={message} onOpenLink={openLink} /> : null;
});

function openLink(url: string): void {
  void useStore.getState().openExternal(url);
}

const NEAR_BOTTOM_PX = 48;

/**
 * The conversation, virtualized: only the messages near the viewport are in the DOM, each measured as it renders.
 * The view follows a streaming reply only while the reader is at the bottom; scrolled up, it stays put and offers
 * "Jump to latest" instead.
 */
export function MessageListContainer() {
  const ids = useStore(selectActiveIds);
  const activeId = useStore((s) => s.activeId);
  const scroller = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  // eslint-disable-next-line react-hooks/incompatible-library -- nothing here memoizes the virtualizer's functions
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 140,
    getItemKey: (index) => ids[index] ?? index,
    overscan: 4,
    gap: 18,
    paddingStart: 28,
    paddingEnd: 12,
  });

  /** Where following the stream last put the view; a scroll event above it is the reader's own. */
  const followedTo = useRef(0);
  function toBottom() {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    followedTo.current = el.scrollTop;
  }

  function pin() {
    pinned.current = true;
    setAtBottom(true);
    toBottom();
  }

  // A conversation opens at its end, and sending a message (the list grows) brings the reader back down.
  const count = ids.length;
  useLayoutEffect(() => {
    pinned.current = true;
    setAtBottom(true);
  }, [activeId, count]);

  // Follow growth after layout rather than forcing one: a ResizeObserver hears the rows (the streaming reply grows
  // there first) and the list itself, once the layout is already done, so reading scrollHeight costs nothing.
  const follower = useRef<ResizeObserver | null>(null);
  useEffect(() => () => follower.current?.disconnect(), []);
  useLayoutEffect(() => {
    const el = inner.current;
    if (!el) return;
    const observer = (follower.current ??= new ResizeObserver(() => {
      if (pinned.current) toBottom();
    }));
    observer.disconnect();
    observer.observe(el);
    for (const row of el.children) observer.observe(row);
  });

  // The wheel and keys say the reader is leaving the bottom before the scroll event does, so a delta that lands
  // in between cannot pull them back down.
  function release() {
    pinned.current = false;
  }

  return (
    <div className="message-pane">
      <div
        className="message-list"
        ref={scroller}
        onWheel={(e) => e.deltaY < 0 && release()}
        onKeyDown={(e) => ['ArrowUp', 'PageUp', 'Home'].includes(e.key) && release()}
        onScroll={(e) => {
          // Scroll events arrive a frame late: by then the reply may have grown past the threshold, so only a move
          // up from where following left the view lets go of the bottom.
          const el = e.currentTarget;
          if (el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX) pinned.current = true;
          else if (el.scrollTop < followedTo.current - 1) pinned.current = false;
          setAtBottom(pinned.current);
        }}
      >
        {ids.length === 0 ? (
          <div className="empty-state">
            <h1>What can I help with?</h1>
            <p>Replies stream from the ModelsLab model you pick above. Enter sends, Shift+Enter adds a line.</p>
          </div>
        ) : (
          <div
            className="message-list__inner"
            ref={inner}
            role="log"
            aria-live="polite"
            aria-label="Conversation"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => (
              <div
                key={item.key}
                className="message-list__row"
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <Row id={ids[item.index]!} />
              </div>
            ))}
          </div>
        )}
      </div>
      {!atBottom && ids.length > 0 && (
        <button type="button" className="jump-latest" onClick={pin}>
          Jump to latest
        </button>
      )}
    </div>
  );
}
