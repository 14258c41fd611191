/**
 * The layout defects of issue #12, each reproduced on a strategy of another organisation
 * (test/fixtures/vestfjord: three members, five steps, six services, 19 plan rows, no
 * logos) and asserted on the built decks: their slide XML, read with the check's reader.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuildResult } from '../src/build-deck.js';
import { checkBuiltDeck } from '../src/check/check-deck.js';
import { readDeck } from '../src/check/read-deck.js';
import type { DeckModel, ShapeModel, SlideModel, TableModel } from '../src/check/types.js';
import { bumpStrategyText } from '../src/versions/bump.js';
import { REPO } from './helpers/project.js';
import { readPptx } from './helpers/pptx-zip.js';
import { runMain } from './helpers/in-process.js';

const DATA = 'test/fixtures/vestfjord/data';
let built: BuildResult;
let outDir: string;
const decks = new Map<string, { model: DeckModel; bytes: Uint8Array }>();

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'trappa-quality-'));
  built = await buildDecks({ root: REPO, dataDir: DATA, outDir });
  for (const d of built.decks) decks.set(d.deckId, { model: readDeck(d.bytes), bytes: d.bytes });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const deck = (id: string) => decks.get(id)!;
const titleOf = (s: SlideModel): string => {
  const t = s.elements.find((e) => e.name === 'Title' && e.kind === 'shape') as ShapeModel | undefined;
  return t?.text?.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ') ?? '';
};
const slideTitled = (id: string, prefix: string): SlideModel =>
  deck(id).model.slides.find((s) => titleOf(s).startsWith(prefix))!;
const shape = (s: SlideModel, name: string): ShapeModel => s.elements.find((e) => e.name === name) as ShapeModel;

describe('issue #12 defects on test/fixtures/vestfjord', () => {
  it('passes every rule, design rules included (no near-empty continuation, overlap, edge or legend finding)', () => {
    for (const d of built.decks) {
      const findings = checkBuiltDeck(d.bytes, built.project.theme).filter(
        (f) => f.severity === 'error' || !['title'].includes(f.rule),
      );
      expect(findings, d.deckId).toEqual([]);
    }
  });

  it('makes no continuation slide for a short staircase explanation: it goes to the notes', () => {
    const slides = deck('alle').model.slides;
    expect(slides.map(titleOf).filter((t) => t.startsWith('Kommunikasjonstrappa'))).toEqual(['Kommunikasjonstrappa']);
    const n = slides.findIndex((s) => titleOf(s) === 'Kommunikasjonstrappa') + 1;
    expect(readPptx(deck('alle').bytes).notesText(n)).toContain('Effektiv kommunikasjon krever');
  });

  it('draws the six services as boxes inside the joint body, not as a label on the arrows', () => {
    const model = slideTitled('alle', 'Bilde av VFS');
    const joint = shape(model, 'Joint body').box!;
    const services = model.elements.filter((e) => e.name.startsWith('Service ')) as ShapeModel[];
    expect(services.map((s) => s.name)).toEqual(
      ['Barnevern', 'PPT', 'Innkjøp', 'IKT', 'Landbruk', 'Skatteoppkreving'].map((n) => `Service ${n}`),
    );
    for (const s of services) {
      expect(s.box!.x).toBeGreaterThanOrEqual(joint.x);
      expect(s.box!.x + s.box!.w).toBeLessThanOrEqual(joint.x + joint.w + 1e-6);
      expect(s.box!.y).toBeGreaterThan(joint.y);
      expect(s.box!.y + s.box!.h).toBeLessThanOrEqual(joint.y + joint.h + 1e-6);
      expect(s.text!.paragraphs.flatMap((p) => p.runs).every((r) => !r.italic && (r.size ?? 0) >= 12)).toBe(true);
    }
  });

  it('stresses exactly the words marked with ** in the key sentence, never a leading capital word', () => {
    const runs = shape(slideTitled('alle', 'Bilde av VFS'), 'Emphasis').text!.paragraphs.flatMap((p) => p.runs);
    expect(runs.filter((r) => r.bold).map((r) => r.text)).toEqual(['alle tre kommuner']);
    expect(runs.map((r) => r.text).join('')).toBe(
      'For at samarbeidet skal lykkes, må alle tre kommuner eie det sammen',
    );
  });

  it('bullets the points of a step, spaces them, and pads the step inside', () => {
    const stairs = slideTitled('alle', 'Kommunikasjonstrappa');
    const xml = readPptx(deck('alle').bytes).slideXml(deck('alle').model.slides.indexOf(stairs) + 1);
    const step1 = xml.slice(xml.indexOf('name="Step 1"'), xml.indexOf('</p:sp>', xml.indexOf('name="Step 1"')));
    expect(step1.match(/<a:buChar/g)).toHaveLength(2);
    const step = shape(stairs, 'Step 1');
    expect(step.text!.insets.bottom).toBeGreaterThanOrEqual(0.12);
    expect(step.text!.paragraphs.slice(2).every((p) => p.spaceBefore >= 3)).toBe(true);
  });

  it('draws a plan row that fits on one line one line high, in every deck, and a short plan uses its room', () => {
    const rowOf = (id: string, mode: string, text: string) => {
      const slide = deck(id).model.slides.find(
        (s) => titleOf(s).startsWith(mode) && s.elements.some((e) => e.kind === 'table'),
      )!;
      const table = slide.elements.find((e) => e.kind === 'table') as TableModel;
      return { table, row: table.rows.find((r) => r.cells[1]!.text.paragraphs[0]!.runs[0]?.text === text)! };
    };
    for (const [id, title] of [
      ['alle', 'Arbeidet'],
      ['ledere', 'Arbeidet'],
      ['ledere', 'Hele planen'],
    ] as const) {
      const { row } = rowOf(id, title, 'Lederbrev');
      const size = row.cells[0]!.text.paragraphs[0]!.runs[0]!.size!;
      // One line: 1.2 em plus the cell's top and bottom insets.
      expect(row.height, `${id} ${title}`).toBeCloseTo((size * 1.2) / 72 + 0.1, 2);
    }
    const only = rowOf('ledere', 'Arbeidet', 'Lederbrev');
    expect(only.table.rows).toHaveLength(4);
    expect(only.row.cells[0]!.text.paragraphs[0]!.runs[0]!.size).toBeGreaterThan(built.project.theme.sizes.table);
  });

  it('a plan continued on a second slide grows on both instead of leaving half of each empty', () => {
    const slides = deck('alle').model.slides.filter(
      (s) => titleOf(s).startsWith('Arbeidet') && s.elements.some((e) => e.kind === 'table'),
    );
    expect(slides).toHaveLength(2);
    const { sizes } = built.project.theme;
    for (const slide of slides) {
      const table = slide.elements.find((e) => e.kind === 'table') as TableModel;
      const size = table.rows[1]!.cells[0]!.text.paragraphs[0]!.runs[0]!.size!;
      // Larger than the theme's table size (the old cap for a plan on several slides) …
      expect(size, titleOf(slide)).toBeGreaterThan(sizes.table);
      expect(size).toBeLessThanOrEqual(sizes.body);
      // … and the table takes most of the slide below the title: 19 rows at 16 pt took 55 % and 50 %.
      const tableHeight = table.rows.reduce((sum, r) => sum + r.height, 0);
      expect(tableHeight / (7.5 - table.box!.y), titleOf(slide)).toBeGreaterThan(0.6);
    }
  });

  it('balances the target-group columns and names exactly the marked groups in the legend', () => {
    const slide = slideTitled('ledere', 'Målgrupper');
    const lists = slide.elements.filter((e) => e.name.endsWith(' list') && e.kind === 'shape') as ShapeModel[];
    const columnBottom = (x: number) =>
      Math.max(
        ...slide.elements
          .filter((e) => e.box && Math.abs(e.box.x - x) < 0.01 && /list|Heading/.test(e.name))
          .map((e) => e.box!.y + e.box!.h),
      );
    const xs = [...new Set(lists.map((l) => l.box!.x))];
    expect(xs).toHaveLength(2);
    const [a, b] = xs.map(columnBottom) as [number, number];
    expect(Math.abs(a - b)).toBeLessThan(0.8);
    const legend = shape(slide, 'Legend')
      .text!.paragraphs.map((p) => p.runs.map((r) => r.text).join(''))
      .join('');
    expect(legend).toBe('Markert: Ledere i kommunene, Tillitsvalgte og verneombud');
  });

  it('centres the title block on a title slide without logos instead of leaving an empty lower half', () => {
    const slide = deck('alle').model.slides[0]!;
    const title = shape(slide, 'Title');
    const subtitle = shape(slide, 'Subtitle');
    expect(slide.elements.some((e) => e.name === 'Logo band')).toBe(false);
    const textTop = title.box!.y + title.box!.h - 1.3; // two lines of the 42 pt title
    const textBottom = subtitle.box!.y + 0.5;
    expect(Math.abs(textTop - (7.5 - textBottom))).toBeLessThan(0.3);
  });

  it('lists only the current version\'s changes under "Endringer siden forrige versjon"', () => {
    const n = deck('alle').model.slides.findIndex((s) => titleOf(s).startsWith('Endringer')) + 1;
    const texts = readPptx(deck('alle').bytes).slideTexts(n).join(' | ');
    expect(texts).toContain('Tjenestene beskrevet i modellen');
    expect(texts).not.toContain('Vedtatt av samkommunestyret');
    expect(texts).not.toContain('Nye målgrupper');
  });

  it("bump refuses a date before the previous version's, pointing at it", async () => {
    const text = readFileSync(path.join(REPO, DATA, 'strategy.yaml'), 'utf8');
    expect(() =>
      bumpStrategyText(text, { version: '1.3', date: '2026-01-01', notes: ['x'] }, 'data/strategy.yaml'),
    ).toThrow(
      /^data\/strategy\.yaml:5:7 date: the new version's date 2026-01-01 is earlier than version 1\.2 \(2026-03-02\)/,
    );
    expect(bumpStrategyText(text, { version: '1.3', date: '2026-03-02', notes: ['x'] }).date).toBe('2026-03-02');
  });

  it('bump on the command line: an earlier date is refused with its place; the hint keeps --data and --out', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trappa-bump-'));
    try {
      cpSync(path.join(REPO, DATA), path.join(dir, 'vf'), { recursive: true });
      const early = await runMain(
        ['bump', '1.3', '--note', 'Ny plan', '--date', '2025-12-01', '--data', 'vf', '--out', 'ut'],
        dir,
      );
      expect(early.status).toBe(1);
      expect(early.stderr).toMatch(/vf\/strategy\.yaml:5:7 date: .*earlier than version 1\.2 \(2026-03-02\)/);
      const done = await runMain(
        ['bump', '1.3', '--note', 'Ny plan', '--date', '2026-04-01', '--data', 'vf', '--out', 'ut'],
        dir,
      );
      expect(done.status, done.stderr).toBe(0);
      expect(done.stdout).toContain('build the new version with: trappa build --all --data vf --out ut');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
