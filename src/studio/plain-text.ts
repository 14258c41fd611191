/**
 * A data file's bytes as the text the page edits (LF, no BOM; the file's own style is put back on
 * save) and its version (sha256). For a small file on the request thread; for a large one in the
 * worker (studio-jobs.ts 'text'): decoding, splitting and hashing 2 MB held the loop for 0.2–0.3 s.
 */
import { decodeUtf8 } from '../data/decode-utf8.js';
import { ok, type Result } from '../errors.js';
import { splitTextStyle, type TextStyle } from '../io/text-style.js';
import { sha256Hex } from '../sha256.js';

export interface PlainText {
  text: string;
  version: string;
  /** The file's line endings and BOM, put back on save. */
  style: TextStyle;
}

export function plainText(file: string, bytes: Uint8Array): Result<PlainText> {
  const text = decodeUtf8(file, bytes);
  if (!text.ok) return text;
  const { text: plain, style } = splitTextStyle(text.value);
  // The decoder drops a byte order mark: it is read from the bytes.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return ok({ text: plain, version: sha256Hex(plain), style: { ...style, bom } });
}
