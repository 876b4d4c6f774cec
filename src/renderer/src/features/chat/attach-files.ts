import { useStore } from '../../store';
import { pickImages } from './read-image';

/** Reads picked, pasted or dropped files and attaches the images that fit to the next message. */
export async function attachFiles(files: File[]): Promise<void> {
  const { images, problems } = await pickImages(files, useStore.getState().images);
  useStore.getState().attachImages(images, problems);
}
