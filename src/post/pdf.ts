/** .pptx → PDF (by default PDF/A-1a, tagged) through LibreOffice, written atomically. */
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { TrappaError } from '../errors.js';
import { convertWithSoffice, type ConvertOptions } from './soffice.js';

/** Options for {@link exportPdf}. */
export interface ExportPdfOptions extends ConvertOptions {
  /** Write PDF/A-1a (tagged) and verify its XMP identification. @default true */
  pdfA?: boolean;
  /** Where to write the PDF. @default the .pptx path with `.pdf` instead of `.pptx` */
  outFile?: string;
}

/** PDF/A identification from a PDF's XMP packet (`pdfaid:part`, `pdfaid:conformance`). */
export interface PdfAConformance {
  part?: string;
  conformance?: string;
}

/**
 * LibreOffice ≥ 7.4 takes export filter options as JSON after the filter name.
 * SelectPdfVersion 1 = PDF/A-1; LibreOffice 7.4 then tags the PDF and declares conformance A
 * by itself, UseTaggedPDF is set so we do not depend on that. The declaration is checked
 * with {@link readPdfAConformance} after every export.
 */
const pdfA1aTarget =
  'pdf:impress_pdf_Export:' +
  JSON.stringify({
    SelectPdfVersion: { type: 'long', value: '1' },
    UseTaggedPDF: { type: 'boolean', value: 'true' },
  });

/**
 * Exports a .pptx to PDF beside it (or to `outFile`). The conversion runs in a temp dir next
 * to the target and is renamed into place only once it succeeded (and, for PDF/A, declares
 * part 1 conformance A), so a failure leaves an earlier PDF untouched.
 * @returns the PDF's path.
 * @throws TrappaError when LibreOffice fails or the result is not PDF/A-1a.
 * @throws ToolNotFoundError when soffice is missing.
 */
export async function exportPdf(pptxPath: string, options: ExportPdfOptions = {}): Promise<string> {
  const { pdfA = true, outFile, ...convertOptions } = options;
  const target = resolve(outFile ?? join(dirname(pptxPath), `${basename(pptxPath, extname(pptxPath))}.pdf`));
  await mkdir(dirname(target), { recursive: true });
  // Beside the target, so the final rename stays on one file system and is atomic.
  const staging = await mkdtemp(join(dirname(target), '.trappa-pdf-'));
  try {
    const pdf = await convertWithSoffice(pptxPath, staging, pdfA ? pdfA1aTarget : 'pdf', convertOptions);
    if (pdfA) {
      const { part, conformance } = await readPdfAConformance(pdf);
      if (part !== '1' || conformance?.toUpperCase() !== 'A') {
        throw new TrappaError(
          `LibreOffice wrote ${basename(target)} without a PDF/A-1a declaration ` +
            `(XMP pdfaid:part=${part ?? 'none'}, pdfaid:conformance=${conformance ?? 'none'}).`,
        );
      }
    }
    await rename(pdf, target);
    return target;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Reads the PDF/A identification from a PDF's XMP metadata. PDF/A forbids compressing the
 * metadata stream, so the packet is plain text in the file's bytes; a PDF without it is
 * not PDF/A and yields `{}`.
 */
export async function readPdfAConformance(pdfPath: string): Promise<PdfAConformance> {
  return parsePdfAConformance((await readFile(pdfPath)).toString('latin1'));
}

/** {@link readPdfAConformance} on the PDF's bytes (as a latin1 string). Pure. */
export function parsePdfAConformance(pdfText: string): PdfAConformance {
  const result: PdfAConformance = {};
  for (const packet of pdfText.match(/<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/g) ?? []) {
    const part = xmpValue(packet, 'pdfaid:part');
    const conformance = xmpValue(packet, 'pdfaid:conformance');
    if (part === undefined && conformance === undefined) continue;
    if (part !== undefined) result.part = part;
    if (conformance !== undefined) result.conformance = conformance;
    break;
  }
  return result;
}

/** A simple XMP property, written as an element (`<p>v</p>`) or as an attribute (`p="v"`). */
function xmpValue(packet: string, name: string): string | undefined {
  const match =
    new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(packet) ??
    new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(packet);
  return match?.[1];
}
