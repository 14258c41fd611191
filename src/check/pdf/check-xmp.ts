/**
 * PDF/A's rule for the XMP packet (ISO 19005-2 §6.6.2.3): every property is in a schema XMP
 * predefines, or in one the packet describes in its `pdfaExtension:schemas` block, and then
 * only with the properties described there. LibreOffice's `pdfuaid:part` needs such a block.
 * Checked only when the packet declares PDF/A. Pure: the packet's text → findings' messages.
 */
import { children, descendants, parseXml, textContent, type XmlElement } from '../../ooxml/xml.js';
import { type Said, said } from '../../messages/catalogue.js';

/** The schemas of XMP 2005 §8 and PDF/A's own (identification and extension). */
const PREDEFINED = new Set([
  'http://purl.org/dc/elements/1.1/',
  'http://ns.adobe.com/xap/1.0/',
  'http://ns.adobe.com/xap/1.0/rights/',
  'http://ns.adobe.com/xap/1.0/mm/',
  'http://ns.adobe.com/xap/1.0/bj/',
  'http://ns.adobe.com/xap/1.0/t/pg/',
  'http://ns.adobe.com/xmp/1.0/DynamicMedia/',
  'http://ns.adobe.com/pdf/1.3/',
  'http://ns.adobe.com/photoshop/1.0/',
  'http://ns.adobe.com/camera-raw-settings/1.0/',
  'http://ns.adobe.com/exif/1.0/',
  'http://ns.adobe.com/exif/1.0/aux/',
  'http://ns.adobe.com/tiff/1.0/',
  'http://www.aiim.org/pdfa/ns/id/',
  'http://www.aiim.org/pdfa/ns/extension/',
]);
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** @returns one message per property outside the declared schemas (empty when all are declared). */
export function undeclaredXmpProperties(xmp: string): Said[] {
  let root: XmlElement;
  try {
    root = parseXml(xmp.replace(/^\uFEFF/, ''));
  } catch (error) {
    return [said('pdf.xmpXml', { error: (error as Error).message })];
  }
  const declared = new Map<string, Set<string>>();
  for (const schema of descendants(root, 'rdf:li')) {
    const uri = children(schema, 'pdfaSchema:namespaceURI')[0];
    if (!uri) continue;
    const names = descendants(schema, 'pdfaProperty:name').map((n) => textContent(n).trim());
    declared.set(textContent(uri).trim(), new Set(names));
  }
  const out: Said[] = [];
  for (const { name, uri } of properties(root, {})) {
    if (PREDEFINED.has(uri)) continue;
    const local = name.slice(name.indexOf(':') + 1);
    if (!declared.has(uri)) out.push(said('pdf.xmpSchema', { name, uri }));
    else if (!declared.get(uri)!.has(local)) out.push(said('pdf.xmpProperty', { name }));
  }
  return out;
}

/** Top-level properties: each rdf:Description's child elements and property attributes, with their namespace. */
function properties(element: XmlElement, scope: Record<string, string>): { name: string; uri: string }[] {
  const ns = { ...scope };
  for (const [key, value] of Object.entries(element.attributes)) if (key.startsWith('xmlns:')) ns[key.slice(6)] = value;
  if (element.name !== 'rdf:Description') return children(element).flatMap((c) => properties(c, ns));
  const named = (name: string) => ({ name, uri: ns[name.slice(0, name.indexOf(':'))] ?? '' });
  const fromAttributes = Object.keys(element.attributes)
    .filter((key) => key.includes(':') && !key.startsWith('xmlns:') && !key.startsWith('xml:'))
    .map(named)
    .filter((p) => p.uri !== RDF);
  const fromChildren = children(element).map((c) => {
    const inner = { ...ns };
    for (const [key, value] of Object.entries(c.attributes)) if (key.startsWith('xmlns:')) inner[key.slice(6)] = value;
    return { name: c.name, uri: inner[c.name.slice(0, c.name.indexOf(':'))] ?? '' };
  });
  return [...fromAttributes, ...fromChildren];
}
