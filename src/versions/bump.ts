/**
 * `trappa bump`: moves the strategy to a new version. Sets `version` and `date` in
 * data/strategy.yaml and appends a history entry { version, date, changes }.
 *
 * The file is edited, not rewritten: the yaml Document locates the nodes, and only their
 * text is replaced (and the new entry inserted after the last one), so comments, blank
 * lines, quoting and the mix of flow styles people wrote stay exactly as they were.
 */
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node } from 'yaml';
import { isoDate, version as versionSchema } from '../data/schema-helpers.js';
import { TrappaError } from '../errors.js';
import { compareVersions } from './manifest.js';
import { editTextFile } from '../io/text-style.js';
import { nextVersion } from './decide.js';

export interface BumpOptions {
  /** The new version, e.g. "0.3". Must be greater than the current one. */
  version: string;
  /** YYYY-MM-DD. @default today (local time) */
  date?: string;
  /** What changed, one line each (at least one). */
  notes: string[];
}

export interface BumpResult {
  from: string;
  to: string;
  date: string;
  /** The edited strategy.yaml. */
  text: string;
}

/** Today as YYYY-MM-DD in local time (the date people see on their calendar). */
function today(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface Splice {
  at: number;
  end: number;
  text: string;
}

/** A scalar's replacement text in the quoting style the user chose ("0.2" stays double-quoted). */
function scalarText(node: Node, value: string): string {
  const type = isScalar(node) ? node.type : undefined;
  if (type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function replaceScalar(doc: Document.Parsed, key: string, value: string, file: string): Splice {
  const node = doc.get(key, true) as Node | undefined;
  if (!isScalar(node) || !node.range)
    throw new TrappaError(`${file} has no '${key}:' line to update; add ${key}: first`);
  return { at: node.range[0], end: node.range[1], text: scalarText(node, value) };
}

/** The history entry as block YAML at the indentation of the existing entries. */
function entryText(
  indent: string,
  version: string,
  versionQuote: Node | undefined,
  date: string,
  notes: string[],
): string {
  const line = (text: string): string => stringify(text.replace(/\s*\n\s*/g, ' ').trim(), { lineWidth: 0 }).trimEnd();
  const quoted =
    versionQuote && isScalar(versionQuote) && versionQuote.type === 'QUOTE_SINGLE'
      ? `'${version}'`
      : JSON.stringify(version);
  const lines = [
    `${indent}- version: ${quoted}`,
    `${indent}  date: ${date}`,
    `${indent}  changes:`,
    ...notes.map((n) => `${indent}    - ${line(n)}`),
  ];
  return `${lines.join('\n')}\n`;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line on which `offset - 1` sits. */
function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function historySplice(
  doc: Document.Parsed,
  text: string,
  version: string,
  date: string,
  notes: string[],
  file: string,
): Splice {
  const history = doc.get('history', true) as Node | undefined;
  if (history === undefined) {
    const dateNode = doc.get('date', true) as Node;
    const at = afterLine(text, dateNode.range![1]);
    return { at, end: at, text: `\nhistory:\n${entryText('  ', version, undefined, date, notes)}` };
  }
  const items = isSeq(history) ? history.items : [];
  const last = items.at(-1) as Node | undefined;
  if (!isSeq(history) || history.flow || !last?.range) {
    if (isSeq(history) && history.flow && items.length === 0 && history.range) {
      // `history: []` becomes a block list, starting on the line after the key.
      const colon = text.lastIndexOf(':', history.range[0]) + 1;
      return {
        at: colon,
        end: history.range[1],
        text: `\n${entryText('  ', version, undefined, date, notes).trimEnd()}`,
      };
    }
    throw new TrappaError(
      `${file}: history must be a list of entries written one per line ('- version: …') for trappa bump to add to it`,
    );
  }
  const indent = text.slice(lineStart(text, last.range[0]), last.range[0]).replace(/-\s*$/, '');
  const firstVersion = isMap(items[0]) ? (items[0].get('version', true) as Node | undefined) : undefined;
  const at = afterLine(text, last.range[1]);
  const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return {
    at,
    end: at,
    text: prefix + entryText(/^\s*$/.test(indent) ? indent : '  ', version, firstVersion, date, notes),
  };
}

/**
 * Pure: strategy.yaml text → the bumped text.
 * @throws TrappaError when the version is not a version, not greater than the current one, or already in the history
 */
/** Characters a note cannot carry into strategy.yaml (the C0 and C1 controls, DEL, line and paragraph separators). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function bumpStrategyText(text: string, options: BumpOptions, file = 'data/strategy.yaml'): BumpResult {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0)
    throw new TrappaError(`${file} cannot be read as YAML; fix it first (trappa build shows where)`);
  const from = String(doc.get('version') ?? '');
  const to = options.version.trim().replace(/^v/, '');
  const date = options.date ?? today();
  if (!versionSchema.safeParse(to).success)
    throw new TrappaError(`'${options.version}' is not a version; write it like 0.3 or 1.0`);
  if (!isoDate.safeParse(date).success)
    throw new TrappaError(`'${date}' is not a date; write it as YYYY-MM-DD, e.g. ${today()}`);
  if (compareVersions(to, from) <= 0) {
    throw new TrappaError(
      `version ${to} is not greater than the current version ${from} in ${file}; choose a higher one, e.g. ` +
        `${nextVersion(from)}`,
    );
  }
  refuseEarlierDate(doc, text, date, from, file);
  const notes = options.notes.map((n) => n.trim()).filter(Boolean);
  if (notes.length === 0)
    throw new TrappaError(`say what changed in ${to}: trappa bump ${to} --note "…" (repeat --note for more lines)`);
  const control = notes.map((n) => CONTROL.exec(n)).find((m) => m !== null);
  if (control)
    throw new TrappaError(
      `--note holds an invisible control character (U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}), ` +
        'which strategy.yaml cannot hold; type the note again instead of pasting it',
    );
  const history = doc.toJS()?.history as { version?: unknown }[] | undefined;
  if (history?.some((h) => String(h.version) === to))
    throw new TrappaError(`${file} already has a history entry for version ${to}`);

  const splices = [
    replaceScalar(doc, 'version', to, file),
    replaceScalar(doc, 'date', date, file),
    historySplice(doc, text, to, date, notes, file),
  ];
  let out = text;
  for (const s of splices.sort((a, b) => b.at - a.at)) out = out.slice(0, s.at) + s.text + out.slice(s.end);
  checkBumped(out, to, date, notes, file);
  return { from, to, date, text: out };
}

/**
 * The history runs forwards: a new version may not be dated before the version it
 * follows (the current `date:`, and the newest history entry's date).
 * @throws TrappaError located at the date it would precede
 */
function refuseEarlierDate(doc: Document.Parsed, text: string, date: string, from: string, file: string): void {
  const history = doc.get('history', true);
  const last = isSeq(history) ? history.items.at(-1) : undefined;
  const candidates: Array<{ node: Node | undefined; history: boolean }> = [
    { node: doc.get('date', true) as Node | undefined, history: false },
    { node: isMap(last) ? (last.get('date', true) as Node | undefined) : undefined, history: true },
  ];
  for (const { node, history } of candidates) {
    if (!isScalar(node) || !node.range) continue;
    const previous = String(node.value instanceof Date ? node.value.toISOString().slice(0, 10) : node.value);
    if (!isoDate.safeParse(previous).success || date >= previous) continue;
    const before = text.slice(0, node.range[0]);
    const line = before.split('\n').length;
    const col = node.range[0] - before.lastIndexOf('\n');
    // Each line whole: the catalogue's English form (stage-text.ts) is the line written here.
    throw new TrappaError(
      history
        ? `${file}:${line}:${col} date: the new version's date ${date} is earlier than the newest history entry (${previous}); the history would run backwards. Give --date ${previous} or later`
        : `${file}:${line}:${col} date: the new version's date ${date} is earlier than version ${from} (${previous}); the history would run backwards. Give --date ${previous} or later`,
    );
  }
}

/** Reads the edited text back: a splice that produced anything else is a bug, and nothing is saved. */
function checkBumped(text: string, version: string, date: string, notes: string[], file: string): void {
  const doc = parseDocument(text);
  const js = doc.toJS() as {
    version?: unknown;
    date?: unknown;
    history?: { version?: unknown; date?: unknown; changes?: unknown }[];
  } | null;
  const last = js?.history?.at(-1);
  const ok =
    doc.errors.length === 0 &&
    js?.version === version &&
    String(js.date) === date &&
    last?.version === version &&
    String(last.date) === date &&
    JSON.stringify(last.changes) === JSON.stringify(notes.map((n) => n.replace(/\s*\n\s*/g, ' ').trim()));
  if (!ok) throw new Error(`internal: bumping ${file} produced unexpected YAML; the file was not changed`);
}

/** Bumps data/strategy.yaml on disk (atomically, in the file's own line endings and BOM). */
export async function bumpStrategy(
  dataDir: string,
  options: BumpOptions,
  root = process.cwd(),
): Promise<BumpResult & { file: string }> {
  const file = path.join(dataDir, 'strategy.yaml');
  const display = path.relative(root, file) || file;
  let result: BumpResult | undefined;
  // The strategy keeps its line endings (CRLF from Windows) and BOM; the splices write LF.
  await editTextFile(file, (text) => {
    result = bumpStrategyText(text, options, display);
    return result.text;
  });
  return { ...result!, file };
}
