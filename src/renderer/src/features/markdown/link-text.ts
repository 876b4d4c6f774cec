import type { Element, Root, RootContent } from 'hast';
import { cleanLinkText } from '../../../../shared/link-text';

function clean(node: RootContent | Element): void {
  if (node.type === 'text') node.value = cleanLinkText(node.value);
  else if (node.type === 'element') node.children.forEach(clean);
}

function visit(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'a') clean(child);
    else visit(child);
  }
}

/**
 * Link text shows what it says: bidi overrides and zero-width characters are dropped from it (main checks the
 * text it is sent again), so "invoice‮fdp.exe" cannot pose as "invoiceexe.pdf".
 */
export function rehypeCleanLinkText() {
  return (tree: Root) => visit(tree);
}
