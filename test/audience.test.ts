/** One strategy, every audience: the bundled decks differ where their definitions say they do. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuildResult } from '../src/build-deck.js';
import { copyProject, editFile, REPO } from './helpers/project.js';
import { frameText } from '../src/check/read-text.js';
import { readPptx, type PptxParts } from './helpers/pptx-zip.js';

let result: BuildResult;
const decks = new Map<string, PptxParts>();

beforeAll(async () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'trappa-aud-'));
  result = await buildDecks({ root: REPO, outDir });
  for (const d of result.decks) decks.set(d.deckId, readPptx(d.file));
  return () => rmSync(outDir, { recursive: true, force: true });
});

const deck = (id: string): PptxParts => decks.get(id)!;
const allTexts = (p: PptxParts): string[] =>
  Array.from({ length: p.slideCount() }, (_, i) => p.slideTexts(i + 1)).flat();
const slideTitled = (p: PptxParts, title: string): number => {
  for (let n = 1; n <= p.slideCount(); n++)
    if (p.slideTexts(n)[0] === title || p.slideTexts(n).includes(title)) return n;
  return -1;
};
/** Rows of the first table on a slide: cell texts, and whether the row is marked (bold). */
function tableRows(p: PptxParts, slide: number): { cells: string[]; marked: boolean }[] {
  const table = p.tables(slide)[0];
  if (!table) throw new Error(`slide ${slide} has no table`);
  return table.rows.slice(1).map((row) => ({
    cells: row.cells.map((c) => frameText(c.text).replace(/\n/g, ' ')),
    marked: row.cells.some((c) => c.text.paragraphs.some((para) => para.runs.some((r) => r.bold))),
  }));
}

describe('audience decks', () => {
  it('builds a deck per definition, each with its own file name (deck, version, date)', () => {
    expect(result.decks.map((d) => path.basename(d.file)).sort()).toEqual([
      'ansatte-v0.2-2004-01-28.pptx',
      'samkommunestyre-v0.2-2004-01-29.pptx',
      'storledermote-v0.2-2004-02-04.pptx',
      'strategi-v0.2-2004-01-26.pptx',
    ]);
  });

  it('the title slide names the meeting, its date and place', () => {
    expect(deck('storledermote').slideTexts(1)).toContain('Storledermøte · 4. februar 2004 · Levanger rådhus');
    expect(deck('samkommunestyre').slideTexts(1)).toContain('Samkommunestyre · 29. januar 2004 · Verdal rådhus');
    expect(deck('ansatte').slideTexts(1)).toContain('Allmøte for ansatte i Verdal og Levanger · 28. januar 2004');
  });

  it('audience-specific slides are present only where defined', () => {
    expect(slideTitled(deck('samkommunestyre'), 'Saker til beslutning')).toBeGreaterThan(0);
    expect(slideTitled(deck('samkommunestyre'), 'Endringer siden forrige versjon')).toBeGreaterThan(0);
    expect(slideTitled(deck('ansatte'), 'Hva endres for meg?')).toBeGreaterThan(0);
    expect(slideTitled(deck('ansatte'), 'Hvem kan jeg spørre?')).toBeGreaterThan(0);
    for (const other of ['storledermote', 'ansatte', 'strategi'])
      expect(slideTitled(deck(other), 'Saker til beslutning')).toBe(-1);
    for (const other of ['storledermote', 'samkommunestyre', 'strategi'])
      expect(slideTitled(deck(other), 'Hva endres for meg?')).toBe(-1);
    // Politicians and staff do not get the staircase; leaders do.
    expect(allTexts(deck('samkommunestyre'))).not.toContain('Kommunikasjonstrappa');
    expect(allTexts(deck('storledermote'))).toContain('Kommunikasjonstrappa');
  });

  it('speaker notes differ by audience', () => {
    const notesOfTitle = ['storledermote', 'samkommunestyre', 'ansatte'].map((id) => deck(id).notesText(1));
    expect(notesOfTitle[0]).toContain('Målet i dag er å ferdigstille strategien');
    expect(notesOfTitle[0]).toContain('versjon 0.2');
    expect(notesOfTitle[1]).toContain('Orientering om status');
    expect(new Set(notesOfTitle).size).toBe(3);
  });

  it('the plan marks the audience rows first (mark), or shows only them (only)', () => {
    const leaders = tableRows(
      deck('storledermote'),
      slideTitled(deck('storledermote'), 'Kommunikasjonsplanen – dette gjelder ledere og tillitsvalgte'),
    );
    expect(leaders.slice(0, 2).every((r) => r.marked)).toBe(true);
    expect(leaders.slice(2).some((r) => r.marked)).toBe(false);
    expect(leaders[1]?.cells[1]).toBe('Storledermøte');
    expect(leaders).toHaveLength(7);

    const council = tableRows(
      deck('samkommunestyre'),
      slideTitled(deck('samkommunestyre'), 'Arbeidet med kommunikasjonsplan – nærmeste tid'),
    );
    expect(council.map((r) => r.cells[0])).toEqual([
      'Politikere L. og V.',
      'Politikere L. og V.',
      'Politikere L. og V.',
    ]);

    const all = tableRows(
      deck('strategi'),
      slideTitled(deck('strategi'), 'Arbeidet med kommunikasjonsplan – nærmeste tid'),
    );
    expect(all.some((r) => r.marked)).toBe(false);
  });

  // Issue #23: this was «ANDRE MÅLGRUPPER» (2) under the high priority and «(forts.)» (10) beside it.
  it('each target-group list stands whole in a column of its own, not two of twelve continued beside', () => {
    const p = deck('strategi');
    const texts = p.slideTexts(slideTitled(p, 'Målgrupper – vinter 2004'));
    const headings = texts.filter((t) => /MÅLGRUPPER|PRIORITERTE/.test(t));
    expect(headings).toEqual(['HØYEST PRIORITERTE', 'ANDRE MÅLGRUPPER']);
  });

  it("the target-group slide marks the audience's own groups", () => {
    const xml = deck('samkommunestyre').slideXml(slideTitled(deck('samkommunestyre'), 'Målgrupper – vinter 2004'));
    const run = /<a:r><a:rPr[^>]*><[\s\S]*?<a:t>Politikere i Levanger og Verdal<\/a:t>/.exec(xml)?.[0] ?? '';
    expect(run).toMatch(/b="1"/);
    expect(run).toContain('<a:highlight>');
    // The legend names the marked groups themselves (issue #12), not the audience.
    expect(xml).toContain('Markert: Politikere i Levanger og Verdal');
  });

  it('core properties carry the deck title, audience, version and revision', () => {
    const core = deck('storledermote').text('docProps/core.xml');
    expect(core).toContain('<dc:title>Kommunikasjonsstrategi Innherred Samkommune – Storledermøte</dc:title>');
    expect(core).toContain('<dc:subject>Ledere og tillitsvalgte i ISK og morkommunene</dc:subject>');
    expect(core).toMatch(/<cp:version>0\.2<\/cp:version>|0\.2/);
    expect(core).toContain('<cp:revision>2</cp:revision>');
  });
});

describe('deck languages', () => {
  it.each([
    { language: 'nn', tag: 'nn-NO', title: 'Kva? – Kvifor?', date: '4. februar 2004' },
    { language: 'en', tag: 'en-GB', title: 'What? – Why?', date: '4 February 2004' },
  ])('$language: labels, dates and the language tag of every run', async ({ language, tag, title, date }) => {
    const root = copyProject();
    editFile(root, 'data/decks/storledermote.yaml', 'slides:', `language: ${language}\nslides:`);
    const built = await buildDecks({ root, decks: ['storledermote'] });
    const p = readPptx(built.decks[0]!.file);
    expect(allTexts(p)).toContain(title);
    expect(p.slideTexts(1).join(' ')).toContain(date);
    for (let n = 1; n <= p.slideCount(); n++) {
      for (const rPr of p.slideXml(n).match(/<a:rPr\b[^>]*>/g) ?? []) expect(rPr).toContain(`lang="${tag}"`);
    }
  });
});
