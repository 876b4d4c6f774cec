import { useTranslation } from 'react-i18next';
import { THUMBNAIL_URL } from '../../../../shared/domain';
import { Icon } from '../../ui/Icon';
import './chat.css';

export interface ImageStripItem {
  name: string;
  thumbnail: string;
}

/** Thumbnails of images in the composer (removable) or in a sent message. */
export function ImageStrip({ images, onRemove }: { images: ImageStripItem[]; onRemove?(index: number): void }) {
  const { t } = useTranslation('chat');
  if (images.length === 0) return null;
  return (
    <ul className="image-strip" aria-label={t('images.attached')}>
      {images.map((image, index) => (
        <li key={`${index}-${image.name}`} className="image-strip__item">
          {/* Main checks previews too; this keeps any other URL (file:, http:) from ever being fetched. */}
          {image.thumbnail && THUMBNAIL_URL.test(image.thumbnail) ? (
            <img src={image.thumbnail} alt={image.name} />
          ) : (
            <span className="image-strip__name">{image.name}</span>
          )}
          {onRemove && (
            <button
              type="button"
              className="image-strip__remove"
              aria-label={t('images.remove', { name: image.name })}
              onClick={() => onRemove(index)}
            >
              <Icon name="close" />
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
