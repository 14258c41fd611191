/** The document's metadata after LibreOffice: the XMP packet (xmp.ts) and the info dictionary's /Keywords. */
import { PDFDict, PDFHexString, PDFName, PDFRawStream, PDFRef, decodePDFRawStream, type PDFContext } from 'pdf-lib';
import type { DeckModel } from '../../check/types.js';
import { partRoot } from '../../ooxml/package.js';
import { child, textContent } from '../../ooxml/xml.js';
import { finishXmp } from './xmp.js';

/** The keywords as the deck's core properties hold them; undefined when it has none. */
export function deckKeywords(deck: DeckModel): string | undefined {
  const keywords = textContent(child(partRoot(deck.package, 'docProps/core.xml'), 'cp:keywords')).trim();
  return keywords === '' ? undefined : keywords;
}

/** XMP (extension schema, keywords) and the info dictionary's /Keywords, which PDF/A wants equal to pdf:Keywords. */
export function finishMetadata(
  context: PDFContext,
  catalog: PDFDict,
  keywords: string | undefined,
  changed: Set<PDFRef>,
): void {
  const ref = catalog.get(PDFName.of('Metadata'));
  if (ref instanceof PDFRef) {
    const stream = context.lookup(ref);
    if (stream instanceof PDFRawStream) {
      const xmp = Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
      const finished = finishXmp(xmp, keywords === undefined ? {} : { keywords });
      if (finished !== xmp) {
        const bytes = Buffer.from(finished, 'utf8');
        context.assign(ref, context.stream(bytes, { Type: 'Metadata', Subtype: 'XML', Length: bytes.length }));
        changed.add(ref);
      }
    }
  }
  const info = context.trailerInfo.Info;
  if (keywords !== undefined && info instanceof PDFRef) {
    const dict = context.lookup(info);
    if (dict instanceof PDFDict && dict.get(PDFName.of('Keywords')) !== undefined) {
      dict.set(PDFName.of('Keywords'), PDFHexString.fromText(keywords));
      changed.add(info);
    }
  }
}
