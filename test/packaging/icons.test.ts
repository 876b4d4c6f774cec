import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, readIcns, readIco, writeIco } from '../../scripts/icon-containers.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('committed icons', () => {
  it('the .icns holds a PNG of the right size for every type macOS looks for', () => {
    const entries = readIcns(readFileSync('build/icon.icns'));
    expect(entries.map((e) => e.type)).toEqual(ICNS_TYPES.map((t) => t.type));
    for (const { type, data } of entries) {
      const { size } = ICNS_TYPES.find((t) => t.type === type)!;
      expect(pngSize(data), type).toEqual({ width: size, height: size });
    }
  });

  it('the .ico holds 16–48 px bitmaps and 64–256 px PNGs', () => {
    const entries = readIco(readFileSync('build/icon.ico'));
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const { size, data } of entries) {
      if (size <= 48) {
        expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([
          40,
          size,
          size * 2,
          32,
        ]);
      } else {
        expect(pngSize(data)).toEqual({ width: size, height: size });
      }
    }
  });

  it('the Linux PNG sizes electron-builder reads from build/icons exist at their sizes', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(readFileSync(`build/icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});

describe('writeIco', () => {
  it('stores bitmaps bottom-up in BGRA with an empty mask', () => {
    // 2×2: red, green on the top row; blue, half-transparent white below.
    const rgba = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 128]);
    const [entry] = readIco(writeIco([{ size: 2, png: new Uint8Array(), rgba }]));
    const pixels = [...entry!.data.subarray(40, 56)];
    expect(pixels).toEqual([255, 0, 0, 255, 255, 255, 255, 128, 0, 0, 255, 255, 0, 255, 0, 255]);
    expect(entry!.data.length).toBe(40 + 16 + 4 * 2);
  });
});
