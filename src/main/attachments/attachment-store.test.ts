import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG_BASE64, pngInput } from '../../../test/images';
import type { Attachment } from '../../shared/domain';
import { insideFolder } from '../kept-file';
import { FileAttachmentStore, MemoryAttachmentStore } from './attachment-store';

const PNG = Buffer.from(PNG_BASE64, 'base64');

/** A data folder with a secret beside the attachments folder, the way ~/.ssh sits beside app data. */
function folders() {
  const root = mkdtempSync(join(tmpdir(), 'mlc-att-'));
  const secret = join(root, 'id_ed25519');
  writeFileSync(secret, 'PRIVATE KEY');
  const dir = join(root, 'attachments');
  return { root, secret, dir, store: new FileAttachmentStore(dir) };
}

const as = (id: string): Attachment => ({ id, name: 'photo.png', mimeType: 'image/png', size: 1, thumbnail: '' });

describe('FileAttachmentStore', () => {
  it('keeps each image as a file beside the database and reads it back as a data URL', () => {
    const { dir, store } = folders();
    const attachment = store.save(pngInput('photo.png'));
    expect(attachment).toMatchObject({ name: 'photo.png', mimeType: 'image/png', size: PNG.length });
    expect(readdirSync(dir)).toEqual([attachment.id]);
    expect(readFileSync(join(dir, attachment.id))).toEqual(PNG);
    expect(new FileAttachmentStore(dir).read(attachment)).toBe(`data:image/png;base64,${PNG_BASE64}`);
  });

  it('says so when an image file has gone', () => {
    const { store } = folders();
    expect(() => store.read(as('0b6c3c1e-7b44-4a55-9a8e-2f5d1e0c9a11'))).toThrow(/no longer on this computer/);
  });

  it('never reads a file outside its folder, whatever the id says', () => {
    const { secret, store } = folders();
    for (const id of ['../id_ed25519', '../../../../../../' + secret, secret, `x\0../id_ed25519`, '.', '']) {
      expect(store.bytes(as(id))).toBeNull();
      expect(() => store.read(as(id))).toThrow(expect.objectContaining({ code: 'not_found' }));
    }
  });

  it('resolves names only inside the folder', () => {
    const { dir } = folders();
    expect(insideFolder(dir, 'a1')).toBe(join(dir, 'a1'));
    for (const name of ['../../etc/passwd', '..', '/etc/passwd', 'sub/../../x', 'a\0b', '', '.']) {
      expect(() => insideFolder(dir, name)).toThrow('That is not a file the app keeps.');
    }
  });

  it('does not follow a symbolic link planted in the folder under an app-made id', () => {
    const { secret, dir, store } = folders();
    const id = '5d2f8f5e-1c1b-4f7e-8a53-0c6f7e9d2b10';
    symlinkSync(secret, join(dir, id));
    expect(store.bytes(as(id))).toBeNull();
    expect(() => store.read(as(id))).toThrow(/no longer on this computer/);
    expect(store.ids()).toEqual([]);
    store.remove([id]);
    expect(existsSync(join(dir, id))).toBe(false);
    expect(readFileSync(secret, 'utf8')).toBe('PRIVATE KEY');
  });

  it('reads no file larger than an image can be', () => {
    const { dir, store } = folders();
    const id = '7a0e7c52-56a5-4a8e-9d7b-44d2b2a3c001';
    writeFileSync(join(dir, id), Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]));
    expect(store.bytes(as(id))).toBeNull();
  });

  it('refuses bytes that are not the image type they claim, and writes nothing', () => {
    const { dir, store } = folders();
    const gif = pngInput('fake.png');
    gif.dataUrl = `data:image/png;base64,${Buffer.from('GIF89a....').toString('base64')}`;
    expect(() => store.checkImages([gif])).toThrow('fake.png is not the PNG image it says it is.');
    expect(() => store.save(gif)).toThrow(expect.objectContaining({ code: 'bad_input' }));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps an imported image under a new id, dated when it was sent, and refuses bytes of another type', () => {
    const { dir, store } = folders();
    const sentAt = Date.UTC(2024, 0, 2);
    const kept = store.adopt({ name: 'a.png', mimeType: 'image/png', thumbnail: '', bytes: PNG }, sentAt);
    expect(typeof kept).toBe('object');
    const { id } = kept as Attachment;
    expect(statSync(join(dir, id)).mtimeMs).toBe(sentAt);
    expect(store.adopt({ name: 'b.jpg', mimeType: 'image/jpeg', thumbnail: '', bytes: PNG }, sentAt)).toBe(
      'b.jpg is not the JPEG image it says it is.',
    );
    expect(readdirSync(dir)).toEqual([id]);
  });

  it('lists and removes only app-made ids', () => {
    const { root, dir, store } = folders();
    const kept = store.save(pngInput());
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    mkdirSync(join(dir, 'a-folder'));
    expect(store.ids()).toEqual([kept.id]);
    store.remove(['../id_ed25519', 'notes.txt', kept.id]);
    expect(readdirSync(dir).sort()).toEqual(['a-folder', 'notes.txt']);
    expect(existsSync(join(root, 'id_ed25519'))).toBe(true);
  });
});

describe('MemoryAttachmentStore', () => {
  it('keeps images by id and reads no id it did not make', () => {
    const store = new MemoryAttachmentStore();
    const kept = store.save(pngInput());
    expect(store.read(kept)).toBe(`data:image/png;base64,${PNG_BASE64}`);
    store.remove([kept.id]);
    expect(store.bytes(kept)).toBeNull();
  });
});
