import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './chat.css';

/** Edit a sent message in place; sending it makes a new version and a new reply. */
export function MessageEditor({
  initial,
  onSend,
  onCancel,
}: {
  initial: string;
  onSend(content: string): Promise<boolean>;
  onCancel(): void;
}) {
  const { t } = useTranslation(['chat', 'common']);
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    if (!(await onSend(text))) setBusy(false);
  };
  return (
    <div className="message-editor">
      <textarea
        aria-label={t('editor.label')}
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <div className="message-editor__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!text.trim() || busy}
          onClick={() => void send()}
        >
          {t('composer.send')}
        </button>
      </div>
    </div>
  );
}
