/** A PDF checked against the deck it was made from: read both, compare, say what the PDF declares. */
import { readDeck } from '../read-deck.js';
import { english, said } from '../../messages/catalogue.js';
import type { Finding } from '../types.js';
import { checkPdf } from './check-pdf.js';
import { slideRegions } from './deck-regions.js';
import { expectPdf } from './expect-pdf.js';
import { readPdf } from './read-pdf.js';

export { preloadPdfReader } from './read-pdf.js';
import type { PdfModel } from './types.js';

export interface PdfReport {
  findings: Finding[];
  /** What the file declares, e.g. `PDF/A-2b, PDF/UA-1`, or `PDF 1.6`. */
  declares: string;
  pages: number;
}

/**
 * @param language the deck's BCP 47 tag; by default the deck's own `dc:language`.
 * @throws Error when either file cannot be read as what it should be.
 */
export async function checkPdfAgainstDeck(pdf: Uint8Array, pptx: Uint8Array, language?: string): Promise<PdfReport> {
  const deck = readDeck(pptx);
  const model = await readPdf(pdf);
  const expected = expectPdf(deck, language ?? deck.language ?? 'nb-NO');
  const size = model.pages[0]?.size;
  if (size)
    slideRegions(deck, size).forEach((regions, i) => expected.slides[i] && (expected.slides[i].regions = regions));
  const findings = checkPdf(model, expected);
  return { findings, declares: declaration(model), pages: model.pages.length };
}

export function declaration(model: PdfModel): string {
  const { pdfaPart, pdfaConformance, pdfuaPart } = model.xmp;
  const claims = [
    pdfaPart ? `PDF/A-${pdfaPart}${(pdfaConformance ?? '').toLowerCase()}` : '',
    pdfuaPart ? `PDF/UA-${pdfuaPart}` : '',
  ].filter(Boolean);
  return claims.length > 0 ? claims.join(', ') : `PDF ${model.version}`;
}

/** One line per finding: `page 3 · Figure · pdf-alt: 1 of 2 figures have no alternative text (/Alt)`. */
export function formatPdfFindings(findings: readonly Finding[], indent = '  '): string {
  return findings
    .map((f) => {
      const values = { indent, n: f.slide, element: f.element, rule: f.rule, message: f.message };
      const line = f.slide === 0 ? 'pdf.lineDocument' : f.element.startsWith('(') ? 'pdf.linePageOnly' : 'pdf.linePage';
      return english(said(line, values));
    })
    .join('\n');
}
