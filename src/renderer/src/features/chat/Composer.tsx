import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { IMAGE_TYPES } from '../../../../shared/domain';
import { Icon } from '../../ui/Icon';
import { ImageStrip, type ImageStripItem } from './ImageStrip';
import { useSlashPrompts } from '../assistants/SlashPrompts';
import type { SavedPrompt } from '../assistants/slash-prompts';
import './chat.css';

export interface ComposerProps {
  streaming: boolean;
  images: ImageStripItem[];
  /** Problems with files the user tried to attach. */
  imageProblems: string[];
  /** Shown while images are attached to a model not known to accept them. */
  imageWarning: string | null;
  /** Pasted or dropped files (images or documents). */
  onAddFiles(files: File[]): void;
  /** Files from the image picker; without it, they go to `onAddFiles`. */
  onPickImages?(files: File[]): void;
  onRemoveImage(index: number): void;
  /** Why sending is not possible right now, shown in place of the hint. */
  blockedReason: string | null;
  onSend(content: string): Promise<boolean>;
  onStop(): void;
  /** ↑ in an empty composer edits the last message sent. */
  onEditLast?(): boolean;
  /** Shown beside the hint as the text changes: the context meter. */
  meter?(text: string): ReactNode;
  /** What "/" at the start of the message searches and inserts. */
  prompts?: readonly SavedPrompt[];
  /** The box takes the focus whenever this changes (New Chat from the menu or a shortcut). */
  focusRequest?: number;
  /** Asks main to show its Open dialog for a document. */
  onAttachDocument?(): void;
  /** The attached documents' chips, above the box. */
  documents?: ReactNode;
}

const NO_PROMPTS: readonly SavedPrompt[] = [];

export function Composer(props: ComposerProps) {
  const { streaming, blockedReason, onSend, onStop, images, imageProblems, imageWarning, onAddFiles } = props;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  // Text, images, or both: an image alone is a question too.
  const hasContent = text.trim().length > 0 || images.length > 0;
  const canSend = !streaming && !busy && !blockedReason && hasContent;
  const slash = useSlashPrompts(text, props.prompts ?? NO_PROMPTS, setText);

  useEffect(() => {
    if (props.focusRequest) input.current?.focus();
  }, [props.focusRequest]);

  async function submit() {
    if (!canSend) return;
    setBusy(true);
    // The text stays in the box until main has accepted it.
    if (await onSend(text)) setText('');
    setBusy(false);
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (slash.onKeyDown(event)) return;
    if (event.key === 'ArrowUp' && text === '' && props.onEditLast?.()) {
      event.preventDefault();
      return;
    }
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
      {imageProblems.length > 0 && (
        <ul className="composer__problems" role="alert">
          {imageProblems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {images.length > 0 && (
        <p className="composer__note">
          Images go with this message only, not again with later ones (unless you keep sending them).
        </p>
      )}
      {imageWarning && images.length > 0 && (
        <p className="composer__warning" role="status">
          <Icon name="info" />
          <span>{imageWarning}</span>
        </p>
      )}
      {props.documents}
      <div className="composer__box">
        <button
          type="button"
          className="icon-button composer__attach"
          aria-label="Attach images"
          onClick={() => picker.current?.click()}
        >
          <Icon name="paperclip" />
        </button>
        {props.onAttachDocument && (
          <button
            type="button"
            className="icon-button composer__attach"
            aria-label="Attach a document"
            title="Attach a PDF, Word, text or code file"
            onClick={props.onAttachDocument}
          >
            <Icon name="file" />
          </button>
        )}
        <input
          ref={picker}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          multiple
          hidden
          aria-label="Choose images"
          onChange={(e) => {
            (props.onPickImages ?? onAddFiles)([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <div className="composer__field">
          <ImageStrip images={images} onRemove={props.onRemoveImage} />
          {slash.list}
          <textarea
            ref={input}
            {...slash.inputProps}
            className="composer__input"
            aria-label="Message"
            placeholder="Message ModelsLab…"
            rows={1}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            onPaste={(e) => {
              const files = [...e.clipboardData.files];
              if (files.length > 0) {
                e.preventDefault();
                onAddFiles(files);
              }
            }}
            autoFocus
          />
        </div>
        {/* One slot for Send and Stop, so the button never moves while text streams. */}
        {streaming ? (
          <button type="button" className="composer__action composer__action--stop" aria-label="Stop" onClick={onStop}>
            <Icon name="stop" />
          </button>
        ) : (
          <button
            type="submit"
            className="composer__action"
            aria-label="Send"
            title={hasContent ? 'Send (Enter)' : 'Type a message or attach an image to send'}
            disabled={!canSend}
          >
            <Icon name="send" />
          </button>
        )}
      </div>
      <p className="composer__hint" role={blockedReason ? 'status' : undefined}>
        {blockedReason ?? (streaming ? 'Esc stops the reply.' : 'Enter to send · Shift+Enter for a new line')}
        {!blockedReason && props.meter?.(text)}
      </p>
    </form>
  );
}
