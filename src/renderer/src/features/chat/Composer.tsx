import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { IMAGE_TYPES, LIMITS } from '../../../../shared/domain';
import type { ImageProblem } from '../../store/chat-slice';
import { Icon } from '../../ui/Icon';
import { ImageStrip, type ImageStripItem } from './ImageStrip';
import { useSlashPrompts } from '../assistants/SlashPrompts';
import type { SavedPrompt } from '../assistants/slash-prompts';
import './chat.css';

export interface ComposerProps {
  streaming: boolean;
  images: ImageStripItem[];
  /** Problems with files the user tried to attach. */
  imageProblems: ImageProblem[];
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

/** Megabytes with one decimal, in the UI's digits. */
function megabytes(bytes: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    bytes / 1024 / 1024,
  );
}

function problemText(t: TFunction<'chat'>, problem: ImageProblem, language: string): string {
  switch (problem.kind) {
    case 'not-image':
      return t('composer.problems.notImage', { name: problem.name });
    case 'too-large':
      return t('composer.problems.tooLarge', {
        name: problem.name,
        size: megabytes(problem.bytes, language),
        limit: megabytes(LIMITS.imageBytes, language),
      });
    case 'too-many':
      return t('composer.problems.tooMany', { count: LIMITS.imagesPerMessage });
    case 'over-total':
      return t('composer.problems.overTotal', {
        name: problem.name,
        limit: megabytes(LIMITS.imageBytesPerMessage, language),
      });
  }
}

export function Composer(props: ComposerProps) {
  const { streaming, blockedReason, onSend, onStop, images, imageProblems, imageWarning, onAddFiles } = props;
  const { t, i18n } = useTranslation('chat');
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
          {imageProblems.map((problem, index) => (
            <li key={index}>{problemText(t, problem, i18n.language)}</li>
          ))}
        </ul>
      )}
      {images.length > 0 && <p className="composer__note">{t('composer.imagesNote')}</p>}
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
          aria-label={t('composer.attachImages')}
          onClick={() => picker.current?.click()}
        >
          <Icon name="paperclip" />
        </button>
        {props.onAttachDocument && (
          <button
            type="button"
            className="icon-button composer__attach"
            aria-label={t('composer.attachDocument')}
            title={t('composer.attachDocumentTitle')}
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
          aria-label={t('composer.chooseImages')}
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
            aria-label={t('composer.message')}
            placeholder={t('composer.placeholder')}
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
          <button
            type="button"
            className="composer__action composer__action--stop"
            aria-label={t('composer.stop')}
            onClick={onStop}
          >
            <Icon name="stop" />
          </button>
        ) : (
          <button
            type="submit"
            className="composer__action"
            aria-label={t('composer.send')}
            title={hasContent ? t('composer.sendTitle') : t('composer.sendNeeds')}
            disabled={!canSend}
          >
            <Icon name="send" />
          </button>
        )}
      </div>
      <p className="composer__hint" role={blockedReason ? 'status' : undefined}>
        {blockedReason ?? (streaming ? t('composer.escStops') : t('composer.enterHint'))}
        {!blockedReason && props.meter?.(text)}
      </p>
    </form>
  );
}
