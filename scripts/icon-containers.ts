/** Writes Windows .ico and macOS .icns files from rendered images, with no image library. */

export interface IconImage {
  size: number;
  png: Uint8Array;
  /** Straight RGBA, size × size × 4 bytes, top row first. */
  rgba: Uint8Array;
}

/** Sizes stored as bitmaps in the .ico: tools that predate PNG icons (and some that do not) read only these. */
const ICO_BITMAP_MAX = 48;

function bitmapEntry({ size, rgba }: IconImage): Buffer {
  const maskRow = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows plus the AND-mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bitmaps run bottom-up
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
    }
  }
  // The AND mask is all zeros: the alpha channel already says what is transparent.
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

export function writeIco(images: readonly IconImage[]): Buffer {
  const sorted = [...images].sort((a, b) => a.size - b.size);
  const bodies = sorted.map((image) => (image.size <= ICO_BITMAP_MAX ? bitmapEntry(image) : Buffer.from(image.png)));
  const header = Buffer.alloc(6 + 16 * sorted.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sorted.length, 4);
  let offset = header.length;
  sorted.forEach((image, i) => {
    if (image.size > 256) throw new Error('An .ico holds images up to 256 px');
    const at = 6 + 16 * i;
    header.writeUInt8(image.size === 256 ? 0 : image.size, at);
    header.writeUInt8(image.size === 256 ? 0 : image.size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(bodies[i]!.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += bodies[i]!.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/** The PNG-carrying icon types of .icns, by pixel size (the @2x types reuse a doubled image). */
export const ICNS_TYPES: ReadonlyArray<{ type: string; size: number }> = [
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic13', size: 256 },
  { type: 'ic08', size: 256 },
  { type: 'ic14', size: 512 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
];

export function writeIcns(images: readonly IconImage[]): Buffer {
  const chunks = ICNS_TYPES.map(({ type, size }) => {
    const image = images.find((i) => i.size === size);
    if (!image) throw new Error(`.icns needs a ${size} px image`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + image.png.length, 4);
    return Buffer.concat([head, image.png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** Reads the entries back (for tests and checks): type or size, and where the image data is. */
export function readIcns(file: Buffer): Array<{ type: string; data: Buffer }> {
  if (file.toString('latin1', 0, 4) !== 'icns' || file.readUInt32BE(4) !== file.length) throw new Error('Not an icns');
  const out: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at + 4);
    out.push({ type: file.toString('latin1', at, at + 4), data: file.subarray(at + 8, at + length) });
    at += length;
  }
  return out;
}

export function readIco(file: Buffer): Array<{ size: number; data: Buffer }> {
  if (file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) throw new Error('Not an ico');
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const size = file.readUInt8(at) || 256;
    const offset = file.readUInt32LE(at + 12);
    return { size, data: file.subarray(offset, offset + file.readUInt32LE(at + 8)) };
  });
}
