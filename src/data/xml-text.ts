/**
 * Text that a slide can hold. Every string of every data and template file ends up in the
 * deck's XML, and XML 1.0 forbids most control characters (U+0000–U+0008, U+000E–U+001F),
 * U+FFFE, U+FFFF and unpaired surrogates: one of them makes the whole deck unreadable
 * (LibreOffice shows blank slides, PowerPoint asks to repair it). They arrive by copy and
 * paste from Word or a PDF, so they are located errors naming the field. Two are what the
 * user meant as a line break and become one: vertical tab (Word's Shift+Enter) and form
 * feed (a page break). Tab, line feed and carriage return are ordinary text.
 *
 * This is the one place text is made safe for XML: after validation, for every loaded file.
 * Top-level fields that never reach a deck (a deck's e-mail `distribution`) are left to the
 * code that uses them: the e-mail code escapes control characters in names itself.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Issue } from '../errors.js';
import type { YamlSource } from './load-yaml.js';
import { formatPath } from './validate.js';
import { english, said } from '../messages/catalogue.js';

// Code units, not code points (no u flag), so unpaired surrogates are found too.
const FORBIDDEN =
  /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAKS = /[\u000B\u000C]/g;

/** Top-level fields whose text goes into e-mail, not into a slide. */
const NOT_IN_DECKS = new Set(['distribution']);

const NAMES: Record<number, string> = { 0: 'NUL', 65534: 'a non-character', 65535: 'a non-character' };

function describe(ch: string): string {
  const code = ch.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    NAMES[code] ??
    (code >= 0xd800 && code <= 0xdfff ? 'half of a broken character pair' : 'an invisible control character');
  return `${hex} (${name})`;
}

/** The problem with one string, or undefined when a slide can hold it. */
export function xmlTextProblem(text: string): string | undefined {
  const bad = FORBIDDEN.exec(text);
  if (!bad) return undefined;
  return (
    `contains ${describe(bad[0])}, which a slide cannot hold (it often comes with text pasted from Word or a ` +
    `PDF); delete it`
  );
}

/** Every string (keys too) of a parsed file that a slide cannot hold, located at its value. */
export function xmlTextIssues(source: YamlSource): Issue[] {
  const issues: Issue[] = [];
  if (source.spliced?.textsSafe) return issues;
  const at = (node: Node | null | undefined, path: (string | number)[], problem: string): void => {
    const offset = node?.range?.[0] ?? 0;
    const field = formatPath(path);
    issues.push({
      file: source.file,
      ...source.lineCounter.linePos(offset),
      ...(field ? { field } : {}),
      message: problem,
    });
  };
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (path.length === 0 && NOT_IN_DECKS.has(key)) continue;
        const keyProblem = xmlTextProblem(key);
        if (keyProblem) at(pair.key as Node, path, english(said('in.keyProblem', { message: keyProblem })));
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node) && typeof node.value === 'string') {
      const problem = xmlTextProblem(node.value);
      if (problem) at(node, path, problem);
    }
  };
  walk(source.doc.contents, []);
  return issues;
}

/** The validated part of a file at `path` ([] for the whole), as withXmlLineBreaks gives it in the whole. */
export function deckTextOf<T>(path: readonly (string | number)[], value: T): T {
  if (path.length === 0) return withXmlLineBreaks(value);
  return typeof path[0] === 'string' && NOT_IN_DECKS.has(path[0]) ? value : withXmlLineBreaks(value, false);
}

/**
 * The validated value with vertical tabs and form feeds turned into line breaks; unchanged parts are
 * shared. Copies only what changes: the Studio runs it over the whole strategy at every edit, and the
 * entries and arrays it made of every object and list on the way (~20 MB per edit of a 2 MB strategy,
 * the large lists' outliving the worker's young generation) were garbage whenever nothing changed,
 * which is nearly always.
 */
export function withXmlLineBreaks<T>(value: T, top = true): T {
  if (typeof value === 'string') return (LINE_BREAKS.test(value) ? value.replace(LINE_BREAKS, '\n') : value) as T;
  if (Array.isArray(value)) {
    let next: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = withXmlLineBreaks(value[i], false);
      if (v !== value[i]) (next ??= [...value])[i] = v;
    }
    return (next ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let changed: Map<string, unknown> | undefined;
    for (const key of keys) {
      if (top && NOT_IN_DECKS.has(key)) continue;
      const v = withXmlLineBreaks(record[key], false);
      if (v !== record[key]) (changed ??= new Map()).set(key, v);
    }
    // As built from its entries (Object.fromEntries), so a key like "__proto__" stays a plain key.
    return (
      changed ? Object.fromEntries(keys.map((k) => [k, changed.has(k) ? changed.get(k) : record[k]])) : value
    ) as T;
  }
  return value;
}
