import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageInput } from '../../shared/contract';
import type { Attachment } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';

/** Keeps the full images sent with messages; messages keep only a reference and a preview. */
export interface AttachmentStore {
  save(image: ImageInput): Attachment;
  /** The image as a data URL, for the request to the model. */
  read(attachment: Attachment): string;
}

function decode(image: ImageInput): Buffer {
  const base64 = image.dataUrl.slice(image.dataUrl.indexOf(',') + 1);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new ApiError(appError('bad_input', `${image.name} is empty.`));
  return bytes;
}

function describe(image: ImageInput, size: number): Attachment {
  return { id: randomUUID(), name: image.name, mimeType: image.mimeType, size, thumbnail: image.thumbnail };
}

function dataUrl(attachment: Attachment, bytes: Buffer): string {
  return `data:${attachment.mimeType};base64,${bytes.toString('base64')}`;
}

/** Files beside the database, one per image, named by id. */
export class FileAttachmentStore implements AttachmentStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  save(image: ImageInput): Attachment {
    const bytes = decode(image);
    const attachment = describe(image, bytes.length);
    writeFileSync(join(this.dir, attachment.id), bytes);
    return attachment;
  }

  read(attachment: Attachment): string {
    try {
      return dataUrl(attachment, readFileSync(join(this.dir, attachment.id)));
    } catch {
      throw new ApiError(appError('not_found', `The image ${attachment.name} is no longer on this computer.`));
    }
  }
}

export class MemoryAttachmentStore implements AttachmentStore {
  private readonly files = new Map<string, Buffer>();

  save(image: ImageInput): Attachment {
    const bytes = decode(image);
    const attachment = describe(image, bytes.length);
    this.files.set(attachment.id, bytes);
    return attachment;
  }

  read(attachment: Attachment): string {
    const bytes = this.files.get(attachment.id);
    if (!bytes) throw new ApiError(appError('not_found', `The image ${attachment.name} is no longer available.`));
    return dataUrl(attachment, bytes);
  }
}
