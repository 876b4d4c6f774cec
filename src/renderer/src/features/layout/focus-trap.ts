const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** What Tab can reach inside `root`, in order; hidden elements left out. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
}

/**
 * Keeps Tab and Shift+Tab inside `root`: from the last element Tab goes to the first, and back. Returns true when
 * it moved focus itself (the caller then prevents the browser's own move).
 */
export function trapTab(root: HTMLElement, event: { key: string; shiftKey: boolean }): boolean {
  if (event.key !== 'Tab') return false;
  const items = focusables(root);
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return true;
  const current = document.activeElement;
  if (event.shiftKey && (current === first || !root.contains(current))) {
    last.focus();
    return true;
  }
  if (!event.shiftKey && (current === last || !root.contains(current))) {
    first.focus();
    return true;
  }
  return false;
}
