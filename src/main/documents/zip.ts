import { crc32, inflateRawSync } from 'node:zlib';
import { DocumentFailure, megabytes, shown } from './failure.ts';

/*
 * A small zip reader that distrusts the archive: it reads the central directory, refuses before inflating anything
 * when the declared sizes are over the limits, and inflates each part with a hard output cap, so a part whose
 * header lies about its size is stopped as soon as it passes what it declared. Only the parts asked for are read.
 */

export interface ZipLimits {
  maxInflatedBytes: number;
  maxEntryBytes: number;
  maxEntries: number;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function damaged(name: string, why: string): DocumentFailure {
  return new DocumentFailure('document_damaged', `${shown(name)} is damaged or incomplete (${why}).`);
}

function bomb(name: string, why: string): DocumentFailure {
  return new DocumentFailure('document_too_complex', `${shown(name)} ${why}; it was not opened.`);
}

function endOfDirectory(bytes: Buffer, name: string): { count: number; offset: number } {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, so it starts in the file's last 65,557 bytes.
  const stop = Math.max(0, bytes.length - 65_557);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes.readUInt32LE(at) !== EOCD) continue;
    const count = bytes.readUInt16LE(at + 10);
    const offset = bytes.readUInt32LE(at + 16);
    // ZIP64 marks its real values elsewhere; a document small enough to attach never needs it.
    if (count === 0xffff || offset === 0xffffffff) throw damaged(name, 'a ZIP64 archive');
    return { count, offset };
  }
  throw damaged(name, 'no zip directory at its end');
}

function directory(bytes: Buffer, name: string, limits: ZipLimits): Entry[] {
  const { count, offset } = endOfDirectory(bytes, name);
  if (count > limits.maxEntries)
    throw bomb(name, `has ${count.toLocaleString('en')} parts, more than a document needs`);
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw damaged(name, 'a broken zip directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const end = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (end > bytes.length) throw damaged(name, 'a broken zip directory');
    entries.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at = end;
  }
  return entries;
}

function compressedData(bytes: Buffer, entry: Entry, name: string): Buffer {
  const at = entry.offset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL)
    throw damaged(name, `part ${shown(entry.name)} is missing`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged(name, `part ${shown(entry.name)} is cut off`);
  return bytes.subarray(start, end);
}

function inflate(bytes: Buffer, entry: Entry, name: string, cap: number): Buffer {
  const data = compressedData(bytes, entry, name);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw damaged(name, `part ${shown(entry.name)} has the wrong size`);
    return data;
  }
  if (entry.method !== 8) throw damaged(name, `part ${shown(entry.name)} uses an unknown compression`);
  let out: Buffer;
  try {
    // zlib stops as soon as the output passes the cap, so a lying header costs at most `cap` bytes.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw bomb(name, 'expands to more than its zip directory says, the mark of a zip bomb');
    }
    throw damaged(name, `part ${shown(entry.name)} cannot be decompressed`);
  }
  if (out.length !== entry.size) throw damaged(name, `part ${shown(entry.name)} has the wrong size`);
  return out;
}

/** The parts whose names `wanted` accepts, inflated; every size checked before and during inflation. */
export function readZip(
  bytes: Buffer,
  name: string,
  limits: ZipLimits,
  wanted: (part: string) => boolean,
): Map<string, Buffer> {
  const entries = directory(bytes, name, limits).filter((entry) => wanted(entry.name));
  let declared = 0;
  for (const entry of entries) {
    if (entry.flags & 1) {
      throw new DocumentFailure('document_encrypted', `${shown(name)} is encrypted and needs a password.`);
    }
    if (entry.size > limits.maxEntryBytes) {
      throw bomb(
        name,
        `has a part that expands to ${megabytes(entry.size)}, over the ${megabytes(limits.maxEntryBytes)} allowed`,
      );
    }
    declared += entry.size;
  }
  if (declared > limits.maxInflatedBytes) {
    throw bomb(name, `expands to ${megabytes(declared)}, over the ${megabytes(limits.maxInflatedBytes)} allowed`);
  }
  const parts = new Map<string, Buffer>();
  let inflated = 0;
  for (const entry of entries) {
    // The cap is what the part declared (already within the limits), and never more than what the total has left.
    const part = inflate(bytes, entry, name, Math.min(entry.size, limits.maxInflatedBytes - inflated));
    inflated += part.length;
    parts.set(entry.name, part);
  }
  return parts;
}

/** One part as written: `data` is what the archive holds (deflated when `method` is 8), `size` what it inflates to. */
export interface ZipPart {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  size: number;
  crc: number;
}

/** A zip archive of the given parts, written as given (names in UTF-8, flag bit 11). */
export function zipArchive(parts: ZipPart[]): Buffer {
  const chunks: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const fileName = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    local.copy(central, 6, 4, 30); // version needed, flags, method, time, date, crc, sizes, name and extra lengths
    central.writeUInt32LE(offset, 42);
    chunks.push(local, fileName, part.data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + part.data.length;
  }
  const directorySize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...centrals, end]);
}

/** The parts, stored uncompressed. */
export function storedZip(parts: Map<string, Uint8Array>): Buffer {
  return zipArchive([...parts].map(([name, data]) => ({ name, method: 0, data, size: data.length, crc: crc32(data) })));
}
