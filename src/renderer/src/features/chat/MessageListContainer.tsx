import { AssistantCardsContainer } from '../assistants/AssistantCardsContainer';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { selectActiveIds, useStore } from '../../store';
import { ContextStart } from '../context/ContextStart';
import { useRowContext } from '../context/useRowContext';
import { CompareTurnContainer } from '../compare/CompareTurnContainer';
import { preloadMarkdown } from '../markdown/LazyMarkdown';
import { MessageView, type MessageViewProps } from './MessageView';
import './chat.css';
import { useFollow } from './follow';

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
  raiseAndContinue: (id) => void useStore.getState().raiseAndContinue(id),
  retry: (id) => void useStore.getState().retryReply(id),
  pinImages: (id, pinned) => void useStore.getState().pinImages(id, pinned),
  showDocumentText: (id) => void useStore.getState().openDocumentText(id),
};

function openLink(url: string, text: string): void {
  void useStore.getState().openExternal(url, text);
}

const Row = memo(function Row({ id, focused }: { id: string; focused: boolean }) {
  const message = useStore((s) => s.messages[id]);
  const versions = useStore((s) => (message ? s.versions[message.conversationId]?.[id] : undefined));
  const editing = useStore((s) => s.editingId === id);
  const plainText = useStore((s) => (message ? s.plainText[message.conversationId] === true : false));
  const context = useRowContext(id, message?.conversationId);
  // A compare turn waiting for its answer shows its columns under the question they answer.
  const compareRunId = useStore((s) => {
    const runId = message ? s.compareWaiting[message.conversationId] : null;
    return runId && s.compareRuns[runId]?.questionId === id ? runId : null;
  });
  return message ? (
    <>
      {context.notSent > 0 && <ContextStart notSent={context.notSent} />}
      <MessageView
        message={message}
        versions={versions}
        editing={editing}
        focused={focused}
        actions={actions}
        plainText={plainText}
        onOpenLink={openLink}
        maxTokens={context.maxTokens}
        chatTotals={message.role === 'assistant' ? context.totals : null}
      />
      {compareRunId && <CompareTurnContainer runId={compareRunId} />}
    </>
  ) : null;
});

/** Loads the Markdown stack once the conversation list has painted, or after a second without one. */
function usePreloadAfterList(): void {
  useEffect(() => {
    const go = () => {
      stop();
      // A frame callback runs before that frame's paint; a timer set in it runs after.
      requestAnimationFrame(() => setTimeout(preloadMarkdown));
    };
    const unsubscribe = useStore.subscribe((s, prev) => s.conversations !== prev.conversations && go());
    const timer = setTimeout(go, 1_000);
    const stop = () => {
      unsubscribe();
      clearTimeout(timer);
    };
    return stop;
  }, []);
}

const NEAR_TOP_PX = 400;

/**
 * The conversation, virtualized: only the messages near the viewport are in the DOM, each measured as it renders.
 * The newest page loads first and older pages as the reader nears the top. The view follows a streaming reply only
 * while the reader is at the bottom; scrolled up, it stays put and offers "Jump to latest" instead.
 */
export function MessageListContainer() {
  usePreloadAfterList();
  const { t } = useTranslation('chat');
  const ids = useStore(selectActiveIds);
  const activeId = useStore((s) => s.activeId);
  const hasOlder = useStore((s) => (s.activeId ? (s.hasOlder[s.activeId] ?? false) : false));
  const focusId = useStore((s) => s.focusMessageId);
  const loadOlder = useStore((s) => s.loadOlder);
  const follow = useFollow();
  const { scroller, inner } = follow;
  const loading = useRef(false);
  /** After older messages are put in front, the id that was first, to keep it where it was. */
  const anchor = useRef<{ id: string; offset: number } | null>(null);

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

  // A conversation opens at its end (or at the message a search chose), and sending a message brings the reader
  // back down; older messages put in front keep the reader where they were instead.
  const last = ids.at(-1);
  useLayoutEffect(() => {
    const index = focusId ? ids.indexOf(focusId) : -1;
    follow.setPinned(index < 0);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the conversation, its end or the target changes
  }, [activeId, last, focusId]);

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

  async function loadOlderIfNearTop(el: HTMLDivElement) {
    if (!hasOlder || loading.current || el.scrollTop > NEAR_TOP_PX || ids.length === 0) return;
    loading.current = true;
    anchor.current = { id: ids[0]!, offset: (virtualizer.getOffsetForIndex(0, 'start')?.[0] ?? 0) - el.scrollTop };
    try {
      await loadOlder();
    } finally {
      loading.current = false;
    }
  }

  return (
    <div className="message-pane">
      <div
        className="message-list"
        ref={scroller}
        {...follow.readerEvents}
        onScroll={(e) => {
          follow.onScroll(e.currentTarget);
          void loadOlderIfNearTop(e.currentTarget);
        }}
      >
        {ids.length === 0 ? (
          <div className="empty-state">
            <h1>{t('empty.title')}</h1>
            <p>{t('empty.text')}</p>
            <AssistantCardsContainer />
          </div>
        ) : (
          <div
            className="message-list__inner"
            ref={inner}
            role="log"
            aria-live="polite"
            aria-label={t('list.label')}
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
                <Row id={ids[item.index]!} focused={ids[item.index] === focusId} />
              </div>
            ))}
          </div>
        )}
      </div>
      {!follow.atBottom && ids.length > 0 && (
        <button type="button" className="jump-latest" onClick={follow.pin}>
          {t('list.jumpToLatest')}
        </button>
      )}
    </div>
  );
}
