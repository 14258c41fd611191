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

/**
 * Characters XML 1.0 forbids anywhere in a document. A title with a stray
 * control character (pasted from a PDF, say) would make the whole part
 * ill-formed, and PowerPoint would refuse the file, so they are dropped.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHARACTERS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Reverses escaping of the five predefined entities and numeric character references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_m, entity: string) => {
    switch (entity) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      case 'amp':
        return '&';
      default:
        return String.fromCodePoint(
          entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
        );
    }
  });
}
