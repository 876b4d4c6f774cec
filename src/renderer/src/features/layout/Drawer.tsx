import { useEffect, useRef, type ReactNode } from 'react';
import { focusables, trapTab } from './focus-trap';
import './layout.css';

interface DrawerProps {
  label: string;
  /** Floats over the page as a modal dialog; otherwise the children sit in the layout as they are. */
  overlay: boolean;
  onClose(): void;
  children: ReactNode;
}

/**
 * A side panel that becomes a modal drawer on narrow windows: focus moves in, Tab stays inside, Esc or a click
 * outside closes it, and focus goes back to what had it before (the button that opened it).
 */
export function Drawer({ label, overlay, onClose, children }: DrawerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    if (!overlay) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    if (root) (focusables(root)[0] ?? root).focus();
    const onKey = (event: KeyboardEvent) => {
      if (!root) return;
      if (event.key === 'Escape') {
        // The window's own Esc (stop a reply) must not also fire.
        event.preventDefault();
        event.stopImmediatePropagation();
        closeRef.current();
      } else if (trapTab(root, event)) event.preventDefault();
    };
    // Capture, so the drawer hears Esc and Tab before anything under it.
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (before?.isConnected) before.focus();
    };
  }, [overlay]);

  if (!overlay) return <>{children}</>;
  return (
    <div className="drawer">
      <div className="drawer__backdrop" aria-hidden="true" onClick={() => closeRef.current()} />
      <div ref={ref} className="drawer__panel" role="dialog" aria-modal="true" aria-label={label} tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}
