import { useTranslation } from 'react-i18next';
import './context.css';

/** Under a message's images and documents: they go with the newest turn only, unless pinned to every request. */
export function ImagesSent({
  pinned,
  onPin,
  what = 'images',
}: {
  pinned: boolean;
  onPin(pinned: boolean): void;
  what?: 'images' | 'documents' | 'both';
}) {
  const { t } = useTranslation('context');
  return (
    <div className="images-sent">
      <span>{pinned ? t(`sent.${what}.always`) : t(`sent.${what}.once`)}</span>
      <button type="button" className="text-button" onClick={() => onPin(!pinned)}>
        {pinned ? t('sent.stop') : t('sent.keep')}
      </button>
    </div>
  );
}
