/**
 * Field paths as the source tags write them (`staircase.steps[1].points[0]`,
 * `wording["plan.title"]`) ↔ key lists, and reading and writing plain values by them.
 */

/** The data files absorb writes into. */
export type DataRole = 'strategy' | 'theme' | 'deck';

export type FieldPath = (string | number)[];

/** `a.b[1]["c.d"]` → ['a', 'b', 1, 'c.d']; undefined when it is not such a path. */
export function parseFieldPath(field: string): FieldPath | undefined {
  const out: FieldPath = [];
  const pattern = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let at = 0;
  while (at < field.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(field);
    if (!m) return undefined;
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(`"${m[3]}"`)));
    at = pattern.lastIndex;
  }
  return out;
}

/** ['a', 'b', 1, 'c.d'] → `a.b[1]["c.d"]`. */
export function formatFieldPath(at: FieldPath): string {
  return at
    .map((k, i) =>
      typeof k === 'number'
        ? `[${k}]`
        : /^[A-Za-z_$][\w$-]*$/.test(k)
          ? i === 0
            ? k
            : `.${k}`
          : `[${JSON.stringify(k)}]`,
    )
    .join('');
}

export function getIn(value: unknown, at: FieldPath): unknown {
  let v = value;
  for (const key of at) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** Sets a value in a plain tree (made of JSON values), creating maps on the way. */
export function setIn(root: unknown, at: FieldPath, value: unknown): void {
  let v = root as Record<string | number, unknown>;
  at.slice(0, -1).forEach((key) => {
    if (v[key] === null || typeof v[key] !== 'object') v[key] = {};
    v = v[key] as Record<string | number, unknown>;
  });
  v[at.at(-1)!] = value;
}

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A data text as it shows on a slide: without `**` marks, white space collapsed. */
export const shown = (text: string): string => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

/** Every string in a value with its path, in document order. */
export function textLeaves(value: unknown, at: FieldPath = []): { path: FieldPath; text: string }[] {
  if (typeof value === 'string') return [{ path: at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => textLeaves(v, [...at, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => textLeaves(v, [...at, k]));
  return [];
}
