import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, re-rendering when that changes (a window resize across a breakpoint). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Below this width Parameters float over the chat instead of taking a column from it. */
export const NARROW = '(max-width: 999px)';
