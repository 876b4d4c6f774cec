import { useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../../ui/Icon';

export interface ComposerProps {
  streaming: boolean;
  /** Why sending is not possible right now, shown in place of the hint. */
  blockedReason: string | null;
  onSend(content: string): Promise<boolean>;
  onStop(): void;
}

export function Composer({ streaming, blockedReason, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const canSend = !streaming && !busy && !blockedReason && text.trim().length > 0;

  async function submit() {
    if (!canSend) return;
    setBusy(true);
    // The text stays in the box until main has accepted it.
    if (await onSend(text)) setText('');
    setBusy(false);
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="composer__box">
        <textarea
          ref={input}
          className="composer__input"
          aria-label="Message"
          placeholder="Message ModelsLab…"
          rows={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          autoFocus
        />
        {/* One slot for Send and Stop, so the button never moves while text streams. */}
        {streaming ? (
          <button type="button" className="composer__action composer__action--stop" aria-label="Stop" onClick={onStop}>
            <Icon name="stop" />
          </button>
        ) : (
          <button type="submit" className="composer__action" aria-label="Send" disabled={!canSend}>
            <Icon name="send" />
          </button>
        )}
      </div>
      <p className="composer__hint" role={blockedReason ? 'status' : undefined}>
        {blockedReason ?? (streaming ? 'Esc stops the reply.' : 'Enter to send · Shift+Enter for a new line')}
      </p>
    </form>
  );
}
