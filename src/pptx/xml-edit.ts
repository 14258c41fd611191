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
  return [...source.matchAll(ATTRIBUTE)].map((m): Attribute => {
    const single = m[3];
    // Re-serialised with double quotes, so a '"' from a single-quoted value needs escaping.
    return [m[1] ?? '', m[2] ?? (single ?? '').replace(/"/g, '&quot;')];
  });
}

export function formatStartTag(qname: string, tag: StartTag): string {
  const attributes = tag.attributes.map(([name, value]) => ` ${name}="${value}"`).join('');
  return `<${qname}${attributes}${tag.selfClosing ? '/' : ''}>`;
}

/** Calls `edit` for every start tag `<qname …>` in `xml` and writes the tag back as edited. */
export function editStartTags(xml: string, qname: string, edit: (tag: StartTag) => void): string {
  const pattern = new RegExp(startTagPattern(qname), 'g');
  return xml.replace(pattern, (_match, attributes: string, slash: string) => {
    const tag: StartTag = { attributes: parseAttributes(attributes), selfClosing: slash === '/' };
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
