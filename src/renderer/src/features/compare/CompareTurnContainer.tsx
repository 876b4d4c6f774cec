import { useStore } from '../../store';
import type { CompareActions } from './CompareColumnView';
import { CompareTurn } from './CompareTurn';

// Store actions are stable, so one object serves every turn and keeps the columns' memo intact.
const actions: CompareActions = {
  stop: (id) => void useStore.getState().stopCompareColumn(id),
  choose: (id) => void useStore.getState().chooseAnswer(id),
  regenerate: (id, params) => void useStore.getState().regenerateColumn(id, params),
  continueReply: (id) => void useStore.getState().continueColumn(id),
};

function openLink(url: string, text: string): void {
  void useStore.getState().openExternal(url, text);
}

/** The compare turn of a run the store holds. */
export function CompareTurnContainer({ runId }: { runId: string }) {
  const run = useStore((s) => s.compareRuns[runId]);
  // After the window crashed on this chat, its replies show as plain text until the user asks for formatting.
  const plainText = useStore((s) => (run ? s.plainText[run.conversationId] === true : false));
  return run ? <CompareTurn run={run} actions={actions} onOpenLink={openLink} plainText={plainText} /> : null;
}
