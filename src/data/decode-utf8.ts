/** Bytes → text for the input files: UTF-8 only, with the place of the first byte that is not. */
import { fail, ok, type Result } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → text, refusing anything that is not UTF-8: Node's lenient decoding would turn
 * a Windows-1252 "møter" into "m\uFFFDter" without a word.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): Result<string> {
  try {
    return ok(utf8.decode(bytes));
  } catch {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return fail([{ file, line: 1, col: 1, message: 'file is saved as UTF-16; save it as UTF-8' }]);
    }
    const bad = firstInvalidUtf8(bytes);
    // Everything before the bad byte is valid, so it decodes; the BOM is not a column.
    const before = utf8.decode(bytes.subarray(0, bad)).replace(/^\uFEFF/, '');
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.slice(0, lineStart).split('\n').length;
    return fail([
      {
        file,
        line,
        col: before.length - lineStart + 1,
        message: 'file is not saved as UTF-8 (found a byte that is not UTF-8, probably Windows-1252); save it as UTF-8',
      },
    ]);
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence, and the allowed range of its second byte (no overlongs, surrogates or > U+10FFFF).
    let length: number;
    let [low, high] = [0x80, 0xbf];
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) [length, low, high] = [3, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4) [length, low, high] = [4, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
