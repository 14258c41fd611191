/**
 * A large data file's value as JSON text, not objects: made in the studio's worker and sent
 * on to the page as it is. Held as objects, a 2 MB strategy's value weighed some 100 MB on
 * the request thread and took its loop for the structured copy from the worker and again for
 * JSON.stringify on every /api/project; as text it is 2 MB, copied in one piece.
 */
import { randomBytes } from 'node:crypto';

export class RawJson {
  /** `text`: JSON, as a string or (moved from the worker, studio-thread.ts) as its UTF-8 bytes. */
  constructor(
    readonly text: string | Buffer,
    /** A file's own text as JSON (a string literal), made beside its value in the worker. */
    readonly source?: string | Buffer,
  ) {}
}

/** `value` as a plain value (a RawJson parsed): for the few places that read a file's fields. */
export const plainOf = (value: unknown): unknown =>
  value instanceof RawJson ? JSON.parse(value.text.toString()) : value;

/**
 * JSON.stringify with each RawJson written as its text, in parts: the bytes of a large one go to
 * the socket as they are (no string of the whole answer is made on the request loop).
 */
export function jsonParts(value: unknown): Array<string | Buffer> {
  const raws: Array<string | Buffer> = [];
  // A marker no data can hold: a fresh nonce per call (a YAML value that is a marker would need to guess it).
  const nonce = randomBytes(9).toString('hex');
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof RawJson ? `${nonce}:${raws.push(v.text) - 1}` : v,
  );
  if (raws.length === 0) return [text];
  return text.split(new RegExp(`"${nonce}:(\\d+)"`)).map((part, i) => (i % 2 === 1 ? raws[Number(part)]! : part));
}
