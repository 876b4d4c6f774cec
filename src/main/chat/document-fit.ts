import type { DocumentRef } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';

/** What the cut adds to a block: the line that says how much was sent. */
const CUT_NOTICE_TOKENS = 30;

/**
 * The documents of a message being sent, against the room the context leaves them. When they do not fit, the
 * send is refused with `documents_over_budget` (the composer offers the choice first), unless the user let the app
 * cut them: then each keeps the same share of its text, and its block says how much was sent.
 */
export function fitDocuments(refs: DocumentRef[], room: number, cut: boolean): DocumentRef[] {
  const total = refs.reduce((sum, r) => sum + r.tokens, 0);
  if (total <= room) return refs;
  const free = Math.max(0, room);
  const usable = free - refs.length * CUT_NOTICE_TOKENS;
  if (!cut || usable <= 0) {
    throw new ApiError(
      appError(
        'documents_over_budget',
        `The documents need about ${total.toLocaleString('en')} tokens; this chat's context has room for ${free.toLocaleString('en')} with your message.`,
      ),
    );
  }
  const share = usable / total;
  return refs.map((ref) => {
    const keptChars = Math.floor(ref.chars * share);
    return { ...ref, keptChars, tokens: Math.ceil(ref.tokens * share) + CUT_NOTICE_TOKENS };
  });
}
