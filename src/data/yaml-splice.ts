/**
 * The quick way to write an edit that only changes the text of some fields — what typing
 * in a form does: each changed scalar's new text is put where the old one stood in the file
 * (its range in the parsed document), nothing else is touched or written again. The parse
 * of a text is kept by its sha256, so typing in a 2 MB strategy parses the file once, not
 * on every keystroke. Anything else (a row added or removed, a type changed, a line break
 * in a value) returns undefined and yaml-edit.ts writes it through the Document API.
 */
import { type Document, isCollection, isScalar, parseDocument, Scalar, stringify } from 'yaml';
import { BoundedCache } from '../bounded-cache.js';
import { sha256Hex } from '../sha256.js';
import { type Change, changesBetween } from './value-merge.js';

interface Parsed {
  doc: Document.Parsed;
  value: unknown;
  size: number;
}

/** A parse weighs some 40 times its text; 6 MB of text is a few large files or many small ones. */
const parses = new BoundedCache<string, Parsed>(6 * 1024 * 1024, (_, p) => p.size);

/**
 * Keeps a parse made elsewhere of `text` (with parseYaml's stricter options: the same nodes
 * for a text both accept), so writing an edit of it does not parse it again (the Studio).
 */
export function keepParse(text: string, doc: Document.Parsed, value: unknown): void {
  parses.set(sha256Hex(text), { doc, value, size: text.length });
}

/** More changed fields than this is not typing; the Document API handles it. */
const MAX_SPLICES = 64;

/** The parse of `text` (kept by its sha256), or undefined when it is not valid YAML. */
export function parsedOf(text: string): Parsed | undefined {
  const key = sha256Hex(text);
  const hit = parses.get(key);
  if (hit) return hit;
  const doc = parseDocument(text, { stringKeys: true });
  if (doc.errors.length > 0) return undefined;
  const parsed = { doc, value: doc.toJS(), size: text.length };
  parses.set(key, parsed);
  return parsed;
}

/** `text` with the changed scalars of `next` written in place, or undefined when the edit is more than that. */
export function spliceScalars(text: string, next: unknown): string | undefined {
  const parsed = parsedOf(text);
  if (!parsed) return undefined;
  const splices = scalarSplices(parsed.doc, changesBetween(parsed.value, next));
  return splices && applySplices(text, splices);
}

/** One scalar's text replaced: `text[at, end)` becomes `text`. */
export interface Splice {
  at: number;
  end: number;
  text: string;
}

/**
 * Where each changed scalar's new text goes in the text `doc` was parsed from, or undefined
 * when a change is more than a scalar's new value (see spliceScalars). Any parse of the
 * text will do: only the nodes' ranges, styles and places are read.
 */
export function scalarSplices(doc: Document.Parsed, changes: readonly Change[]): Splice[] | undefined {
  if (changes.length > MAX_SPLICES) return undefined;
  const splices: Splice[] = [];
  for (const change of changes) {
    if (change.removed || change.appended || change.path.length === 0) return undefined;
    const node = doc.getIn(change.path, true);
    if (!isScalar(node) || !node.range) return undefined;
    const parent = doc.getIn(change.path.slice(0, -1), true);
    const inFlow = isCollection(parent) && parent.flow === true;
    const written = scalarText(node, change.value, inFlow);
    if (written === undefined) return undefined;
    splices.push({ at: node.range[0], end: node.range[1], text: written });
  }
  return splices.sort((a, b) => a.at - b.at);
}

/** `text` with the splices (in order, not overlapping) written. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  let out = '';
  let from = 0;
  for (const s of splices) {
    out += text.slice(from, s.at) + s.text;
    from = s.end;
  }
  return out + text.slice(from);
}

/** The new value in the old node's style (quotes kept), checked to read back as that value. */
function scalarText(node: Scalar, value: unknown, inFlow: boolean): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  if (typeof value !== typeof node.value) return undefined;
  if (typeof value === 'string' && /[\n\r\t]/.test(value)) return undefined;
  let out: string;
  if (node.type === Scalar.QUOTE_DOUBLE) out = JSON.stringify(value);
  else if (node.type === Scalar.QUOTE_SINGLE) out = `'${String(value).replace(/'/g, "''")}'`;
  else if (node.type === Scalar.PLAIN || node.type === undefined)
    out =
      inFlow && typeof value === 'string' && !/^[\p{L}\p{N} _.-]+$/u.test(value)
        ? JSON.stringify(value)
        : stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  else return undefined;
  if (out.includes('\n')) return undefined;
  const back = parseDocument(`${inFlow ? '[' : 'x: '}${out}${inFlow ? ']' : ''}`, { stringKeys: true }).toJS();
  const read = inFlow ? (back as unknown[])?.[0] : (back as Record<string, unknown>)?.x;
  return read === value ? out : undefined;
}
