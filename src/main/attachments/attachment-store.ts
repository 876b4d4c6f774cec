import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import type { ImageInput } from '../../shared/contract';
import { LIMITS, type Attachment, type ImageType } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import { insideFolder, readKeptFile } from '../kept-file';
import { checkBudget, type StoredImage } from './budget';

/** The ids the app makes for images (randomUUID); nothing else is ever joined to a path. */
const ATTACHMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isAttachmentId(id: string): boolean {
  return ATTACHMENT_ID.test(id);
}

/** An image whose bytes came from somewhere else (an imported file), to be kept under a new id. */
export interface ImageBytes {
  name: string;
  mimeType: ImageType;
  thumbnail: string;
  bytes: Buffer;
}

const SIGNATURES: [ImageType, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))],
  ['image/webp', (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP'],
];

/** Why these bytes cannot be kept as an image of this type, or null when they can. */
function imageBytesProblem(name: string, mimeType: ImageType, bytes: Buffer): string | null {
  if (bytes.length === 0) return `${name} is empty.`;
  if (bytes.length > LIMITS.imageBytes) return `${name} is larger than 5 MB.`;
  const actual = SIGNATURES.find(([, matches]) => matches(bytes))?.[0];
  if (actual !== mimeType) return `${name} is not the ${mimeType.slice(6).toUpperCase()} image it says it is.`;
  return null;
}

function gone(attachment: Attachment): ApiError {
  return new ApiError(appError('not_found', `The image ${attachment.name} is no longer on this computer.`));
}

/**
 * Keeps the full images sent with messages; messages keep only a reference and a preview. Subclasses
 * store bytes under ids; this class decides what is stored and under which id.
 */
export abstract class AttachmentStore {
  constructor(protected readonly now: () => number = Date.now) {}

  protected abstract write(id: string, bytes: Buffer, addedAt: number): void;
  /** The bytes kept under an id, or null when there are none (or none the store will read). */
  protected abstract load(id: string): Buffer | null;
  protected abstract stored(): (StoredImage & { id: string })[];
  protected abstract delete(id: string): void;

  /**
   * Refuses, before anything is saved, images whose bytes are not what they claim and images over the
   * per-message or per-day limits (see budget.ts).
   */
  checkImages(images: ImageInput[]): void {
    const decoded = images.map((image) => checked(image));
    checkBudget(
      decoded.map((b) => b.length),
      this.stored(),
      this.now(),
    );
  }

  /** An image from the composer, under a new id. */
  save(image: ImageInput): Attachment {
    return this.keep({ ...image, bytes: checked(image) }, this.now());
  }

  /** An image from an imported file, under a new id; `addedAt` dates it for the daily budget. */
  adopt(image: ImageBytes, addedAt: number): Attachment | string {
    return (
      imageBytesProblem(image.name, image.mimeType, image.bytes) ?? this.keep(image, Math.min(addedAt, this.now()))
    );
  }

  private keep(image: ImageBytes, addedAt: number): Attachment {
    const attachment = {
      id: randomUUID(),
      name: image.name,
      mimeType: image.mimeType,
      size: image.bytes.length,
      thumbnail: image.thumbnail,
    };
    this.write(attachment.id, image.bytes, addedAt);
    return attachment;
  }

  /** The image as a data URL, for the request to the model. */
  read(attachment: Attachment): string {
    const bytes = this.bytes(attachment);
    if (!bytes) throw gone(attachment);
    return `data:${attachment.mimeType};base64,${bytes.toString('base64')}`;
  }

  /** The image's bytes, or null when they are gone or the id is not one the app made. */
  bytes(attachment: Attachment): Buffer | null {
    return isAttachmentId(attachment.id) ? this.load(attachment.id) : null;
  }

  ids(): string[] {
    return this.stored().map((s) => s.id);
  }

  /** Best effort: a file that cannot be removed now is swept at a later start. */
  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      try {
        if (isAttachmentId(id)) this.delete(id);
      } catch {
        // left for the next sweep
      }
    }
  }
}

function checked(image: ImageInput): Buffer {
  const bytes = Buffer.from(image.dataUrl.slice(image.dataUrl.indexOf(',') + 1), 'base64');
  const problem = imageBytesProblem(image.name, image.mimeType, bytes);
  if (problem) throw new ApiError(appError('bad_input', problem));
  return bytes;
}

/** Files beside the database, one per image, named by id. */
export class FileAttachmentStore extends AttachmentStore {
  private readonly dir: string;

  constructor(dir: string, now?: () => number) {
    super(now);
    mkdirSync(dir, { recursive: true });
    this.dir = realpathSync(dir);
  }

  protected write(id: string, bytes: Buffer, addedAt: number): void {
    const path = insideFolder(this.dir, id);
    // 'wx': never writes through something already at that name.
    writeFileSync(path, bytes, { flag: 'wx' });
    if (addedAt < this.now()) utimesSync(path, addedAt / 1000, addedAt / 1000);
  }

  /** Only a regular file of at most an image's size: a symbolic or odd file planted in the folder is not read. */
  protected load(id: string): Buffer | null {
    return readKeptFile(this.dir, id, LIMITS.imageBytes);
  }

  protected stored(): (StoredImage & { id: string })[] {
    return readdirSync(this.dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && isAttachmentId(entry.name))
      .flatMap((entry) => {
        try {
          const { size, mtimeMs } = statSync(insideFolder(this.dir, entry.name));
          return [{ id: entry.name, size, addedAt: mtimeMs }];
        } catch {
          return [];
        }
      });
  }

  protected delete(id: string): void {
    rmSync(insideFolder(this.dir, id), { force: true });
  }
}

export class MemoryAttachmentStore extends AttachmentStore {
  private readonly files = new Map<string, { bytes: Buffer; addedAt: number }>();

  protected write(id: string, bytes: Buffer, addedAt: number): void {
    this.files.set(id, { bytes, addedAt });
  }

  protected load(id: string): Buffer | null {
    return this.files.get(id)?.bytes ?? null;
  }

  protected stored(): (StoredImage & { id: string })[] {
    return [...this.files].map(([id, f]) => ({ id, size: f.bytes.length, addedAt: f.addedAt }));
  }

  protected delete(id: string): void {
    this.files.delete(id);
  }
}
