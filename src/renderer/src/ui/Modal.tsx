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
    <dialog ref={dialog} className="dialog" aria-label={title} onClose={onClose}>
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
