import { useLayoutEffect, useRef } from 'react';
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
};

function Row({ id }: { id: string }) {
  const message = useStore((s) => s.messages[id]);
  const versions = useStore((s) => (message ? s.versions[message.conversationId]?.[id] : undefined));
  const editing = useStore((s) => s.editingId === id);
  return message ? <MessageView message={message} versions={versions} editing={editing} actions={actions} /> : null;
}

const NEAR_BOTTOM_PX = 48;

export function MessageListContainer() {
  const ids = useStore(selectActiveIds);
  const tail = useStore((s) => {
    const last = ids.at(-1);
    return last ? s.messages[last]?.content.length : 0;
  });
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  // Follow the stream only while the reader is at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [ids, tail]);

  return (
    <div
      className="message-list"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
      }}
    >
      {ids.length === 0 ? (
        <div className="empty-state">
          <h1>What can I help with?</h1>
          <p>Replies stream from the ModelsLab model you pick above. Enter sends, Shift+Enter adds a line.</p>
        </div>
      ) : (
        <div className="message-list__inner" role="log" aria-live="polite" aria-label="Conversation">
          {ids.map((id) => (
            <Row key={id} id={id} />
          ))}
        </div>
      )}
    </div>
  );
}
