/**
 * Just enough XML reading for the checks: elements by qualified name and their attributes.
 * Office parts are flat and regular; none of the elements looked up here nests inside an
 * element of the same name, so a lazy match to the closing tag finds the right end.
 */
import { unescapeXml } from '../pptx/xml-edit.js';

export interface XmlElement {
  /** Attribute source of the start tag (still escaped). */
  attributes: string;
  /** Content between the tags; '' when self-closing. */
  inner: string;
  /** The whole element. */
  outer: string;
  /** Offset of the element in the searched string. */
  index: number;
}

const patterns = new Map<string, RegExp>();

function elementPattern(qname: string): RegExp {
  let pattern = patterns.get(qname);
  if (!pattern) {
    const name = qname.replace(/[.]/g, '\\.');
    // `(?=[\s/>])` keeps `<p:sp` from matching `<p:spPr`.
    pattern = new RegExp(`<${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`, 'g');
    patterns.set(qname, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** Every `<qname …>` element in `xml`, in document order. */
export function elements(xml: string, qname: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const m of xml.matchAll(elementPattern(qname))) {
    found.push({ attributes: m[1] ?? '', inner: m[2] ?? '', outer: m[0], index: m.index });
  }
  return found;
}

/** The first `<qname …>` element in `xml`. */
export function element(xml: string, qname: string): XmlElement | undefined {
  const m = elementPattern(qname).exec(xml);
  return m ? { attributes: m[1] ?? '', inner: m[2] ?? '', outer: m[0], index: m.index } : undefined;
}

/** An attribute's unescaped value from a start tag's attribute source. */
export function attr(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const m = pattern.exec(attributes);
  if (!m) return undefined;
  const value = m[1] ?? m[2] ?? '';
  return value.includes('&') ? unescapeXml(value) : value;
}

const attributePatterns = new Map<string, RegExp>();

/** A numeric attribute, or undefined when absent or not a number. */
export function numberAttr(attributes: string, name: string): number | undefined {
  const value = attr(attributes, name);
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Removes every element of the given names (and self-closing tags), e.g. outlines before looking for a fill. */
export function without(xml: string, qnames: readonly string[]): string {
  let out = xml;
  for (const qname of qnames) if (out.includes(`<${qname}`)) out = out.replace(elementPattern(qname), '');
  return out;
}

export { unescapeXml };
