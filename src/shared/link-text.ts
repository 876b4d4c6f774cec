/**
 * Characters that change how text reads without being seen: bidi overrides, embeddings, isolates and marks (which can
 * turn "invoice‮fdp.exe" into "invoiceexe.pdf"), zero-width spaces and joiners, word joiners, the soft hyphen and BOM.
 */
const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]|\u034F|\u17B4|\u17B5/g;

/** A link's text as it should be shown and judged: without invisible or direction-changing characters. */
export function cleanLinkText(text: string): string {
  return text.replace(INVISIBLE, '');
}
