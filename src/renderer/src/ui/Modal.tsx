import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/** A native modal dialog: focus is trapped, Esc closes, and the content mounts only while open. */
export function Modal({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation('app');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    // Esc closes the dialog at once, but its close event comes a task later, when a shortcut pressed right after
    // (Ctrl+, again) may already have asked for it anew: the app hears of Esc from the cancel event, at the
    // keypress, and a close event that finds the dialog open again is a late one and is ignored.
    <dialog
      ref={dialog}
      className="dialog"
      aria-label={title}
      onCancel={onClose}
      onClose={() => {
        if (!dialog.current?.open) onClose();
      }}
    >
      {open && (
        <>
          <div className="dialog__head">
            <h2>{title}</h2>
            <button
              type="button"
              className="icon-button"
              aria-label={t('closeDialog', { title: title.toLocaleLowerCase(i18n.language) })}
              onClick={onClose}
            >
              <Icon name="close" />
            </button>
          </div>
          {children}
        </>
      )}
    </dialog>
  );
}
