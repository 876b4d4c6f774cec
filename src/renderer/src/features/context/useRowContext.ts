import { useMemo } from 'react';
import { DEFAULT_MAX_TOKENS } from '../../../../shared/context';
import type { Usage } from '../../../../shared/domain';
import { useStore } from '../../store';

/**
 * What a message row shows of the context budget: whether the sent context starts at it, the chat's max_tokens,
 * and the chat's token totals. Plain numbers are selected, so a fresh view re-renders only the rows it changes.
 */
export function useRowContext(id: string, conversationId: string | undefined) {
  const notSent = useStore((s) =>
    s.contextFor === conversationId && s.contextView?.firstSentId === id ? s.contextView.notSent : 0,
  );
  const totalIn = useStore((s) => (s.contextFor === conversationId ? s.contextView?.totals.promptTokens : undefined));
  const totalOut = useStore((s) =>
    s.contextFor === conversationId ? s.contextView?.totals.completionTokens : undefined,
  );
  const maxTokens = useStore((s) => s.draft.params.max_tokens ?? DEFAULT_MAX_TOKENS);
  const totals = useMemo<Usage | null>(
    () => (totalIn === undefined ? null : { promptTokens: totalIn, completionTokens: totalOut ?? 0 }),
    [totalIn, totalOut],
  );
  return { notSent, maxTokens, totals };
}
