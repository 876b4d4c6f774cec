import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { selectActiveIds, useStore } from '../../store';
import { MessageView, type MessageViewProps } from './MessageView';

// Store actions are stable, so one object serves every row and keeps MessageView's memo intact.
const actions: NonNullable<MessageViewProps['actions']> = {
  regenerate: (id) => void useStore.getState().regenerate(id),
  edit: (id) => useStore.getState().setEditing(id),
  showVersion: (id) => void useStore.getState().showVersion(id),
  remove: (id) => void useStore.getState().deleteMessage(id),
  copy: (text) => useStore.getState().copyText(text),
  send: (id, content) => useStore.getState().editMessage(id, content),
  cancelEdit: () => useStore.getState().setEditing(null),
  continueReply: (id) => void useStore.getState().continueReply(id),
  retry: (id) => void useStore.getState().retryReply(id),
};

function Row({ id, focused }: { id: string; focused: boolean }) {
  const message = useStore((s) => s.messages[id]);
  const versions = useStore((s) => (message ? s.versions[message.conversationId]?.[id] : undefined));
  const editing = useStore((s) => s.editingId === id);
  return message ? (
    <MessageView message={message} versions={versions} editing={editing} focused={focused} actions={actions} />
  ) : null;
}

const NEAR_BOTTOM_PX = 48;
const NEAR_TOP_PX = 400;

/**
 * The open conversation, virtualized: only the messages on screen are in the DOM. The newest page loads
 * first; scrolling near the top loads the page before it and keeps the reader's place.
 */
export function MessageListContainer() {
  const ids = useStore(selectActiveIds);
  const activeId = useStore((s) => s.activeId);
  const hasOlder = useStore((s) => (s.activeId ? (s.hasOlder[s.activeId] ?? false) : false));
  const focusId = useStore((s) => s.focusMessageId);
  const loadOlder = useStore((s) => s.loadOlder);
  const tail = useStore((s) => {
    const last = ids.at(-1);
    return last ? s.messages[last]?.content.length : 0;
  });
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const loading = useRef(false);
  /** After older messages are put in front, the id that was first, to keep it where it was. */
  const anchor = useRef<{ id: string; offset: number } | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 120,
    getItemKey: (index) => ids[index]!,
    overscan: 6,
    paddingStart: 28,
    paddingEnd: 12,
  });

  // A newly opened conversation starts at its newest message, or at the message a search chose.
  useLayoutEffect(() => {
    pinned.current = !focusId;
    if (!focusId) return;
    const index = ids.indexOf(focusId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the conversation or the target changes
  }, [activeId, focusId]);

  // Follow the stream only while the reader is at the bottom.
  useLayoutEffect(() => {
    if (pinned.current && ids.length > 0) virtualizer.scrollToIndex(ids.length - 1, { align: 'end' });
  }, [ids, tail, virtualizer]);

  // Older messages were put in front: scroll so the message that was first stays put.
  useLayoutEffect(() => {
    const held = anchor.current;
    if (!held) return;
    const index = ids.indexOf(held.id);
    if (index <= 0) return;
    anchor.current = null;
    const start = virtualizer.getOffsetForIndex(index, 'start')?.[0] ?? 0;
    virtualizer.scrollToOffset(start - held.offset);
  }, [ids, virtualizer]);

  useEffect(() => {
    anchor.current = null;
  }, [activeId]);

  async function onScroll() {
    const el = scroller.current;
    if (!el) return;
    pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (!hasOlder || loading.current || el.scrollTop > NEAR_TOP_PX || ids.length === 0) return;
    loading.current = true;
    anchor.current = { id: ids[0]!, offset: (virtualizer.getOffsetForIndex(0, 'start')?.[0] ?? 0) - el.scrollTop };
    try {
      await loadOlder();
    } finally {
      loading.current = false;
    }
  }

  if (ids.length === 0) {
    return (
      <div className="message-list">
        <div className="empty-state">
          <h1>What can I help with?</h1>
          <p>Replies stream from the ModelsLab model you pick above. Enter sends, Shift+Enter adds a line.</p>
        </div>
      </div>
    );
  }

  return (
    <div className="message-list" ref={scroller} onScroll={() => void onScroll()}>
      <div
        className="message-list__inner message-list__inner--virtual"
        role="log"
        aria-live="polite"
        aria-label="Conversation"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="message-list__row"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <Row id={ids[item.index]!} focused={ids[item.index] === focusId} />
          </div>
        ))}
      </div>
    </div>
  );
}
