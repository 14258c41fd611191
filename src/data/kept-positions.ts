/**
 * Where each node and key of a parsed YAML file starts, as plain data to keep on disk with its
 * value (parsed-yaml-store.ts), and `offsetIn` (locate.ts) answered from it: the same offset
 * for every path, found or not, without the parse. Files with aliases are not kept (a path
 * through an alias leads into its anchor's node, which this tree does not follow).
 */
import { type Document, isAlias, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Path } from './schema-walk.js';

/** One node: its start, its key's start (in a map), and its children by key or index. */
export interface Positions {
  /** Offset of the node (absent: no node, as after `key:` in a flow map). */
  s?: number;
  /** Offset of the key this node is the value of. */
  k?: number;
  /** An empty value (`tid:`): its key is what the user sees. */
  e?: 1;
  /** No node at all (a pair without a value). */
  n?: 1;
  /** A map's values by key, the first pair of each key. */
  m?: Record<string, Positions>;
  /** A sequence's items (null where an item is missing). */
  q?: (Positions | null)[];
  /** A flow collection (`{…}`, `[…]`): its lines hold no block entries for reparse-edit.ts to parse alone. */
  f?: 1;
}

/** The positions of a parsed document, or undefined when it has an alias. */
export function positionsOf(doc: Document.Parsed): Positions | undefined {
  let alias = false;
  visit(doc, {
    Alias() {
      alias = true;
      return visit.BREAK;
    },
  });
  return alias ? undefined : nodePositions(doc.contents, undefined);
}

function nodePositions(node: unknown, keyStart: number | undefined): Positions {
  const at: Positions = keyStart === undefined ? {} : { k: keyStart };
  if (node === null || node === undefined) return { ...at, n: 1 };
  const start = (node as { range?: [number, ...number[]] }).range?.[0];
  if (start !== undefined) at.s = start;
  if (isScalar(node) && node.value === null && !node.source) at.e = 1;
  if ((isMap(node) || isSeq(node)) && node.flow) at.f = 1;
  if (isMap(node)) {
    const entries: [string, Positions][] = [];
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (seen.has(name)) continue;
      seen.add(name);
      entries.push([name, nodePositions(pair.value, pair.key.range?.[0])]);
    }
    // fromEntries: own properties even for a key such as `__proto__`.
    at.m = Object.fromEntries(entries);
  } else if (isSeq(node)) {
    at.q = node.items.map((item) => (item ? nodePositions(item, undefined) : null));
  } else if (isAlias(node)) {
    throw new Error('kept positions: an alias was not found before');
  }
  return at;
}

/** As `offsetIn(source, path, at)` gives it for the document these positions were taken from. */
export function locateKept(root: Positions, path: Path, at: 'value' | 'key' = 'value'): number {
  let node: Positions = root;
  let key: number | undefined;
  let complete = true;
  for (const segment of path) {
    const name = String(segment);
    let next: Positions | null | undefined;
    if (node.m) next = Object.hasOwn(node.m, name) ? node.m[name] : undefined;
    else if (node.q && typeof segment === 'number') next = node.q[segment];
    if (!next) {
      complete = false;
      break;
    }
    node = next;
    key = node.k;
  }
  const toKey = complete && key !== undefined && (at === 'key' || node.e === 1 || node.n === 1);
  return (toKey ? key : node.s) ?? 0;
}

/** Moves every offset at or after `from` by `delta`, in place (reparse-edit.ts: the text after an edited entry). */
export function shiftPositions(node: Positions, from: number, delta: number): void {
  if (node.s !== undefined && node.s >= from) node.s += delta;
  if (node.k !== undefined && node.k >= from) node.k += delta;
  if (node.m) for (const child of Object.values(node.m)) shiftPositions(child, from, delta);
  if (node.q) for (const child of node.q) if (child) shiftPositions(child, from, delta);
}
