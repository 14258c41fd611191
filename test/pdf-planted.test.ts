/**
 * An untagged rule planted into a PDF is caught by the check that `build --pdf` runs on the
 * PDF it saves: on a PDF from a LibreOffice (TRAPPA_SOFFICE) whose page the finishing stage
 * must leave alone, `build --pdf` exits 4 naming the page and saves no PDF; planted into a
 * saved PDF afterwards, the check names the page and the next build does not keep that PDF.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfAgainstDeck, formatPdfFindings } from '../src/check/pdf/index.js';
import { findSoffice } from '../src/post/soffice.js';
import { runQuietly } from './helpers/ooxml.js';
import { REPO, runCliAsync } from './helpers/project.js';
import { hasSoffice, missingTool } from './helpers/tools.js';

const pdfLib = createRequire(import.meta.url).resolve('pdf-lib');

/**
 * A CommonJS script: `node plant.cjs FILE.pdf [--unbalanced]` paints an orange rule at the
 * end of page 2's content, inside no marked content. With --unbalanced a stray EMC comes
 * first, so the page's marked content no longer nests (which the finishing stage leaves alone).
 */
const plantScript = `
const { PDFDocument, PDFName } = require(${JSON.stringify(pdfLib)});
const { inflateSync } = require('node:zlib');
const fs = require('node:fs');
(async () => {
  const [file, mode] = process.argv.slice(2);
  const doc = await PDFDocument.load(fs.readFileSync(file), { updateMetadata: false });
  const page = doc.getPages()[1];
  const ref = page.node.get(PDFName.of('Contents'));
  const text = inflateSync(doc.context.lookup(ref).contents).toString('latin1');
  const rule = (mode === '--unbalanced' ? '\\nEMC' : '') + '\\nq 0.91 0.64 0.24 rg 48 300 600 4 re f Q\\n';
  doc.context.assign(ref, doc.context.flateStream(Buffer.from(text + rule, 'latin1')));
  fs.writeFileSync(file, await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
})();
`;

let work: string;
let plant: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'trappa-planted-'));
  plant = path.join(work, 'plant.cjs');
  writeFileSync(plant, plantScript);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A `soffice` that runs the real one, then plants the rule into every PDF it wrote. */
async function plantingSoffice(): Promise<string> {
  const real = await findSoffice();
  const script = path.join(work, 'soffice');
  writeFileSync(
    script,
    `#!/bin/sh\n${JSON.stringify(real)} "$@" || exit $?\nout=""; prev=""\n` +
      'for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done\n' +
      `for f in "$out"/*.pdf; do ${JSON.stringify(process.execPath)} ${JSON.stringify(plant)} "$f" --unbalanced || exit 1; done\n`,
  );
  chmodSync(script, 0o755);
  return script;
}

const pdfsIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')) : []);

describe.skipIf(missingTool('LibreOffice', hasSoffice))('an untagged rule planted into the PDF', () => {
  it('fails build --pdf with exit 4, naming the page, and no PDF is saved', async () => {
    const out = path.join(work, 'planted-by-soffice');
    const run = await runCliAsync(['build', '--deck', 'strategi', '--pdf', '--out', out], REPO, {
      TRAPPA_SOFFICE: await plantingSoffice(),
    });
    expect(run.status, run.stdout + run.stderr).toBe(4);
    expect(run.stderr).toMatch(/failed the PDF check/);
    // The finishing stage leaves that page as LibreOffice wrote it: its background is untagged too.
    expect(run.stderr).toMatch(/page 2 · pdf-artifacts: \d+ painting operations are neither tagged nor artifacts/);
    expect(run.stderr.match(/page \d+/g)?.every((p) => p === 'page 2')).toBe(true);
    expect(pdfsIn(out)).toEqual([]);
  }, 600_000);

  it('planted into a saved PDF: the check names the page, and the next build does not keep that PDF', async () => {
    const out = path.join(work, 'planted-after');
    const first = await runCliAsync(['build', '--deck', 'strategi', '--pdf', '--out', out], REPO);
    expect(first.status, first.stderr).toBe(0);
    const [pdfName] = pdfsIn(out);
    const pdf = path.join(out, pdfName!);
    const pptx = pdf.replace(/\.pdf$/, '.pptx');
    const deck = new Uint8Array(readFileSync(pptx));
    expect((await checkPdfAgainstDeck(new Uint8Array(readFileSync(pdf)), deck)).findings).toEqual([]);

    const planted = await runQuietly(process.execPath, [plant, pdf]);
    expect(planted.status, planted.stderr).toBe(0);
    const report = await checkPdfAgainstDeck(new Uint8Array(readFileSync(pdf)), deck);
    expect(formatPdfFindings(report.findings)).toMatch(
      /page 2 · pdf-artifacts: 1 painting operations are neither tagged nor artifacts/,
    );

    const again = await runCliAsync(['build', '--deck', 'strategi', '--pdf', '--out', out], REPO);
    expect(again.status, again.stderr).toBe(0);
    expect((await checkPdfAgainstDeck(new Uint8Array(readFileSync(pdf)), deck)).findings).toEqual([]);
  }, 600_000);
});
