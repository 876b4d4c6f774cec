import type { DocumentChip } from '../../store/documents-slice';
import { Icon } from '../../ui/Icon';
import { errorText } from '../chat/error-text';
import { formatTokens } from '../context/meter';
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

function facts(chip: DocumentChip): string {
  const draft = chip.draft!;
  const size =
    draft.pages !== null
      ? `${draft.pages} ${draft.pages === 1 ? 'page' : 'pages'}`
      : `${formatTokens(draft.lines)} ${draft.lines === 1 ? 'line' : 'lines'}`;
  return `${size} · ~${formatTokens(draft.tokens)} tokens`;
}

function ChipBody({ chip, over, props }: { chip: DocumentChip; over: boolean; props: DocumentChipsProps }) {
  if (chip.state === 'reading') {
    const { progress } = chip;
    return (
      <>
        <progress
          className="document-chip__progress"
          aria-label={`Reading ${chip.name}`}
          {...(progress ? { max: progress.total, value: progress.done } : {})}
        />
        {progress && (
          <span className="document-chip__facts">
            page {formatTokens(progress.done)} of {formatTokens(progress.total)}
          </span>
        )}
        <button type="button" className="document-chip__button" onClick={() => props.onCancel(chip.key)}>
          Cancel
        </button>
      </>
    );
  }
  if (chip.state === 'failed' && chip.error) {
    const text = errorText(chip.error);
    return (
      <span className="document-chip__error" role="alert">
        <strong>{text.title}.</strong> {text.detail ?? ''} {text.hint ?? ''}
      </span>
    );
  }
  const draft = chip.draft!;
  return (
    <>
      <span className="document-chip__facts">{facts(chip)}</span>
      <button
        type="button"
        className="document-chip__button"
        aria-label={`Show the text of ${chip.name}`}
        onClick={() => props.onShowText(draft.id)}
      >
        Text
      </button>
      {over && (
        <label className="document-chip__include">
          <input
            type="checkbox"
            checked={chip.included}
            onChange={(e) => props.onInclude(chip.key, e.target.checked)}
          />
          Send
        </label>
      )}
    </>
  );
}

/** The composer's documents: one chip per file with its size, its token cost, its text and a way to remove it. */
export function DocumentChips(props: DocumentChipsProps) {
  const { chips, room, needed, fit } = props;
  if (chips.length === 0) return null;
  const ready = chips.filter((c) => c.state === 'ready');
  const over = room !== null && ready.length > 0 && (needed > room || ready.some((c) => !c.included));
  const tooMuch = room !== null && needed > room;
  return (
    <div className="documents">
      <ul className="documents__list" aria-label="Attached documents">
        {chips.map((chip) => (
          <li key={chip.key} className={`document-chip document-chip--${chip.state}`}>
            <Icon name="file" />
            <span className="document-chip__name" title={chip.name}>
              {chip.name}
            </span>
            <ChipBody chip={chip} over={over} props={props} />
            <button
              type="button"
              className="icon-button document-chip__remove"
              aria-label={`Remove ${chip.name}`}
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
          <p>
            The documents need about {formatTokens(needed)} tokens; this chat’s context has room for{' '}
            {formatTokens(Math.max(0, room))} with your message. Leave some out, or let the app cut them.
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={fit} onChange={(e) => props.onFit(e.target.checked)} />
            Cut them to fit (each keeps its beginning; the model is told what was left out)
          </label>
        </div>
      )}
    </div>
  );
}
