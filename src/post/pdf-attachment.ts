/**
 * A PDF goes out with a deck only when it is the accessible one: it passes the PDF check
 * against the .pptx it goes out with. An older PDF (e.g. a rasterised PDF/A-1a from before,
 * or one left behind after the deck changed) is left out rather than sent to citizens.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { checkPdfAgainstDeck, formatPdfFindings } from '../check/pdf/index.js';

export interface DroppedPdf<T> {
  attachment: T;
  /** Why, in a sentence and the check's findings. */
  reason: string;
}

const isPdf = (file: string): boolean => extname(file).toLowerCase() === '.pdf';
const isPptx = (file: string): boolean => extname(file).toLowerCase() === '.pptx';

/** Splits a deck's attachments into those to keep and the PDFs that failed the check (with why). */
export async function dropInaccessiblePdfs<T extends { path: string }>(
  attachments: readonly T[],
): Promise<{ kept: T[]; dropped: DroppedPdf<T>[] }> {
  const deck = attachments.find((a) => isPptx(a.path));
  const kept: T[] = [];
  const dropped: DroppedPdf<T>[] = [];
  for (const attachment of attachments) {
    if (!isPdf(attachment.path)) {
      kept.push(attachment);
      continue;
    }
    const reason = deck ? await whyNotAccessible(attachment.path, deck.path) : 'there is no deck to check it against';
    if (reason === undefined) kept.push(attachment);
    else dropped.push({ attachment, reason });
  }
  return { kept, dropped };
}

async function whyNotAccessible(pdf: string, pptx: string): Promise<string | undefined> {
  try {
    const [pdfBytes, deckBytes] = await Promise.all([readFile(pdf), readFile(pptx)]);
    const report = await checkPdfAgainstDeck(new Uint8Array(pdfBytes), new Uint8Array(deckBytes));
    if (report.findings.length === 0) return undefined;
    const findings = formatPdfFindings(report.findings.slice(0, 5));
    return `it is not the accessible PDF of the deck (build it again with --pdf):\n${findings}`;
  } catch (error) {
    return `it could not be read as a PDF (${(error as Error).message})`;
  }
}
