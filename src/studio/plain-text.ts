/**
 * A data file's bytes as the text the page edits (LF, no BOM; the file's own style is put back on
 * save) and its version (sha256). For a small file on the request thread; for a large one in the
 * worker (studio-jobs.ts 'text'): decoding, splitting and hashing 2 MB held the loop for 0.2–0.3 s.
 */
import { decodeUtf8 } from '../data/decode-utf8.js';
import { ok, type Result } from '../errors.js';
import { splitTextStyle } from '../io/text-style.js';
import { sha256Hex } from '../sha256.js';

export interface PlainText {
  text: string;
  version: string;
}

export function plainText(file: string, bytes: Uint8Array): Result<PlainText> {
  const text = decodeUtf8(file, bytes);
  if (!text.ok) return text;
  const plain = splitTextStyle(text.value).text;
  return ok({ text: plain, version: sha256Hex(plain) });
}
