/**
 * The XMP packet the PDF's claims need. PDF/A-2 (ISO 19005-2 §6.6.2.3.1) allows in the
 * metadata only the schemas XMP predefines and those described in a `pdfaExtension:schemas`
 * block; LibreOffice writes `pdfuaid:part` (PDF/UA-1's identification) without describing it,
 * so the block for pdfuaid is added (the text of ISO 14289-1's example, §5). The keywords
 * become the deck's own: LibreOffice splits them at every space.
 */
import { escapeXml } from '../../ooxml/escape.js';

const PDFUAID = 'http://www.aiim.org/pdfua/ns/id/';
const EXTENSION = 'http://www.aiim.org/pdfa/ns/extension/';

const pdfuaidExtension =
  `<rdf:Description rdf:about="" xmlns:pdfaExtension="${EXTENSION}"` +
  ' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"' +
  ' xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">\n' +
  '   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">\n' +
  '    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n' +
  `    <pdfaSchema:namespaceURI>${PDFUAID}</pdfaSchema:namespaceURI>\n` +
  '    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n' +
  '    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">\n' +
  '     <pdfaProperty:name>part</pdfaProperty:name>\n' +
  '     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n' +
  '     <pdfaProperty:category>internal</pdfaProperty:category>\n' +
  '     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n' +
  '    </rdf:li></rdf:Seq></pdfaSchema:property>\n' +
  '   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n' +
  '  </rdf:Description>\n ';

export interface XmpChanges {
  /** The deck's keywords as written in its core properties; undefined leaves them. */
  keywords?: string;
}

/** @returns the packet with the changes, or the same string when there is nothing to change. */
export function finishXmp(xmp: string, changes: XmpChanges): string {
  let out = xmp;
  const isPdfA = /pdfaid:part/.test(out);
  if (isPdfA && out.includes(PDFUAID) && !out.includes(EXTENSION)) {
    out = out.replace('</rdf:RDF>', `${pdfuaidExtension}</rdf:RDF>`);
  }
  if (changes.keywords !== undefined) {
    const keywords = `<pdf:Keywords>${escapeXml(changes.keywords)}</pdf:Keywords>`;
    out = /<pdf:Keywords>[\s\S]*?<\/pdf:Keywords>/.test(out)
      ? out.replace(/<pdf:Keywords>[\s\S]*?<\/pdf:Keywords>/, keywords)
      : out;
  }
  return out;
}
