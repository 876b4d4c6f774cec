import type { ImageInput } from '../../../../shared/contract';
import { IMAGE_TYPES, LIMITS, type ImageType } from '../../../../shared/domain';
import { i18n } from '../../i18n';
import type { ImageProblem } from '../../store/chat-slice';

const THUMB_PX = 320;

/** Why a file cannot be attached, or null when it can. */
export function imageProblem(file: { name: string; type: string; size: number }): ImageProblem | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return { kind: 'not-image', name: file.name };
  if (file.size > LIMITS.imageBytes) return { kind: 'too-large', name: file.name, bytes: file.size };
  return null;
}

/** Bytes of an image read as a base64 data URL. */
function bytesOf(image: ImageInput): number {
  return Math.floor(((image.dataUrl.length - image.dataUrl.indexOf(',') - 1) * 3) / 4);
}

/**
 * The files that fit beside the images already attached within one message's total (main enforces it too,
 * with the daily total); a problem for each that does not.
 */
export function withinMessageTotal<F extends { name: string; size: number }>(files: F[], attached: ImageInput[]) {
  let total = attached.reduce((sum, image) => sum + bytesOf(image), 0);
  const problems: ImageProblem[] = [];
  const fits = files.filter((file) => {
    if (total + file.size > LIMITS.imageBytesPerMessage) {
      problems.push({ kind: 'over-total', name: file.name });
      return false;
    }
    total += file.size;
    return true;
  });
  return { fits, problems };
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

async function thumbnailOf(file: Blob, fallback: string): Promise<string> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, THUMB_PX / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const url = canvas.toDataURL('image/png');
    return url.length <= LIMITS.thumbnailChars ? url : canvas.toDataURL('image/jpeg', 0.7);
  } catch {
    return fallback.length <= LIMITS.thumbnailChars ? fallback : '';
  }
}

/** Reads a picked, pasted or dropped image for sending. */
export async function readImage(file: File): Promise<ImageInput> {
  const dataUrl = await readAsDataUrl(file);
  const thumbnail = await thumbnailOf(file, dataUrl);
  return {
    name: file.name || i18n.t('chat:composer.pastedImage'),
    mimeType: file.type as ImageType,
    dataUrl,
    thumbnail,
  };
}

/**
 * The files that can go with the next message beside those already attached, read for sending; a problem for each
 * left out (not an image, too large, one too many, over the message's total).
 */
export async function pickImages(
  files: File[],
  attached: ImageInput[],
): Promise<{ images: ImageInput[]; problems: ImageProblem[] }> {
  const problems: ImageProblem[] = [];
  const room = LIMITS.imagesPerMessage - attached.length;
  const accepted = files.filter((file) => {
    const problem = imageProblem(file);
    if (problem) problems.push(problem);
    return !problem;
  });
  if (accepted.length > room) {
    problems.push({ kind: 'too-many' });
    accepted.length = Math.max(0, room);
  }
  const { fits, problems: tooMuch } = withinMessageTotal(accepted, attached);
  problems.push(...tooMuch);
  return { images: await Promise.all(fits.map(readImage)), problems };
}
