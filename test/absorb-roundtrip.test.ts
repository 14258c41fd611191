/**
 * The round trip on generated strategies: build, edit words in the deck as PowerPoint writes
 * an edit (in the slide XML), absorb, build again. Every edited text is on the slide where it
 * was edited, and every slide not edited is byte for byte what it was (slides continued from
 * one planned slide count as one: a continued table shares its column widths). Then the same with the
 * edited deck saved again by LibreOffice, which drops the source tags and renames placeholders.
 *
 * ABSORB_RUNS (default 2) and ABSORB_LO_RUNS (default 1) set how many strategies; PROPS_SEED the seed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absorbDeck } from '../src/absorb/absorb.js';
import { readDeckTexts } from '../src/absorb/read-texts.js';
import { buildDecks } from '../src/build-deck.js';
import { escapeXml } from '../src/ooxml/escape.js';
import { convertManyWithSoffice } from '../src/post/soffice.js';
import { type GeneratedProject, projectArbitrary, writeProject } from './generators/strategy.js';
import { editRun, openDeck, type Parts, saveDeck, slideParts } from './helpers/edit-pptx.js';
import { REPO } from './helpers/project.js';
import { hasSoffice, missingTool } from './helpers/tools.js';

const RUNS = Number(process.env.ABSORB_RUNS ?? 2);
const LO_RUNS = Number(process.env.ABSORB_LO_RUNS ?? 1);
const SEED = Number(process.env.PROPS_SEED ?? 2026);

/** Words of the generator, by length: an edit swaps a word for another of the same length, so the text still fits as it did. */
const SWAPS: Record<string, string> = {
  kommune: 'tjenest',
  plan: 'fjord',
  helse: 'fjord',
  fjord: 'helse',
  skoler: 'kultur',
  kultur: 'skoler',
  ledere: 'dialog',
  dialog: 'ledere',
  felles: 'tydeli',
  budskap: 'kvalite',
  ansatte: 'oppvekt',
  oppvekst: 'økonomis',
};

interface PlannedEdit {
  slide: number;
  paragraph: string;
  from: string;
  to: string;
}

const slideXml = (bytes: Uint8Array): string[] => {
  const parts = openDeck(bytes);
  return slideParts(parts).map((p) => new TextDecoder().decode(parts.get(p)));
};

/**
 * Paragraphs that are one data string, appear once in the deck (not also inside another text,
 * such as a footer with the strategy's name), and hold a word that can be swapped.
 */
function candidates(bytes: Uint8Array, data: unknown): PlannedEdit[] {
  const strings = new Set(
    JSON.stringify(data)
      .match(/"(?:[^"\\]|\\.)*"/g)!
      .map((s) => JSON.parse(s) as string),
  );
  const deck = readDeckTexts(bytes);
  const all = deck.slides.flatMap((s) =>
    s.elements.flatMap((e) => (e.kind === 'text' ? e.paragraphs : e.rows.flat())).map((p) => ({ slide: s.number, p })),
  );
  const xml = slideXml(bytes);
  // Shown once, and named nowhere on another slide (a member's name also names its logo on the title slide).
  const elsewhere = (p: string, slide: number): boolean =>
    xml.some((x, i) => i + 1 !== slide && x.includes(escapeXml(p)));
  return all.flatMap(({ slide, p }) => {
    if (!strings.has(p) || all.filter((o) => o.p.includes(p)).length !== 1 || elsewhere(p, slide)) return [];
    const word = p.split(/\s+/).find((w) => SWAPS[w.toLowerCase()] && w === w.toLowerCase());
    return word ? [{ slide, paragraph: p, from: word, to: SWAPS[word]! }] : [];
  });
}

function applyEdits(bytes: Uint8Array, edits: PlannedEdit[]): Uint8Array {
  const parts: Parts = openDeck(bytes);
  for (const e of edits) editRun(parts, e.slide, e.from, e.to, e.paragraph);
  return saveDeck(parts);
}

async function roundTrip(project: GeneratedProject, pick: number[], viaLibreOffice: boolean): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'trappa-absorb-'));
  try {
    writeProject(root, REPO, project);
    const first = (await buildDecks({ root, decks: ['generert'], check: false })).decks[0]!;
    const original = new Uint8Array(readFileSync(first.file));
    const all = candidates(original, [project.strategy, project.deck]);
    const edits = [
      ...new Map(
        pick
          .map((i) => all[i % Math.max(1, all.length)])
          .filter(Boolean)
          .map((e) => [e!.paragraph, e!]),
      ).values(),
    ];
    if (edits.length === 0) return;
    tried.edits += edits.length;
    let edited = path.join(root, 'edited.pptx');
    writeFileSync(edited, applyEdits(original, edits));
    if (viaLibreOffice) edited = (await convertManyWithSoffice([edited], path.join(root, 'lo'), 'pptx'))[0]!;
    const result = await absorbDeck({ root, file: edited });
    expect(result.origin).toBe('current');
    expect(result.unmapped).toEqual([]);
    expect(result.open).toEqual([]);
    const rebuilt = new Uint8Array(
      readFileSync((await buildDecks({ root, decks: ['generert'], check: false })).decks[0]!.file),
    );
    const before = slideXml(original);
    const after = slideXml(rebuilt);
    expect(after).toHaveLength(before.length);
    const texts = readDeckTexts(rebuilt).slides;
    // A list or table continued over several slides is laid out as one (a table's columns are shared), so
    // every slide of an edited slide's planned slide counts as edited.
    const plannedEdited = new Set(edits.map((e) => first.planned[e.slide - 1]));
    const editedSlides = new Set(first.planned.flatMap((p, i) => (plannedEdited.has(p) ? [i + 1] : [])));
    for (const e of edits) {
      const shown = e.paragraph.replace(e.from, e.to);
      const paragraphs = texts[e.slide - 1]!.elements.flatMap((x) =>
        x.kind === 'text' ? x.paragraphs : x.rows.flat(),
      );
      expect(paragraphs, `slide ${e.slide}`).toContain(shown);
    }
    const changed = before.flatMap((xml, i) =>
      editedSlides.has(i + 1) || after[i] === xml ? [] : [firstDifference(i + 1, xml, after[i]!)],
    );
    expect(changed, `edited: ${JSON.stringify(edits)}`).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Where two versions of a slide part first differ, short enough to read in a failure. */
function firstDifference(slide: number, a: string, b: string): string {
  let i = 0;
  while (a[i] === b[i]) i++;
  return `slide ${slide} at ${i}: …${a.slice(Math.max(0, i - 80), i + 80)}… → …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

/** Edits made over all runs: a run whose strategy offers no editable text proves nothing. */
const tried = { edits: 0 };

const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });

describe('absorb round trip on generated strategies', () => {
  it(`puts every edit where it was made and leaves the other slides byte-identical (${RUNS} strategies)`, async () => {
    tried.edits = 0;
    await fc.assert(
      fc.asyncProperty(projectArbitrary, picks, (project, pick) => roundTrip(project, pick, false)),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(tried.edits).toBeGreaterThan(0);
  }, 300_000);

  it.skipIf(missingTool('LibreOffice', hasSoffice))(
    `the same after LibreOffice saved the edited deck again (${LO_RUNS} strategies)`,
    async () => {
      tried.edits = 0;
      await fc.assert(
        fc.asyncProperty(projectArbitrary, picks, (project, pick) => roundTrip(project, pick, true)),
        { numRuns: LO_RUNS, seed: SEED + 1, endOnFailure: true },
      );
      expect(tried.edits).toBeGreaterThan(0);
    },
    300_000,
  );
});
