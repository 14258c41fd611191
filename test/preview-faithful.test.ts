/**
 * Faithful preview: every text line of every slide of the bundled decks, drawn by the SVG
 * renderer (src/preview-svg), starts where LibreOffice draws it in the PDF of the built
 * .pptx (read with `pdftotext -bbox-layout`): within TOLERANCE_PT, left edge and top.
 *
 * Tolerance 2 pt (0.7 mm): the largest difference seen is 1.7 pt, in centred lines, where
 * LibreOffice kerns ("HVA?") and the renderer places glyphs by their unkerned advances.
 * The same comparison also catches a line broken differently: its first word is then
 * found far from where the SVG puts it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDeck } from '../src/build-deck.js';
import { loadProject, type Project } from '../src/data/load-project.js';
import { layoutDeck } from '../src/deck/layout-deck.js';
import { resolveDeck } from '../src/plan/resolve-deck.js';
import { exportPdfs } from '../src/post/pdf.js';
import { renderSlideSvg } from '../src/preview-svg/render-slide.js';
import { REPO } from './helpers/project.js';
import { pdfWords, svgLines, type TextLine } from './helpers/text-lines.js';

const TOLERANCE_PT = 2;
/** poppler puts a word's top 0.95 em above its baseline (its default ascent; LibreOffice writes Ascent 0). */
const POPPLER_ASCENT_EM = 0.95;

const DECKS = ['strategi', 'ansatte', 'samkommunestyre', 'storledermote'];
let dir: string;
let project: Project;
/** The PDF LibreOffice made of each built deck, by deck id: one LibreOffice run for all of them. */
const pdfs = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'trappa-faithful-'));
  const loaded = await loadProject({ root: REPO });
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
  project = loaded.value;
  const jobs = [];
  for (const deckId of DECKS) {
    const built = await renderDeck(project, resolveDeck(project, findSource(deckId)), { check: false });
    const pptx = path.join(dir, `${deckId}.pptx`);
    writeFileSync(pptx, built.bytes);
    jobs.push({ pptx });
  }
  const written = await exportPdfs(jobs);
  DECKS.forEach((deckId, i) => pdfs.set(deckId, written[i]!.file));
});

const findSource = (deckId: string) => project.decks.find((d) => d.deck.id === deckId)!;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Miss {
  slide: number;
  text: string;
  dx: number;
  dy: number;
}

/** For each SVG line, the PDF word equal to its first word nearest to where the SVG says it is. */
function compare(svg: TextLine[], pdf: TextLine[]): Miss[] {
  return svg.map((line) => {
    const first = line.text.split(' ')[0]!;
    const top = line.y - POPPLER_ASCENT_EM * line.size!;
    const candidates = pdf.filter((w) => w.page === line.page && w.text === first);
    const distance = (w: TextLine): number => Math.hypot(w.x - line.x, w.y - top);
    const best = candidates.sort((a, b) => distance(a) - distance(b))[0];
    return {
      slide: line.page,
      text: line.text,
      dx: best ? best.x - line.x : Infinity,
      dy: best ? best.y - top : Infinity,
    };
  });
}

describe('the SVG preview draws text lines where LibreOffice does', () => {
  it.each(DECKS)('%s: every line within 2 pt', async (deckId) => {
    const laid = layoutDeck(resolveDeck(project, findSource(deckId)));
    if (!laid.ok) throw new Error('layout failed');
    const svg = laid.value.slides.flatMap((slide, i) => svgLines(renderSlideSvg(slide, laid.value.size), i + 1));
    const words = await pdfWords(pdfs.get(deckId)!);
    expect(new Set(words.map((w) => w.page)).size).toBe(laid.value.slides.length);
    expect(svg.length).toBeGreaterThan(laid.value.slides.length * 3);

    const misses = compare(svg, words).filter(
      (m) => !(Math.abs(m.dx) <= TOLERANCE_PT && Math.abs(m.dy) <= TOLERANCE_PT),
    );
    expect(misses).toEqual([]);
  });
});
