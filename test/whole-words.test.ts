/**
 * Issue #23: no word is broken inside by Trappa's line breaking. The nynorsk fixture
 * (test/fixtures/innafjords: seven members, twelve services) put its services in one row of
 * 0.8-in boxes, breaking «Barnever|n» and «Brannver|n»; the check did not see it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuildResult } from '../src/build-deck.js';
import { checkDeck } from '../src/check/check-deck.js';
import { readDeck } from '../src/check/read-deck.js';
import { hyphenateWord, SOFT_HYPHEN } from '../src/layout/hyphenate.js';
import { layoutParagraphs } from '../src/layout/measure-text.js';
import { exportPdfs } from '../src/post/pdf.js';
import { copyProject, editFile, REPO } from './helpers/project.js';
import { brokenWordsInPdf } from './helpers/pdf-words.js';
import { readPptx } from './helpers/pptx-zip.js';
import { hasPdftotext, hasSoffice, missingTool } from './helpers/tools.js';

const DATA = 'test/fixtures/innafjords/data';
let built: BuildResult;
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'trappa-words-'));
  built = await buildDecks({ root: REPO, dataDir: DATA, outDir });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const style = {
  fontFace: 'Calibri',
  fontSize: 12,
  color: '000000',
  insets: { left: 0, right: 0, top: 0, bottom: 0 },
};

describe('line breaking never breaks a word between two letters unseen', () => {
  it('records a word too wide for any line as broken, and breaks at a soft hyphen with a hyphen drawn', () => {
    const narrow = layoutParagraphs([{ runs: [{ text: 'Brannvern' }] }], style, 0.6);
    expect(narrow.broken).toEqual(['Brannvern']);
    const soft = layoutParagraphs([{ runs: [{ text: `Brann${SOFT_HYPHEN}vern` }] }], style, 0.6);
    expect(soft.broken).toEqual([]);
    expect(soft.lines.map((l) => l.text)).toEqual(['Brann-', 'vern']);
    // A soft hyphen takes no room where the line does not break there.
    const wide = layoutParagraphs([{ runs: [{ text: `Brann${SOFT_HYPHEN}vern` }] }], style, 3);
    expect(wide.lines.map((l) => l.text)).toEqual(['Brannvern']);
  });

  it('hyphenates at the points the language allows, two letters before and three after at least', () => {
    expect(hyphenateWord('Barnevern', 'nn-NO').split(SOFT_HYPHEN)).toEqual(['Barne', 'vern']);
    expect(hyphenateWord('Skatteoppkrevjing', 'nb-NO').replaceAll(SOFT_HYPHEN, '|')).toBe('Skatte|opp|krev|jing');
    expect(hyphenateWord('responsibilities', 'en-GB').split(SOFT_HYPHEN).at(-1)!.length).toBeGreaterThanOrEqual(3);
    expect(hyphenateWord('Barnevern', 'de-DE')).toBe('Barnevern');
  });

  it('puts twelve services in rows whose boxes hold every word whole; the check finds no broken word', () => {
    for (const d of built.decks) {
      const findings = checkDeck(d.bytes, { minBodySize: 12 });
      expect(findings.filter((f) => f.rule === 'whole-words')).toEqual([]);
      const model = readDeck(d.bytes).slides.find((s) => s.elements.some((e) => e.name.startsWith('Service ')))!;
      const services = model.elements.filter((e) => e.name.startsWith('Service '));
      expect(services).toHaveLength(12);
      expect(Math.min(...services.map((s) => s.box!.w))).toBeGreaterThan(1.2);
    }
  });

  it('hyphenates a service too long for any box at a correct point, and the check names slide, element and field', async () => {
    const root = copyProject();
    rmSync(path.join(root, 'data'), { recursive: true });
    cpSync(path.join(REPO, DATA), path.join(root, 'data'), { recursive: true });
    const long = 'Samhandlingsreformkoordineringskontoret';
    editFile(root, 'data/strategy.yaml', 'nn: Sakshandsaming,', `nn: ${long},`);
    const result = await buildDecks({ root, decks: ['alle'] });
    const bytes = result.decks[0]!.bytes;
    const model = readDeck(bytes);
    const shape = model.slides.flatMap((s) => s.elements).find((e) => e.name === `Service ${long}`);
    const text =
      shape?.kind === 'shape' ? shape.text!.paragraphs.flatMap((p) => p.runs.map((r) => r.text)).join('') : '';
    expect(text.replaceAll(SOFT_HYPHEN, '')).toBe(long);
    expect(text).toBe(hyphenateWord(long, 'nn-NO'));
    expect(checkDeck(bytes, { minBodySize: 12 }).filter((f) => f.rule === 'whole-words')).toEqual([]);
    // The same deck with the soft hyphens taken out: the check reports the word, where it is, and its field.
    const files = Object.fromEntries(readPptx(bytes).files);
    const slide = model.slides.find((s) => s.elements.includes(shape!))!.number;
    const part = `ppt/slides/slide${slide}.xml`;
    files[part] = strToU8(strFromU8(files[part]!).replaceAll(SOFT_HYPHEN, ''));
    const found = checkDeck(zipSync(files), { minBodySize: 12 }).filter((f) => f.rule === 'whole-words');
    expect(found).toEqual([
      expect.objectContaining({ slide, element: `Service ${long}`, field: 'strategy.yaml model.services' }),
    ]);
    expect(found[0]!.message).toContain(`«${long}»`);
  });
});

describe.skipIf(missingTool('LibreOffice', hasSoffice) || missingTool('pdftotext', hasPdftotext))(
  'the PDF LibreOffice makes',
  () => {
    it('has every word of the decks whole, or hyphenated at a soft hyphen (a service too long for any box too)', async () => {
      const root = copyProject();
      rmSync(path.join(root, 'data'), { recursive: true });
      cpSync(path.join(REPO, DATA), path.join(root, 'data'), { recursive: true });
      editFile(root, 'data/strategy.yaml', 'nn: Sakshandsaming,', 'nn: Samhandlingsreformkoordineringskontoret,');
      const long = await buildDecks({ root, decks: ['alle'] });
      const decks = [...built.decks, ...long.decks];
      const written = await exportPdfs(decks.map((d) => ({ pptx: d.file })));
      for (const [i, pdf] of written.entries()) {
        expect(brokenWordsInPdf(pdf.file, decks[i]!.file), pdf.file).toEqual([]);
      }
      // LibreOffice broke the long word at one of its soft hyphens, with a hyphen drawn.
      const text = execFileSync('pdftotext', [written[2]!.file, '-'], { encoding: 'utf8' }).replace(
        /\u00ad(?!\s)/g,
        '',
      );
      expect(text).toMatch(/Samhandlings?\S*[\u00ad-]\s*\n\S+/);
    }, 180_000);
  },
);
