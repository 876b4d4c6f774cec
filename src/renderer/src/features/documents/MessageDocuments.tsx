import type { DocumentRef } from '../../../../shared/domain';
import { Icon } from '../../ui/Icon';
import { formatTokens } from '../context/meter';
import './documents.css';

/** The documents a message was sent with: each named, with its size, and its text a click away. */
export function MessageDocuments(props: { documents: DocumentRef[]; onShowText?(id: string): void }) {
  if (props.documents.length === 0) return null;
  return (
    <ul className="documents__list message-documents" aria-label="Documents">
      {props.documents.map((d) => (
        <li key={d.id} className="document-chip">
          <Icon name="file" />
          <span className="document-chip__name" title={d.name}>
            {d.name}
          </span>
          <span className="document-chip__facts">
            {d.pages !== null ? `${d.pages} ${d.pages === 1 ? 'page' : 'pages'}` : `${formatTokens(d.lines)} lines`}
            {d.keptChars !== null && d.keptChars < d.chars ? ' · cut to fit' : ''}
          </span>
          {props.onShowText && (
            <button
              type="button"
              className="document-chip__button"
              aria-label={`Show the text of ${d.name}`}
              onClick={() => props.onShowText!(d.id)}
            >
              Text
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
