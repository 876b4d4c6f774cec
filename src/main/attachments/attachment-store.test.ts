import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG_BASE64, pngInput } from '../../../test/images';
import { FileAttachmentStore } from './attachment-store';

describe('FileAttachmentStore', () => {
  it('keeps each image as a file beside the database and reads it back as a data URL', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mlc-att-')), 'attachments');
    const store = new FileAttachmentStore(dir);
    const attachment = store.save(pngInput('photo.png'));
    expect(attachment).toMatchObject({
      name: 'photo.png',
      mimeType: 'image/png',
      size: Buffer.from(PNG_BASE64, 'base64').length,
    });
    expect(readdirSync(dir)).toEqual([attachment.id]);
    expect(readFileSync(join(dir, attachment.id))).toEqual(Buffer.from(PNG_BASE64, 'base64'));
    expect(new FileAttachmentStore(dir).read(attachment)).toBe(`data:image/png;base64,${PNG_BASE64}`);
  });

  it('says so when an image file has gone', () => {
    const store = new FileAttachmentStore(mkdtempSync(join(tmpdir(), 'mlc-att-')));
    const attachment = { ...store.save(pngInput()), id: 'missing' };
    expect(() => store.read(attachment)).toThrow(/no longer on this computer/);
  });
});
