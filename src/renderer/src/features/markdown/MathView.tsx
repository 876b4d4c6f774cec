import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, memo, type ReactNode } from 'react';
import { jsx, jsxs } from 'react/jsx-runtime';
import { renderMath } from './math';

/*
 * A formula, rendered by KaTeX once: a block still streaming is parsed again on every delta, and its formulas would
 * be too. Recent formulas are kept, so a block that finishes (and is mounted anew) does not render them again.
 */
const KEPT = 200;
const kept = new Map<string, ReactNode>();

function rendered(tex: string, display: boolean): ReactNode {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let node = kept.get(key);
  if (node === undefined) {
    // Styles become style objects that React sets through the CSSOM, which the CSP allows (see math.ts).
    node = toJsxRuntime({ type: 'root', children: renderMath(tex, display) }, { Fragment, jsx, jsxs });
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
  } else {
    kept.delete(key);
  }
  kept.set(key, node);
  return node;
}

export const MathView = memo(function MathView(props: { 'data-tex'?: string; 'data-display'?: string }) {
  return rendered(props['data-tex'] ?? '', props['data-display'] === 'true');
});
