/**
 * An edited YAML file parsed again only where it changed (issue #27): a kept parse of the file's
 * earlier text (parsed-yaml-store.ts) gives the value and positions of everything around the
 * edit, and only the block entry holding it — a map pair or a sequence item that begins its line —
 * is parsed alone and put in place of the old one. After an edit of one sentence of a 1,000-row
 * strategy (355 KB) yaml's parse of the whole file was 275–500 ms of CPU; of one pair ~1 ms.
 *
 * The entry's lines are parsed as a document of their own, at their own columns (an indented block
 * collection is a valid document). That parse agrees with the whole file's only when nothing in
 * the lines can reach past them, so the chunk is taken only when every line after its first is
 * blank, a comment, or indented past the entry's column (it cannot end the parent or start a
 * sibling; a sequence's new `- ` items excepted), with no tab or carriage return, and its parse
 * has no problem, alias, anchor or tag. Anything else is undefined: the caller parses the whole
 * file, which also gives a bad edit's located messages exactly as before.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, visit } from 'yaml';
import type { Result } from '../errors.js';
import { positionsOf, shiftPositions, type Positions } from './kept-positions.js';
import { peekPlain, type YamlSource } from './load-yaml.js';

/** A parse as the store keeps it: the text, its plain value, where each node is, where each line starts. */
export interface KeptParse {
  text: string;
  plain: unknown;
  positions: Positions;
  lineStarts: number[];
}

type Parse = (chunk: string) => Result<YamlSource>;

/** The edited text's parse, and how many characters of it were parsed. */
export type Reparsed = KeptParse & { reparsed: number };

/** A map pair or sequence item whose key or `-` is the first non-space of its line. */
interface BlockEntry {
  /** The plain value's path to the collection holding the entry, and that collection's positions. */
  path: (string | number)[];
  collection: Positions;
  /** The key of a pair, the index of an item. */
  at: string | number;
  /** Offsets in the old text: the start of the entry's first line, and of the line after its last. */
  start: number;
  end: number;
  /** Column of the key or `-`. */
  column: number;
}

/** A line whose first pair has no key: `: value`, `- : value`. */
const EMPTY_KEY = /^[ -]*:(?: |$)/m;

/**
 * A chunk larger than this share of the text is parsed with the whole: parsing it alone would
 * save little, and splicing it costs a walk of the value anyway.
 */
const MAX_CHUNK_SHARE = 0.5;

/** `text`'s parse made from the kept parse of an earlier text of the file; undefined when the whole must be parsed. */
export function reparseEdit(old: KeptParse, text: string, parse: Parse): Reparsed | undefined {
  // `%YAML 1.1` would read a chunk's `yes` or `2004-01-26` otherwise than its parse alone does.
  if (/^%/m.test(old.text)) return undefined;
  // A key left empty (`: value` first on its line): yaml places it after what comes before it, a
  // comment or a blank line of the entry above (`- y`, `  # c`, a blank, `: 2`: on the blank line;
  // without the comment, on its own), so an edit there moves it in the whole parse, not in the kept one.
  if (EMPTY_KEY.test(old.text) || EMPTY_KEY.test(text)) return undefined;
  const [from, oldTo, delta] = changedRegion(old.text, text);
  const entries = enclosingEntries(old, from, oldTo);
  // The innermost first: a key added to a plan row is no pair's edit, but it is the row's.
  for (const entry of entries.reverse()) {
    if (entry.end + delta - entry.start > text.length * MAX_CHUNK_SHARE) return undefined;
    const spliced = spliceEntry(old, text, delta, entry, parse);
    if (spliced) return spliced;
  }
  return undefined;
}

/**
 * [start, end in the old text, length change] of what differs, in whole lines: all before and
 * after is common. Lines, so that a deleted row is its own lines, and not `3\n…  - id: rad-` of
 * two rows (its `- id: rad-` and the next row's are the same characters).
 */
function changedRegion(a: string, b: string): [number, number, number] {
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  start = lineStartOf(a, start);
  let tail = 0;
  while (tail < shorter - start && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  let end = a.length - tail;
  const delta = b.length - a.length;
  // Both sides end with a line: a space put before a line's key changes that line, not the one before.
  if (!beginsAt(a, end) || !beginsAt(b, end + delta)) end = a.includes('\n', end) ? a.indexOf('\n', end) + 1 : a.length;
  return [start, end, delta];
}

/** Whether a line starts at `offset`. */
const beginsAt = (text: string, offset: number): boolean => offset === 0 || text[offset - 1] === '\n';

const lineStartOf = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

/** Whether only spaces stand before `offset` on its line. */
const beginsLine = (text: string, offset: number): boolean =>
  /^ *$/.test(text.slice(lineStartOf(text, offset), offset));

/** The block entries that hold all of [from, to) in the old text, outermost first. */
function enclosingEntries(old: KeptParse, from: number, to: number): BlockEntry[] {
  const found: BlockEntry[] = [];
  let node = old.positions;
  let end = old.text.length;
  const path: (string | number)[] = [];
  for (;;) {
    const children = node.f ? undefined : childrenOf(node, old.text);
    if (!children) return found;
    const starts = children.map((child) => lineStartOf(old.text, child.offset));
    const i = starts.findIndex((start, j) => start <= from && to <= (starts[j + 1] ?? end));
    const child = children[i];
    if (!child || !beginsLine(old.text, child.offset)) return found;
    const start = starts[i] ?? 0;
    end = starts[i + 1] ?? end;
    found.push({ path: [...path], collection: node, at: child.at, start, end, column: child.offset - start });
    path.push(child.at);
    node = child.node;
  }
}

interface Child {
  at: string | number;
  node: Positions;
  /** Where the entry begins: its key, or its `-`. */
  offset: number;
}

/** A collection's entries in the order of the text; undefined for a scalar or an entry whose start is not known. */
function childrenOf(node: Positions, text: string): Child[] | undefined {
  if (node.m) {
    const children: Child[] = [];
    for (const [at, child] of Object.entries(node.m)) {
      if (child.k === undefined) return undefined;
      children.push({ at, node: child, offset: child.k });
    }
    // A key such as `2004` comes first among an object's keys, wherever it stands in the file.
    return children.sort((a, b) => a.offset - b.offset);
  }
  if (!node.q) return undefined;
  const children: Child[] = [];
  for (const [at, child] of node.q.entries()) {
    if (child?.s === undefined) return undefined;
    let dash = child.s;
    while (text[dash - 1] === ' ') dash--;
    // Items are told apart by their `-` lines: one not right before its item (`-\n  item`,
    // `- &anchor item`) would be read as part of the item before it.
    if (text[dash - 1] !== '-') return undefined;
    children.push({ at, node: child, offset: dash - 1 });
  }
  return children;
}

/** The old parse with `entry` replaced by its lines' parse in `text`, or undefined when that parse cannot stand alone. */
function spliceEntry(
  old: KeptParse,
  text: string,
  delta: number,
  entry: BlockEntry,
  parse: Parse,
): Reparsed | undefined {
  const chunk = text.slice(entry.start, entry.end + delta);
  const item = typeof entry.at === 'number';
  const items = entryLines(chunk, entry.column, item);
  if (items === undefined) return undefined;
  let replacement: { values: unknown[]; positions: Positions[] } | undefined;
  if (items === 0) {
    // An item deleted: not the first (its `-` is where the sequence starts) nor the last (`key:` alone is null, not []).
    const siblings = entry.collection.q?.length ?? 0;
    replacement = item && entry.at !== 0 && siblings > 1 ? { values: [], positions: [] } : undefined;
  } else {
    replacement = parseEntry(chunk, entry, items, parse);
  }
  if (!replacement) return undefined;
  const { plain, positions } = old;
  const collection = valueAt(plain, entry.path);
  const { m, q } = entry.collection;
  if (typeof entry.at === 'number' ? !Array.isArray(collection) || !q : !collection || !m) return undefined;
  shiftPositions(positions, entry.end, delta);
  for (const at of replacement.positions) shiftPositions(at, 0, entry.start);
  if (typeof entry.at === 'number') {
    (collection as unknown[]).splice(entry.at, 1, ...replacement.values);
    q?.splice(entry.at, 1, ...replacement.positions);
  } else {
    setOwn(collection as object, entry.at, replacement.values[0]);
    setOwn(m as object, entry.at, replacement.positions[0]);
  }
  return { text, plain, positions, lineStarts: lineStartsOf(text), reparsed: chunk.length };
}

/**
 * How many items of `column` the chunk's lines begin (1 for a pair: its own line), or undefined
 * when a line could belong to something around the entry in the whole file.
 */
function entryLines(chunk: string, column: number, item: boolean): number | undefined {
  if (/[\t\r]/.test(chunk)) return undefined;
  const lines = chunk.split('\n');
  // Only blank lines and comments: an item deleted (a pair cannot be).
  if (lines.every((line) => /^ *(#.*)?$/.test(line))) return item && leftToNoItem(lines, column) ? 0 : undefined;
  let items = 0;
  for (const [i, line] of lines.entries()) {
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    const rest = line.slice(indent);
    const startsItem = indent === column && /^-( |$)/.test(rest);
    if (i === 0) {
      // The entry's own line, where it was: what comes before it then ends where it ended.
      if (indent !== column || startsItem !== item || /^($|#|%)/.test(rest)) return undefined;
      items++;
    } else if (rest === '' || rest.startsWith('#')) continue;
    else if (item && startsItem) items++;
    else if (indent <= column) return undefined;
  }
  return items;
}

/**
 * Whether the lines an item's deletion left (blank or comments) stay outside the item before it:
 * only comments no more indented than the items. A block scalar ending that item takes a more
 * indented `# …` line as text, and with `|+` or `>+` the blank lines too (review of r18-yaml:
 * `- |` text, `- b`, `    # note`, with `- b` deleted, kept the text without the note).
 */
function leftToNoItem(lines: readonly string[], column: number): boolean {
  // The chunk's last line ends the text or has its \n: what follows that \n is no line.
  const left = lines.at(-1) === '' ? lines.slice(0, -1) : lines;
  return left.every((line) => /^ *#/.test(line) && line.indexOf('#') <= column);
}

/** The chunk's values and positions (relative to the chunk) when it parses alone as `items` entries of `entry`'s kind. */
function parseEntry(
  chunk: string,
  entry: BlockEntry,
  items: number,
  parse: Parse,
): { values: unknown[]; positions: Positions[] } | undefined {
  const parsed = parse(chunk);
  if (!parsed.ok || !plainNodesOnly(parsed.value)) return undefined;
  const { doc } = parsed.value;
  const root = doc.contents;
  const positions = positionsOf(doc);
  const plain = peekPlain(parsed.value);
  if (!positions || root?.range?.[0] !== entry.column || !(isMap(root) || isSeq(root)) || root.flow) return undefined;
  if (typeof entry.at === 'number') {
    if (!isSeq(root) || !Array.isArray(plain) || root.items.length !== items || !positions.q) return undefined;
    const kept = positions.q.filter((at): at is Positions => at !== null);
    return kept.length === items && plain.every(keepsAsJson) ? { values: plain, positions: kept } : undefined;
  }
  const name = entry.at;
  if (!isMap(root) || root.items.length !== 1 || !positions.m || !Object.hasOwn(positions.m, name)) return undefined;
  const value = (plain as Record<string, unknown>)[name];
  const at = positions.m[name];
  return at?.k === entry.column && keepsAsJson(value) ? { values: [value], positions: [at] } : undefined;
}

/** No alias, anchor or tag: what a chunk refers to or names could be elsewhere in the file. */
function plainNodesOnly(source: YamlSource): boolean {
  let plain = true;
  visit(source.doc, {
    Alias() {
      plain = false;
      return visit.BREAK;
    },
    Node(_, node) {
      if (node.anchor || node.tag) {
        plain = false;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return plain;
}

/** The store keeps only values JSON gives back exactly (no `.inf`, `-0`). */
function keepsAsJson(value: unknown): boolean {
  const json = JSON.stringify(value);
  return json !== undefined && isDeepStrictEqual(JSON.parse(json), value);
}

function valueAt(plain: unknown, path: readonly (string | number)[]): unknown {
  let value = plain;
  for (const at of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, at)) return undefined;
    value = (value as Record<string | number, unknown>)[at];
  }
  return value !== null && typeof value === 'object' ? value : undefined;
}

/** Sets an own property, a key such as `__proto__` too (plain assignment would set the prototype). */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Where each line starts, as yaml's LineCounter gives it (a line ends at `\n` only). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}
