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
  const attributes = tag.attributes.map(([name, value]) => ` ${name}="${value}"`).join('');
  return `<${qname}${attributes}${tag.selfClosing ? '/' : ''}>`;
}

/** Start tag patterns by qname, sticky: matched only where `<qname` was found. */
const stickyTags = new Map<string, RegExp>();

function stickyTagPattern(qname: string): RegExp {
  let pattern = stickyTags.get(qname);
  if (!pattern) {
    pattern = new RegExp(startTagPattern(qname), 'y');
    stickyTags.set(qname, pattern);
  }
  return pattern;
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
  let at = xml.indexOf(literal);
  if (at === -1) return xml;
  let out = '';
  let done = 0;
  while (at !== -1) {
    pattern.lastIndex = at;
    const match = pattern.exec(xml);
    if (match) {
      out += xml.slice(done, at) + replace(match);
      done = at + match[0].length;
      at = xml.indexOf(literal, done);
    } else {
      at = xml.indexOf(literal, at + 1);
    }
  }
  return done === 0 ? xml : out + xml.slice(done);
}

/** Calls `edit` for every start tag `<qname …>` in `xml` and writes the tag back as edited. */
export function editStartTags(xml: string, qname: string, edit: (tag: StartTag) => void): string {
  return replaceFrom(xml, `<${qname}`, stickyTagPattern(qname), (m) => {
    const tag: StartTag = { attributes: parseAttributes(m[1] ?? ''), selfClosing: m[2] === '/' };
    edit(tag);
    return formatStartTag(qname, tag);
  });
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
