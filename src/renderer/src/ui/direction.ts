/**
 * What a horizontal arrow key means along the text's direction: +1 forward, -1 back, 0 for any other key.
 * In right-to-left text (Arabic) ArrowLeft moves forward.
 */
export function inlineStep(key: string, element: Element): -1 | 0 | 1 {
  const rtl = getComputedStyle(element).direction === 'rtl';
  if (key === 'ArrowRight') return rtl ? -1 : 1;
  if (key === 'ArrowLeft') return rtl ? 1 : -1;
  return 0;
}
