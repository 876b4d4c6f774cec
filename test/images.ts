import type { ImageInput } from '../src/shared/contract';

/** A 2×2 red PNG. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

export const pngInput = (name = 'red.png'): ImageInput => ({
  name,
  mimeType: 'image/png',
  dataUrl: `data:image/png;base64,${PNG_BASE64}`,
  thumbnail: `data:image/png;base64,${PNG_BASE64}`,
});
