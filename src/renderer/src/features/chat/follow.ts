import { useEffect, useLayoutEffect, useRef, useState } from 'react';

const NEAR_BOTTOM_PX = 48;
/** How long after a touch, a click or focus moving into the list a move up still counts as the reader's. */
export const READER_INPUT_MS = 1000;

export interface ScrollView {
  top: number;
  height: number;
  client: number;
}

/**
 * What a scroll event means for following a growing reply. `followed` is where following last put the view and
 * how tall the content was then. A move up is the reader's when the content is as it was (nothing else moves the
 * view then) or the reader has just used the list; otherwise a block above the end was laid out shorter, the
 * browser pulled the view up with it, and the reply has grown since: following goes on.
 */
export function afterScroll(
  view: ScrollView,
  followed: { top: number; height: number },
  readerActive: boolean,
): 'at-bottom' | 'reader-left' | 'layout-moved' | 'unchanged' {
  if (view.height - view.top - view.client < NEAR_BOTTOM_PX) return 'at-bottom';
  if (view.top >= followed.top - 1) return 'unchanged';
  return view.height === followed.height || readerActive ? 'reader-left' : 'layout-moved';
}

/**
 * Keeps the end of the list (`scroller`) in view while its content (`inner` and its rows) grows, until the reader
 * leaves the bottom; `atBottom` is false then, and `pin` brings them back.
 */
export function useFollow() {
  const scroller = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  /** Where following last put the view, and how tall the content was then. */
  const followed = useRef({ top: 0, height: 0 });
  const readerAt = useRef(-Infinity);
  /** A button held on the list: a scrollbar drag may last longer than READER_INPUT_MS. */
  const pressed = useRef(false);

  function toBottom() {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    followed.current = { top: el.scrollTop, height: el.scrollHeight };
  }

  function setPinned(value: boolean) {
    pinned.current = value;
    setAtBottom(value);
  }

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

  useEffect(() => {
    const letGo = () => (pressed.current = false);
    window.addEventListener('pointerup', letGo);
    window.addEventListener('pointercancel', letGo);
    return () => {
      window.removeEventListener('pointerup', letGo);
      window.removeEventListener('pointercancel', letGo);
    };
  }, []);

  const noteReader = () => (readerAt.current = performance.now());
  // The wheel and keys say the reader is leaving the bottom before the scroll event does, so a delta that lands
  // in between cannot pull them back down.
  const release = () => (pinned.current = false);
  const readerEvents = {
    onWheel: (e: { deltaY: number }) => e.deltaY < 0 && release(),
    onKeyDown: (e: { key: string }) => ['ArrowUp', 'PageUp', 'Home'].includes(e.key) && release(),
    onPointerDown: () => {
      pressed.current = true;
      noteReader();
    },
    onTouchMove: noteReader,
    onFocus: noteReader,
  };

  /** Scroll events arrive a frame late: by then the reply may have grown past the threshold (see afterScroll). */
  function onScroll(el: HTMLElement) {
    const view = { top: el.scrollTop, height: el.scrollHeight, client: el.clientHeight };
    const reader = pressed.current || performance.now() - readerAt.current < READER_INPUT_MS;
    const verdict = afterScroll(view, followed.current, reader);
    if (verdict === 'at-bottom') {
      pinned.current = true;
      followed.current = { top: view.top, height: view.height };
    } else if (verdict === 'reader-left') pinned.current = false;
    else if (verdict === 'layout-moved' && pinned.current) toBottom();
    setAtBottom(pinned.current);
  }

  return {
    scroller,
    inner,
    atBottom,
    setPinned,
    pin: () => {
      setPinned(true);
      toBottom();
    },
    readerEvents,
    onScroll,
  };
}
