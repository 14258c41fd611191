/**
 * The family and style names a font file declares (its `name` table), read from the
 * first few kilobytes of the file: enough to index a machine's font folders without
 * reading whole files. Spec: https://learn.microsoft.com/typography/opentype/spec/name
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface FontNames {
  /** Legacy family (name ID 1), as Office names a face: "Calibri Light", "Liberation Sans". */
  family: string;
  /** Legacy subfamily (name ID 2): Regular, Bold, Italic, Bold Italic. */
  style: string;
  /** Typographic family and subfamily (IDs 16, 17), when the file has them. */
  typographic?: { family: string; style: string };
}

function readAt(fd: number, position: number, length: number): DataView {
  const buffer = Buffer.alloc(length);
  const got = readSync(fd, buffer, 0, length, position);
  return new DataView(buffer.buffer, buffer.byteOffset, got);
}

function decode(view: DataView, platform: number, offset: number, length: number): string {
  if (platform === 1) {
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCharCode(view.getUint8(offset + i));
    return out;
  }
  let out = '';
  for (let i = 0; i + 1 < length; i += 2) out += String.fromCharCode(view.getUint16(offset + i));
  return out;
}

/** The names of a .ttf/.otf file; undefined for anything else (collections, WOFF, damaged files). */
export function readFontNames(file: string): FontNames | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const header = readAt(fd, 0, 12);
    const version = header.getUint32(0);
    if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) return undefined;
    const count = header.getUint16(4);
    const directory = readAt(fd, 12, count * 16);
    let nameOffset = -1;
    let nameLength = 0;
    for (let i = 0; i < count; i++) {
      if (directory.getUint32(i * 16) === 0x6e616d65 /* 'name' */) {
        nameOffset = directory.getUint32(i * 16 + 8);
        nameLength = directory.getUint32(i * 16 + 12);
      }
    }
    if (nameOffset < 0 || nameLength > 1 << 20) return undefined;
    const table = readAt(fd, nameOffset, nameLength);
    const records = table.getUint16(2);
    const strings = table.getUint16(4);
    const found = new Map<number, { text: string; rank: number }>();
    for (let i = 0; i < records; i++) {
      const r = 6 + i * 12;
      const platform = table.getUint16(r);
      const language = table.getUint16(r + 4);
      const id = table.getUint16(r + 6);
      if (![1, 2, 16, 17].includes(id) || (platform !== 3 && platform !== 1)) continue;
      // English Windows names first, then any Windows name, then Macintosh Roman.
      const rank = platform === 3 ? (language === 0x409 ? 0 : 1) : language === 0 ? 2 : 3;
      if ((found.get(id)?.rank ?? 9) <= rank) continue;
      const text = decode(table, platform, strings + table.getUint16(r + 10), table.getUint16(r + 8));
      found.set(id, { text, rank });
    }
    const family = found.get(1)?.text;
    if (!family) return undefined;
    const typographic = found.get(16)?.text;
    return {
      family,
      style: found.get(2)?.text ?? 'Regular',
      ...(typographic ? { typographic: { family: typographic, style: found.get(17)?.text ?? 'Regular' } } : {}),
    };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
