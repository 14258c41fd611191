/**
 * An edited value → the file's YAML text with only the edited nodes changed. The page edits
 * the file's plain value (what the user wrote, before defaults); here it is compared with
 * the parsed document node by node, and only the differences are written with the yaml
 * library's Document API (setIn / deleteIn), so comments, key order, quoting and formatting
 * of everything untouched stay as they were.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { matchLines } from './line-diff.js';
import { spliceScalars } from './yaml-splice.js';

type Path = Array<string | number>;
type Plain = unknown;

/** The file text after replacing its value with `next`. The text is parsed afresh; nothing is shared. */
export function editYamlText(text: string, next: Plain): string {
  // Typing changes field texts only: those are written in place (yaml-splice.ts).
  const spliced = spliceScalars(text, next);
  if (spliced !== undefined) return spliced;
  const doc = parseDocument(text, { stringKeys: true });
  applyValue(doc, [], doc.toJS() as Plain, next);
  // No folding of long lines, as the data files are written.
  const written = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const kept = keepUntouchedLines(text, written);
  if (kept === undefined) return written;
  // The merge is only a nicety: where it took a line that differs in more than padding, or
  // left out a blank line, it is checked, and if it ever read differently the library's own text wins.
  if (!kept.unsure) return kept.text;
  return sameValue(parseDocument(kept.text, { stringKeys: true }).toJS(), next) ? kept.text : written;
}

/** What yaml's stringifier rewrites in untouched lines: flow padding (`[ a ]` / `[a]`) and spaces before a comment. */
const normalise = (line: string): string =>
  line
    .replace(/([[{])\s+/g, '$1')
    .replace(/\s+([\]}])/g, '$1')
    .replace(/\s+#/g, ' #')
    .trimEnd();

/**
 * Lines of `written` that are, but for flow padding, lines of `original` (in order) are taken
 * from `original` byte for byte; the rest are the edit. The common beginning and end are
 * matched directly and the middle by Myers' diff (line-diff.ts), so the work grows with the
 * file and the edit, not with the square of the lines. Undefined when the two differ in
 * more lines than it is worth matching: the library's text is used as it is.
 */
function keepUntouchedLines(original: string, written: string): { text: string; unsure: boolean } | undefined {
  const a = original.split('\n');
  const b = written.split('\n');
  const na = a.map(normalise);
  const nb = b.map(normalise);
  const pairs = matchLines(na, nb, MAX_CHANGED_LINES);
  if (!pairs) return undefined;
  const out: string[] = [];
  const pad = { map: padded(original, '{', '}'), seq: padded(original, '[', ']') };
  let unsure = false;
  let j = 0;
  const insert = (until: number): void => {
    for (; j < until; j++) {
      // yaml adds a blank line before a trailing comment; the file had none there.
      if (b[j]!.trim() === '') {
        unsure = true;
        continue;
      }
      const line = restyle(b[j]!, pad);
      if (line !== b[j]) unsure = true;
      out.push(line);
    }
  };
  for (const [i, jj] of pairs) {
    insert(jj);
    if (a[i] !== b[jj]) unsure = true;
    out.push(a[i]!);
    j = jj + 1;
  }
  insert(b.length);
  return { text: out.join('\n'), unsure };
}

/** More lines changed than this and the edit is not "a few fields" any more. */
const MAX_CHANGED_LINES = 2000;

function isObject(v: Plain): v is Record<string, Plain> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function applyValue(doc: Document, path: Path, before: Plain, after: Plain): void {
  if (isObject(before) && isObject(after) && (path.length === 0 || isMap(doc.getIn(path, true)))) {
    for (const key of Object.keys(before)) if (!(key in after)) doc.deleteIn([...path, key]);
    for (const [key, value] of Object.entries(after)) {
      if (key in before) applyValue(doc, [...path, key], before[key], value);
      else doc.setIn([...path, key], value);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(doc.getIn(path, true))) {
    for (let i = before.length - 1; i >= after.length; i--) doc.deleteIn([...path, i]);
    after.forEach((value, i) => {
      if (i < before.length) applyValue(doc, [...path, i], before[i], value);
      else doc.addIn(path, value);
    });
    return;
  }
  if (sameValue(before, after)) return;
  const node = path.length > 0 ? doc.getIn(path, true) : undefined;
  // A scalar keeps its node (quoting style, comment) and gets the new value.
  if (isScalar(node) && (after === null || typeof after !== 'object')) node.value = after;
  else if (path.length === 0) doc.contents = doc.createNode(after);
  else doc.setIn(path, after);
}

function sameValue(a: Plain, b: Plain): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Does the file write `{ a: 1 }` (true) or `{a: 1}` (false)? The majority of its non-empty collections decides. */
function padded(text: string, open: string, close: string): boolean {
  const o = `\\${open}`;
  const c = `\\${close}`;
  const spaced = (text.match(new RegExp(`${o} [^ ${c}]`, 'g')) ?? []).length;
  const tight = (text.match(new RegExp(`${o}[^ ${c}]`, 'g')) ?? []).length;
  return spaced > tight;
}

/** A written line in the file's own flow style (yaml writes one style for maps and lists alike). */
function restyle(line: string, pad: { map: boolean; seq: boolean }): string {
  let out = line;
  if (pad.map) out = out.replace(/\{(?=[^ }])/g, '{ ').replace(/([^ {])\}/g, '$1 }');
  if (pad.seq) out = out.replace(/\[(?=[^ \]])/g, '[ ').replace(/([^ [])\]/g, '$1 ]');
  return out;
}
