/**
 * A large data file's value as JSON text, not objects: made in the studio's worker and sent
 * on to the page as it is. Held as objects, a 2 MB strategy's value weighed some 100 MB on
 * the request thread and took its loop for the structured copy from the worker and again for
 * JSON.stringify on every /api/project; as text it is 2 MB, copied in one piece.
 */
import { randomBytes } from 'node:crypto';

export class RawJson {
  constructor(readonly text: string) {}
}

/** `value` as a plain value (a RawJson parsed): for the few places that read a file's fields. */
export const plainOf = (value: unknown): unknown => (value instanceof RawJson ? JSON.parse(value.text) : value);

/** JSON.stringify with each RawJson written as its text. */
export function stringifyWithRaw(value: unknown): string {
  const raws: string[] = [];
  // A marker no data can hold: a fresh nonce per call (a YAML value that is a marker would need to guess it).
  const nonce = randomBytes(9).toString('hex');
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof RawJson ? `${nonce}:${raws.push(v.text) - 1}` : v,
  );
  if (raws.length === 0) return text;
  return text.replace(new RegExp(`"${nonce}:(\\d+)"`, 'g'), (_, i: string) => raws[Number(i)]!);
}
