import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DocumentChip } from '../../store/documents-slice';
import { Icon } from '../../ui/Icon';
import { errorText } from '../chat/error-text';
import './documents.css';

export interface DocumentChipsProps {
  chips: DocumentChip[];
  /** Tokens the chat's context leaves for documents with this message; null until main has said. */
  room: number | null;
  /** Tokens of the documents that would be sent. */
  needed: number;
  fit: boolean;
  onCancel(key: string): void;
  onRemove(key: string): void;
  onInclude(key: string, included: boolean): void;
  onFit(fit: boolean): void;
  onShowText(id: string): void;
}

/** A document's size in words: its pages when it has them, else its lines. */
export function documentSize(doc: { pages: number | null; lines: number }, t: TFunction<'documents'>): string {
  return doc.pages !== null ? t('pages', { count: doc.pages }) : t('lines', { count: doc.lines });
}

function facts(chip: DocumentChip, t: TFunction<'documents'>): string {
  const draft = chip.draft!;
  return t('facts', { size: documentSize(draft, t), count: draft.tokens });
}

function ChipBody({ chip, over, props }: { chip: DocumentChip; over: boolean; props: DocumentChipsProps }) {
  const { t } = useTranslation(['documents', 'common']);
  if (chip.state === 'reading') {
    const { progress } = chip;
    return (
      <>
        <progress
          className="document-chip__progress"
          aria-label={t('reading', { name: chip.name || t('choosing') })}
          {...(progress ? { max: progress.total, value: progress.done } : {})}
        />
        {progress && (
          <span className="document-chip__facts">
            {t('pageProgress', { done: progress.done, total: progress.total })}
          </span>
        )}
        <button type="button" className="document-chip__button" onClick={() => props.onCancel(chip.key)}>
          {t('common:cancel')}
        </button>
      </>
    );
  }
  if (chip.state === 'failed' && chip.error) {
    const text = errorText(chip.error);
    return (
      <span className="document-chip__error" role="alert">
        <strong>{t('errorTitle', { title: text.title })}</strong> {text.detail ?? ''} {text.hint ?? ''}
      </span>
    );
  }
  const draft = chip.draft!;
  return (
    <>
      <span className="document-chip__facts">{facts(chip, t)}</span>
      <button
        type="button"
        className="document-chip__button"
        aria-label={t('showText', { name: chip.name })}
        onClick={() => props.onShowText(draft.id)}
      >
        {t('text')}
      </button>
      {over && (
        <label className="document-chip__include">
          <input
            type="checkbox"
            checked={chip.included}
            onChange={(e) => props.onInclude(chip.key, e.target.checked)}
          />
          {t('send')}
        </label>
      )}
    </>
  );
}

/** The composer's documents: one chip per file with its size, its token cost, its text and a way to remove it. */
export function DocumentChips(props: DocumentChipsProps) {
  const { chips, room, needed, fit } = props;
  const { t } = useTranslation('documents');
  if (chips.length === 0) return null;
  const ready = chips.filter((c) => c.state === 'ready');
  const over = room !== null && ready.length > 0 && (needed > room || ready.some((c) => !c.included));
  const tooMuch = room !== null && needed > room;
  return (
    <div className="documents">
      <ul className="documents__list" aria-label={t('attached')}>
        {chips.map((chip) => (
          <li key={chip.key} className={`document-chip document-chip--${chip.state}`}>
            <Icon name="file" />
            <span className="document-chip__name" title={chip.name}>
              {chip.name || t('choosing')}
            </span>
            <ChipBody chip={chip} over={over} props={props} />
            <button
              type="button"
              className="icon-button document-chip__remove"
              aria-label={t('remove', { name: chip.name || t('choosing') })}
              onClick={() => props.onRemove(chip.key)}
            >
              <Icon name="close" />
            </button>
            {chip.draft?.warnings.map((w) => (
              <span key={w} className="document-chip__warning">
                {w}
              </span>
            ))}
          </li>
        ))}
      </ul>
      {tooMuch && (
        <div className="documents__over" role="status">
          <p>{t('over', { needed, room: Math.max(0, room) })}</p>
          <label className="checkbox">
            <input type="checkbox" checked={fit} onChange={(e) => props.onFit(e.target.checked)} />
            {t('fit')}
          </label>
        </div>
      )}
    </div>
  );
}
