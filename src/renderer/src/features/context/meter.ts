import type { ContextView } from '../../../../shared/contract';
import { IMAGE_TOKENS, estimateTokens, fitNewest } from '../../../../shared/context';
import { i18n } from '../../i18n';

export interface Meter {
  /** Tokens the next request would carry with this draft, estimated. */
  used: number;
  limit: number;
  /** The draft with what must go with it does not fit, even alone. */
  over: boolean;
  /** Turns that would go with an empty message but are pushed out by this one. */
  pushedOut: number;
}

/**
 * The composer's meter, cheap enough for every keystroke: the draft is estimated (main counts exactly once it is
 * sent), then the older turns main listed are fitted into what is left, newest first, as the request builder does.
 */
export function meterOf(view: ContextView, draft: string, images: number, documentTokens = 0): Meter {
  const base = view.baseTokens + estimateTokens(draft) + images * IMAGE_TOKENS + documentTokens;
  const fit = fitNewest(view.turnTokens, view.limit - base);
  let used = base;
  for (let i = 0; i < fit; i++) used += view.turnTokens[i]!;
  return { used, limit: view.limit, over: base > view.limit, pushedOut: view.turnTokens.length - fit };
}

const formats = new Map<string, Intl.NumberFormat>();
/** A count in the UI's digits and grouping, for the language shown when it is called. */
export function formatTokens(n: number): string {
  const language = i18n.language || 'en';
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(n);
}
