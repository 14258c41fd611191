/**
 * PDF conversion timings, before and after issue #13, side by side in one run (interleaved):
 * - after: `trappa build --pdf` as it is: one LibreOffice run for all decks of a language,
 *   PDF/A-2b + PDF/UA, every PDF checked with pdf.js before it is saved;
 * - before: what `build --pdf` did until then, replayed with the same LibreOffice: build the
 *   decks, then one soffice with a fresh profile per deck, PDF/A-1 (which rasterised the pages).
 * Every run starts from an empty output folder, so nothing is skipped as unchanged.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { kb, ratio, sampleCells, type Table } from './report.js';
import { runInterleaved, sampleStats, type Command, type SampleStats } from './run.js';

export interface PdfBenchResult {
  timings: Record<string, SampleStats>;
  /** Bytes of all PDFs of `build --all --pdf`, before and after. */
  sizes: { before?: number; after?: number };
  ratios: { before?: number; after?: number };
}

const oldTarget = `pdf:impress_pdf_Export:${JSON.stringify({
  SelectPdfVersion: { type: 'long', value: '1' },
  UseTaggedPDF: { type: 'boolean', value: 'true' },
})}`;

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Shell for "build, then one fresh soffice per deck with PDF/A-1", as main's writePdfs did. */
function beforeScript(node: string, cli: string, out: string, deckArgs: string): string {
  const convert =
    'for f in "$OUT"/*.pptx; do P=$(mktemp -d); ' +
    `soffice "-env:UserInstallation=file://$P" --headless --norestore --nolockcheck --nologo --nodefault ` +
    `--convert-to ${quote(oldTarget)} --outdir "$OUT" "$f" >/dev/null 2>&1 || exit 1; rm -rf "$P"; done`;
  const build = `${quote(node)} ${quote(cli)} --out "$OUT" build ${deckArgs}`;
  return `OUT=${quote(out)}; rm -rf "$OUT" && ${build} >/dev/null && ${convert}`;
}

function afterScript(node: string, cli: string, out: string, deckArgs: string): string {
  const build = `${quote(node)} ${quote(cli)} --out "$OUT" build ${deckArgs} --pdf`;
  return `OUT=${quote(out)}; rm -rf "$OUT" && ${build} >/dev/null`;
}

function pdfBytes(dir: string): number | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

export function measurePdf(options: { root: string; benchDir: string; cli: string; runs: number }): PdfBenchResult {
  const { root, benchDir, cli, runs } = options;
  const node = process.execPath;
  const dir = path.join(benchDir, 'pdf');
  mkdirSync(dir, { recursive: true });
  const shell = (name: string, script: string): Command => ({ name, command: 'bash', args: ['-c', script], cwd: root });
  const commands = [
    shell('after: build --deck strategi --pdf', afterScript(node, cli, path.join(dir, 'after-one'), '--deck strategi')),
    shell('after: build --all --pdf', afterScript(node, cli, path.join(dir, 'after-all'), '--all')),
    shell(
      'before: build --deck strategi --pdf',
      beforeScript(node, cli, path.join(dir, 'before-one'), '--deck strategi'),
    ),
    shell('before: build --all --pdf', beforeScript(node, cli, path.join(dir, 'before-all'), '--all')),
  ];
  const samples = runInterleaved(commands, runs, 0);
  const timings = Object.fromEntries([...samples].map(([name, s]) => [name, sampleStats(s)]));
  const median = (name: string): number | undefined => timings[name]?.wallMs.median;
  const result: PdfBenchResult = {
    timings,
    sizes: { before: pdfBytes(path.join(dir, 'before-all')), after: pdfBytes(path.join(dir, 'after-all')) },
    ratios: {
      before: (median('before: build --all --pdf') ?? NaN) / (median('before: build --deck strategi --pdf') ?? NaN),
      after: (median('after: build --all --pdf') ?? NaN) / (median('after: build --deck strategi --pdf') ?? NaN),
    },
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}

export function pdfTable(r: PdfBenchResult, runs: number): Table {
  return {
    title: `PDF conversion, before and after #13 (${runs} interleaved runs each, cold CLI, empty output folder)`,
    headers: ['command', 'wall (median ±MAD, range)', 'CPU', 'peak RSS'],
    rows: Object.entries(r.timings).map(([name, s]) => [name, ...sampleCells(s)]),
    notes: [
      `4 decks ÷ 1 deck: after ${ratio(r.ratios.after) ?? '–'} (target ≤ 2×), ` +
        `before ${ratio(r.ratios.before) ?? '–'}.`,
      `All PDFs of build --all --pdf: after ${kb(r.sizes.after) ?? '–'}, before ${kb(r.sizes.before) ?? '–'}.`,
      'before = main until #13, replayed: build, then one soffice with a fresh profile per deck,',
      '  PDF/A-1 (pages rasterised).',
      'after = one soffice per language for all decks, PDF/A-2b + PDF/UA,',
      '  each PDF checked with pdf.js before it is saved.',
      'CPU and RSS are of the process tree GNU time sees (bash and its children).',
    ],
  };
}
