/**
 * String-level XML editing for the finishing stage.
 *
 * pptxgenjs writes flat, predictable XML (no CDATA, no comments, double-quoted
 * attributes), so start tags can be rewritten with regular expressions. The
 * attribute pattern below still honours quoted values, so a `>` inside a value
 * (legal XML) does not end the tag early.
 */

/** One attribute as written in the file: the value is still XML-escaped. */
export type Attribute = [name: string, rawValue: string];

export interface StartTag {
  attributes: Attribute[];
  selfClosing: boolean;
}

/** Regex source for the attribute list of a start tag (values may contain `>`). */
export const ATTRIBUTES = String.raw`(?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*`;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A regex source that matches one start tag of `qname`: group 1 = attributes, group 2 = "/" if self-closing. */
export function startTagPattern(qname: string): string {
  return `<${qname}(${ATTRIBUTES})\\s*(/?)>`;
}

export function parseAttributes(source: string): Attribute[] {
  const attributes: Attribute[] = [];
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) {
    const single = m[3];
    // Re-serialised with double quotes, so a '"' from a single-quoted value needs escaping.
    attributes.push([m[1] ?? '', m[2] ?? (single ?? '').replace(/"/g, '&quot;')]);
  }
  return attributes;
}

export function formatStartTag(qname: string, tag: StartTag): string {
  let out = `<${qname}`;
  for (const [name, value] of tag.attributes) out += ` ${name}="${value}"`;
  return `${out}${tag.selfClosing ? '/' : ''}>`;
}

/** A `pattern` (sticky) whose every match starts with `literal`, and what a match becomes. */
export interface Replacement {
  literal: string;
  pattern: RegExp;
  replace: (match: RegExpExecArray) => string;
}

/**
 * `xml.replace(global, replace)` for a `pattern` whose every match starts with `literal`,
 * with `pattern` sticky: the same matches and the same result, but the text between them is
 * skipped by `indexOf` instead of being tried position by position by the regex engine
 * (a 1,000-row plan's slides are ~9 MB of XML, gone through once per repair).
 */
export function replaceFrom(
  xml: string,
  literal: string,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string,
): string {
  return replaceEachFrom(xml, [{ literal, pattern, replace }]);
}

/** Where the next `literal` of one replacement is, while `replaceEachFrom` walks the text. */
interface Cursor extends Replacement {
  at: number;
}

function nextCursor(cursors: readonly Cursor[]): Cursor | undefined {
  let next: Cursor | undefined;
  for (const cursor of cursors) if (cursor.at !== -1 && (!next || cursor.at < next.at)) next = cursor;
  return next;
}

/**
 * `replaceFrom` for several replacements in one walk and one new string: the same result as
 * one call per replacement in turn when no match of one holds or overlaps a match of
 * another (true of start tags and empty elements: neither holds a `<`). Matches are taken
 * in document order across replacements, so a replacement that counts counts as it would alone.
 */
export function replaceEachFrom(xml: string, replacements: readonly Replacement[]): string {
  const cursors: Cursor[] = replacements.map((r) => ({ ...r, at: xml.indexOf(r.literal) }));
  // Pieces appended with `+=`: V8 keeps a rope and the next pass flattens it in one copy. Measured on a
  // 1,000-row deck's slides (10 MB, 31,000 matches): ~6 ms, where `pieces.join('')` took ~90 ms.
  let out = '';
  let done = 0;
  for (let cursor = nextCursor(cursors); cursor; cursor = nextCursor(cursors)) {
    const at = cursor.at;
    cursor.pattern.lastIndex = at;
    const match = cursor.pattern.exec(xml);
    if (!match) {
      cursor.at = xml.indexOf(cursor.literal, at + 1);
      continue;
    }
    out += xml.slice(done, at) + cursor.replace(match);
    done = at + match[0].length;
    for (const other of cursors) if (other.at !== -1 && other.at < done) other.at = xml.indexOf(other.literal, done);
  }
  if (done === 0) return xml;
  return out + xml.slice(done);
}

/** Calls `edit` for every start tag `<qname …>` in `xml` and writes the tag back as edited. */
export function editStartTags(xml: string, qname: string, edit: (tag: StartTag) => void): string {
  return editStartTagsOf(xml, new Map([[qname, edit]]));
}

/**
 * `editStartTags` for several qnames in one walk and one new string (`replaceEachFrom`): the
 * same result as one call per qname in turn, as each edit changes only its own tags.
 * `unchanged`: a quick test for a tag its edit would write back as it is, left without parsing it.
 */
export function editStartTagsOf(
  xml: string,
  edits: ReadonlyMap<string, (tag: StartTag) => void>,
  unchanged?: (match: string) => boolean,
): string {
  // An exec loop rather than `xml.replace(pattern, fn)`: the same matches, but the result is built
  // as a rope (see replaceEachFrom); V8's replace with a function was ~4 µs a match on slide XML.
  const pattern = startTagsPattern([...edits.keys()]);
  pattern.lastIndex = 0;
  let out = '';
  let done = 0;
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
    const [match, qname = '', attributes = '', slash] = m;
    const edit = edits.get(qname);
    if (!edit || unchanged?.(match)) continue;
    const tag: StartTag = { attributes: parseAttributes(attributes), selfClosing: slash === '/' };
    edit(tag);
    out += xml.slice(done, m.index) + formatStartTag(qname, tag);
    done = m.index + match.length;
    pattern.lastIndex = done; // an edit that edits other XML with the same qnames shares this pattern
  }
  return done === 0 ? xml : out + xml.slice(done);
}

/**
 * One global pattern for the start tags of several qnames: group 1 = qname, 2 = attributes,
 * 3 = "/" if self-closing. Matched in one native walk, leftmost first, as `replaceEachFrom` takes
 * them; a start tag holds no `<`, so no match can hide another.
 */
const startTagPatterns = new Map<string, RegExp>();

function startTagsPattern(qnames: string[]): RegExp {
  const key = qnames.join('\0');
  let pattern = startTagPatterns.get(key);
  if (!pattern) {
    const names = qnames.map((q) => q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    pattern = new RegExp(`<(${names})(${ATTRIBUTES})\\s*(/?)>`, 'g');
    startTagPatterns.set(key, pattern);
  }
  return pattern;
}

export function getAttribute(tag: StartTag, name: string): string | undefined {
  return tag.attributes.find(([n]) => n === name)?.[1];
}

/** Sets an attribute in place, or appends it; `rawValue` must already be escaped. */
export function setAttribute(tag: StartTag, name: string, rawValue: string): void {
  const existing = tag.attributes.find(([n]) => n === name);
  if (existing) existing[1] = rawValue;
  else tag.attributes.push([name, rawValue]);
}

export function removeAttribute(tag: StartTag, name: string): void {
  tag.attributes = tag.attributes.filter(([n]) => n !== name);
}

export { escapeXml, unescapeXml } from '../ooxml/escape.js';
