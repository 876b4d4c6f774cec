import { IMAGE_TYPES } from '../../../../shared/domain';
import { useStore } from '../../store';
import { attachDocumentFiles } from '../documents/read-document';
import { pickImages } from './read-image';

/** Files from the image picker: images only; any other file gets a message saying so. */
export async function attachImageFiles(files: File[]): Promise<void> {
  const { images, problems } = await pickImages(files, useStore.getState().images);
  useStore.getState().attachImages(images, problems);
}

const isImage = (file: File) => (IMAGE_TYPES as readonly string[]).includes(file.type);

/**
 * Reads picked, pasted or dropped files: images that fit are attached to the next message, any other file goes to
 * main to be read as a document (PDF, Word, text or code).
 */
export async function attachFiles(files: File[]): Promise<void> {
  const documents = files.filter((f) => !isImage(f));
  const pictures = files.filter(isImage);
  if (documents.length) void attachDocumentFiles(documents);
  if (pictures.length) await attachImageFiles(pictures);
}
