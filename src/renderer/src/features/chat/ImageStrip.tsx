import { THUMBNAIL_URL } from '../../../../shared/domain';
import { Icon } from '../../ui/Icon';
import './chat.css';

export interface ImageStripItem {
  name: string;
  thumbnail: string;
}

/** Thumbnails of images in the composer (removable) or in a sent message. */
export function ImageStrip({ images, onRemove }: { images: ImageStripItem[]; onRemove?(index: number): void }) {
  if (images.length === 0) return null;
  return (
    <ul className="image-strip" aria-label="Attached images">
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
              aria-label={`Remove ${image.name}`}
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
