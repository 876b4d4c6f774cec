import { LIMITS } from '../../../../shared/domain';
import { i18n } from '../../i18n';
import { useStore } from '../../store';
import { tooLargeToRead } from '../../store/documents-slice';

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result as string;
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

/**
 * Dropped or pasted files that are not images: each is refused over the size limit before a byte is read, else
 * its bytes go to main, which decides what it is (PDF, Word, text) and reads it off its event loop.
 */
export async function attachDocumentFiles(files: File[]): Promise<void> {
  const store = useStore.getState();
  await Promise.all(
    files.map(async (file) => {
      if (file.size > LIMITS.documentBytes) {
        store.refuseDocument(file.name, tooLargeToRead(file.name, file.size, LIMITS.documentBytes));
        return;
      }
      try {
        await store.attachDocumentBytes(file.name, await readAsBase64(file));
      } catch {
        // Made in the window, so worded here, in the language of the moment it happens (as main's are).
        store.refuseDocument(file.name, {
          code: 'bad_file',
          message: i18n.t('documents:readFailed', { name: file.name }),
        });
      }
    }),
  );
}
