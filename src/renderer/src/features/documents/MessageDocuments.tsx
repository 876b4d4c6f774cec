import { useTranslation } from 'react-i18next';
import type { DocumentRef } from '../../../../shared/domain';
import { Icon } from '../../ui/Icon';
import { documentSize } from './DocumentChips';
import './documents.css';

/** The documents a message was sent with: each named, with its size, and its text a click away. */
export function MessageDocuments(props: { documents: DocumentRef[]; onShowText?(id: string): void }) {
  const { t } = useTranslation('documents');
  if (props.documents.length === 0) return null;
  return (
    <ul className="documents__list message-documents" aria-label={t('listLabel')}>
      {props.documents.map((d) => (
        <li key={d.id} className="document-chip">
          <Icon name="file" />
          <span className="document-chip__name" title={d.name}>
            {d.name}
          </span>
          <span className="document-chip__facts">
            {documentSize(d, t)}
            {d.keptChars !== null && d.keptChars < d.chars ? ` · ${t('cutToFit')}` : ''}
          </span>
          {props.onShowText && (
            <button
              type="button"
              className="document-chip__button"
              aria-label={t('showText', { name: d.name })}
              onClick={() => props.onShowText!(d.id)}
            >
              {t('text')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
