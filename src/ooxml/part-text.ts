/**
 * A part's UTF-8 bytes as text, decoded once per byte array (parts' bytes are never changed
 * in place). A build asks for a template's masters, layouts and .rels again and again (each
 * deck installs them, each layout's look and each relationship lookup reads them), and
 * decoding its ~100 KB masters every time cost more than parsing them did; the same string
 * each time also lets the caches keyed by text (parsed trees, repairs) find it at once.
 */
import { strFromU8, strToU8 } from 'fflate';

const texts = new WeakMap<Uint8Array, string>();

export function textOfBytes(bytes: Uint8Array): string {
  let text = texts.get(bytes);
  if (text === undefined) texts.set(bytes, (text = strFromU8(bytes)));
  return text;
}

/** `text` as UTF-8 bytes, remembered as their text (so `textOfBytes` never decodes them). */
export function bytesOfText(text: string): Uint8Array {
  const bytes = strToU8(text);
  texts.set(bytes, text);
  return bytes;
}
