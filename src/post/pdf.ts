/**
 * Decks → accessible PDFs through LibreOffice, all in one LibreOffice run per language, each
 * checked by reading the file (src/check/pdf/) before it is saved.
 *
 * What LibreOffice 7.4 is asked for, and why:
 * - PDF/A-2b (SelectPdfVersion 2). Under PDF/A-1, which forbids transparency, LibreOffice drew
 *   every page with a semi-transparent picture (an alpha-channel logo) as one 300 ppi image: no
 *   text, no fonts, no tags, 2–3 MB a deck. PDF/A-2 allows transparency, so pages keep their
 *   text, embedded fonts and tags. LibreOffice declares conformance b; it cannot declare a or u.
 * - Tagged, with PDF/UA (PDFUACompliance): LibreOffice then adds the PDF/UA-1 identification,
 *   /DisplayDocTitle and alt text on figures; the check verifies what can be read of that.
 * - The deck's language as LibreOffice's locale: its /Lang comes from there, not from the text.
 * - Decorative shapes moved onto layout copies first (pdf-deck.ts): LibreOffice paints them
 *   untagged with the master page; the finishing stage (pdf-finish/) then makes them, the page
 *   background, the footer and the panels' fills artifacts, and the panel headings headings.
 */
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { english, said } from '../messages/catalogue.js';
import { basename, dirname, join, resolve } from 'node:path';
import { checkPdfAgainstDeck, formatPdfFindings, preloadPdfReader } from '../check/pdf/index.js';
import { readDeck } from '../check/read-deck.js';
import { CheckFailedError } from '../errors.js';
import { prepareDeckForPdf } from './pdf-deck.js';
import { convertManyWithSoffice, findSoffice, type ConvertOptions } from './soffice.js';
import { makeFolder } from '../io/save-file.js';

const pdfExportTarget =
  'pdf:impress_pdf_Export:' +
  JSON.stringify({
    SelectPdfVersion: { type: 'long', value: '2' },
    UseTaggedPDF: { type: 'boolean', value: 'true' },
    PDFUACompliance: { type: 'boolean', value: 'true' },
  });

/** One deck to export. */
export interface PdfJob {
  pptx: string;
  /** Where the PDF goes. @default the .pptx path with `.pdf` */
  outFile?: string;
  /** BCP 47 tag of the deck, e.g. `nb-NO`. @default the deck's own dc:language */
  language?: string;
  /** Keep the PDF already at `outFile` when it passes the check against the deck (an unchanged deck). */
  keepIfAccessible?: boolean;
}

/** A PDF that passed the check and was saved. */
export interface WrittenPdf {
  file: string;
  /** What it declares, e.g. `PDF/A-2b, PDF/UA-1`. */
  declares: string;
  size: number;
  /** The PDF was already there and passed the check: not converted again. */
  kept?: boolean;
}

interface Staged {
  job: PdfJob;
  target: string;
  deck: Uint8Array;
  input: string;
  language?: string;
}

/**
 * Exports every deck with as few LibreOffice runs as there are languages, checks every PDF
 * and saves them only if all pass; a failure leaves every earlier PDF untouched.
 * @returns one WrittenPdf per job, in order.
 * @throws CheckFailedError (exit 4) listing each failing PDF's findings.
 * @throws TrappaError when LibreOffice fails; ToolNotFoundError when it is missing.
 */
export async function exportPdfs(jobs: readonly PdfJob[], options: ConvertOptions = {}): Promise<WrittenPdf[]> {
  const targets = jobs.map((job) => resolve(job.outFile ?? `${job.pptx.replace(/\.pptx$/i, '')}.pdf`));
  const kept = await Promise.all(jobs.map((job, i) => (job.keepIfAccessible ? keptPdf(job, targets[i]!) : undefined)));
  const todo = jobs.flatMap((job, i) => (kept[i] ? [] : [{ job, target: targets[i]! }]));
  const made = todo.length > 0 ? await convertAndSave(todo, options) : [];
  return kept.map((pdf) => pdf ?? made.shift()!);
}

/** The PDF already at `target`, when it passes the check against the deck; otherwise undefined. */
async function keptPdf(job: PdfJob, target: string): Promise<WrittenPdf | undefined> {
  try {
    const [pdf, deck] = await Promise.all([readFile(target), readFile(job.pptx)]);
    const report = await checkPdfAgainstDeck(new Uint8Array(pdf), new Uint8Array(deck), job.language);
    return report.findings.length === 0
      ? { file: target, declares: report.declares, size: pdf.length, kept: true }
      : undefined;
  } catch {
    return undefined;
  }
}

async function convertAndSave(jobs: { job: PdfJob; target: string }[], options: ConvertOptions): Promise<WrittenPdf[]> {
  await findSoffice();
  // Beside the (first) target, so the final renames stay on one file system and are atomic.
  await makeFolder(dirname(jobs[0]!.target));
  const staging = await mkdtemp(join(dirname(jobs[0]!.target), '.trappa-pdf-'));
  try {
    const staged: Staged[] = [];
    for (const [i, { job, target }] of jobs.entries()) {
      const deck = new Uint8Array(await readFile(job.pptx));
      // Numbered: two targets in different folders may share a name.
      const input = join(staging, 'in', `${i + 1}-${basename(target, '.pdf')}.pptx`);
      await makeFolder(dirname(input));
      await writeFile(input, prepareForLibreOffice(deck));
      const language = job.language ?? deckLanguage(deck);
      staged.push({ job, target, deck, input, ...(language ? { language } : {}) });
    }
    // pdf.js and the finishing stage (pdf-lib) load while LibreOffice converts.
    preloadPdfReader();
    const finishing = import('./pdf-finish/finish-pdf.js');
    finishing.catch(() => undefined);
    const pdfs = new Map<Staged, string>();
    for (const [language, group] of groupBy(staged, (s) => s.language ?? '')) {
      const inputs = group.map((s) => s.input);
      const out = await convertManyWithSoffice(inputs, join(staging, 'out'), pdfExportTarget, {
        ...options,
        ...(language ? { language } : {}),
      });
      group.forEach((s, i) => pdfs.set(s, out[i]!));
    }
    const written: WrittenPdf[] = [];
    const failures: string[] = [];
    const { finishPdf } = await finishing;
    for (const s of staged) {
      const bytes = await finishedPdf(finishPdf, pdfs.get(s)!, s.deck);
      const report = await checkPdfAgainstDeck(bytes, s.deck, s.language);
      if (report.findings.length > 0) failures.push(`${basename(s.target)}:\n${formatPdfFindings(report.findings)}`);
      written.push({ file: s.target, declares: report.declares, size: bytes.length });
    }
    if (failures.length > 0) {
      const message = english(
        staged.length === 1
          ? said('pdf.refusedOne')
          : said('pdf.refusedMany', { failed: failures.length, n: staged.length }),
      );
      throw new CheckFailedError(`${message}\n${failures.join('\n')}`);
    }
    for (const s of staged) {
      await makeFolder(dirname(s.target));
      await rename(pdfs.get(s)!, s.target);
    }
    return written;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * LibreOffice's PDF, finished (pdf-finish/): decoration and footers as artifacts, headings,
 * XMP. Written back to the staged file, which is what the check reads and the rename saves.
 * A deck that cannot be read leaves the PDF as LibreOffice wrote it, for the check to judge.
 */
async function finishedPdf(
  finish: typeof import('./pdf-finish/finish-pdf.js').finishPdf,
  file: string,
  deck: Uint8Array,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(await readFile(file));
  let model: ReturnType<typeof readDeck>;
  try {
    model = readDeck(deck);
  } catch {
    return bytes;
  }
  const finished = (await finish(bytes, model)).bytes;
  if (finished !== bytes) await writeFile(file, finished);
  return finished;
}

/** One deck; see {@link exportPdfs}. @returns the PDF's path. */
export async function exportPdf(
  pptxPath: string,
  options: ConvertOptions & Omit<PdfJob, 'pptx'> = {},
): Promise<string> {
  const { outFile, language, ...convert } = options;
  const [pdf] = await exportPdfs(
    [{ pptx: pptxPath, ...(outFile ? { outFile } : {}), ...(language ? { language } : {}) }],
    convert,
  );
  return pdf!.file;
}

/** A file that is not a deck goes to LibreOffice as it is, which then says what is wrong with it. */
function prepareForLibreOffice(deck: Uint8Array): Uint8Array {
  try {
    return prepareDeckForPdf(deck).bytes;
  } catch {
    return deck;
  }
}

function deckLanguage(deck: Uint8Array): string | undefined {
  try {
    return readDeck(deck).language;
  } catch {
    return undefined;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
