/**
 * Tables written by table-xml.ts give the bytes pptxgenjs's own table code and the finishing
 * stage gave (issue #27, fifteenth round). The bundled project's decks are laid out in process,
 * on the built-in design and on a template (whose theme colours become scheme colours), and
 * every table is replaced by generated ones: empty cells, texts of only spaces, long Norwegian
 * text with æøå, the XML specials `& < > " '`, line ends (a text ending in one stays one run in
 * pptxgenjs), bold and colours set or not, fills set, empty or not, banded or not, rows of
 * height 0, and a table over several slides with two on one slide. Each deck is written both ways
 * (`writePptx(…, { tables: 'pptxgenjs' })` is the reference) and finished with the deck's
 * structure, then every part is compared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../src/data/load-project.js';
import { deckPage, layoutDeck } from '../src/deck/layout-deck.js';
import { placeImages } from '../src/deck/place-images.js';
import type { LaidOutDeck, SlideElement, TableCell, TableElement } from '../src/layout/types.js';
import { resolveDeck } from '../src/plan/resolve-deck.js';
import { finishDeck } from '../src/pptx/finish-package.js';
import { tableXml } from '../src/pptx/table-xml.js';
import { writePptx } from '../src/pptx/write-pptx.js';
import { builtInDesign, deckStructure, footerText, prepareDesign } from '../src/template/deck-design.js';
import { copyProjectInto, copyProjectOnTemplate } from './helpers/project-copy.js';
import { onTemplate, syntheticStrategy } from './helpers/strategy-corpus.js';
import { libreOfficeTemplates } from './helpers/template-corpus.js';
import { hasSoffice } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-table-xml-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

const TEMPLATE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures/templates/dark-dejavu.potx');

interface Built {
  deck: LaidOutDeck;
  finish: (deck: LaidOutDeck, tables: 'own' | 'pptxgenjs') => Promise<Map<string, string>>;
}

/** The project's deck `id` laid out in process, and how to write and finish a variant of it. */
async function laidOut(root: string, id: string): Promise<Built> {
  const loaded = await loadProject({ root });
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('; '));
  const source = loaded.value.decks.find((d) => d.deck.id === id)!;
  const prepared = await prepareDesign(root, resolveDeck(loaded.value, source));
  if (!prepared.ok) throw new Error(prepared.issues.map((i) => i.message).join('; '));
  const { plan, place } = prepared.value;
  const laid = layoutDeck(plan, place);
  if (!laid.ok) throw new Error(laid.issues.map((i) => i.message).join('; '));
  const placed = await placeImages(laid.value, { projectRoot: root });
  if (!placed.ok) throw new Error(placed.issues.map((i) => i.message).join('; '));
  const deck = placed.value.deck;
  const design =
    prepared.value.design ??
    builtInDesign(plan.theme, deckPage(plan), { footerText: footerText(deck), date: plan.properties.date });
  return {
    deck,
    finish: async (variant, tables) => {
      const finished = finishDeck(
        await writePptx(variant, { tables }),
        plan.properties,
        deckStructure(design, variant),
      );
      const parts = unzipSync(finished.bytes);
      return new Map(Object.entries(parts).map(([name, bytes]) => [name, strFromU8(bytes)]));
    },
  };
}

const TEXTS = [
  '',
  ' ',
  'Kommunikasjonsrådgiver',
  'Søknad om støtte til økt bærekraft i skjærgården, åpent møte for alle',
  'Ærlig, øyeblikkelig og åpen informasjon til innbyggerne i Øvre Årdal og Ålesund.',
  'A & B < C > D "sitat" og \'apostrof\'',
  'linje én\nlinje to',
  'slutter med linjeskift\n',
  '\n',
  'a\r\nb\n\nc',
  'tabulator\tog\u00a0hardt mellomrom',
  '&amp; er ikke en entitet her',
  '0',
];
const COLORS = ['1F1F1F', 'ffffff', 'C00000', '#336699'];

const cellOf = fc.record(
  {
    text: fc.constantFrom(...TEXTS),
    bold: fc.boolean(),
    color: fc.constantFrom(...COLORS),
    fill: fc.constantFrom('', 'F2F2F2', 'DDE5EE'),
    // A stacked cell's lower column in italic from this line (slides/plan-columns.ts), also past the last line.
    italicFrom: fc.constantFrom(0, 1, 2, 3),
  },
  { requiredKeys: ['text'] },
) as fc.Arbitrary<TableCell>;

/** A table like `like` (its place, style and colours) with `columns` columns and `rows` generated rows. */
function tableOf(like: TableElement, columns: number, rows: TableCell[][], extra: Partial<TableElement>): TableElement {
  const width = like.box.w / columns;
  return {
    ...like,
    columnWidths: Array.from({ length: columns }, (_, i) =>
      i === 0 ? width + 0.123456 : width - 0.123456 / (columns - 1 || 1),
    ),
    // Every other header cell stacked: its lines from the second on in italic.
    header: Array.from({ length: columns }, (_, i) => ({
      text: TEXTS[(i + 2) % TEXTS.length]!,
      ...(i % 2 === 1 ? { italicFrom: 1 } : {}),
    })),
    rows: rows.map((r) => r.slice(0, columns)),
    rowHeights: [0.32, ...rows.map((_, i) => (i % 5 === 4 ? 0 : 0.25 + i / 97))],
    ...extra,
  };
}

const variantOf = fc.record({
  columns: fc.integer({ min: 1, max: 6 }),
  rows: fc.array(fc.array(cellOf, { minLength: 6, maxLength: 6 }), { minLength: 0, maxLength: 9 }),
  bandFill: fc.constantFrom(undefined, '', 'EEF2F6'),
  rowFill: fc.constantFrom(undefined, 'FFFFFF'),
  headerFill: fc.constantFrom('1F3864', 'ffffff', ''),
  headerColor: fc.constantFrom('FFFFFF', ''),
  second: fc.boolean(),
});

/** The deck with every table replaced: `variants` in turn, a second table on the slide when asked. */
type Variant = typeof variantOf extends fc.Arbitrary<infer V> ? V : never;

function withTables(deck: LaidOutDeck, variants: Variant[]): LaidOutDeck {
  let k = 0;
  return {
    ...deck,
    slides: deck.slides.map((slide) => ({
      ...slide,
      elements: slide.elements.flatMap((e): SlideElement[] => {
        if (e.type !== 'table') return [e];
        const v = variants[k++ % variants.length]!;
        const { columns, rows, second, ...looks } = v;
        const table = tableOf(e, columns, rows, looks);
        return second
          ? [table, { ...table, name: `${e.name} 2 & <mer>`, rows: table.rows.slice().reverse() }]
          : [table];
      }),
    })),
  };
}

function expectSameParts(own: Map<string, string>, reference: Map<string, string>): void {
  expect([...own.keys()]).toEqual([...reference.keys()]);
  // Slides first: docProps/custom.xml holds a hash of them, which would name no place.
  const slidesFirst = [...reference].sort(
    ([a], [b]) => Number(!a.startsWith('ppt/slides/')) - Number(!b.startsWith('ppt/slides/')),
  );
  for (const [name, xml] of slidesFirst) {
    const mine = own.get(name)!;
    if (mine === xml) continue;
    let at = 0;
    while (mine[at] === xml[at]) at++;
    expect.fail(
      `${name} differs at ${at}: ${JSON.stringify(mine.slice(at - 80, at + 80))} ≠ ${JSON.stringify(xml.slice(at - 80, at + 80))}`,
    );
  }
}

describe('table XML written by Trappa', () => {
  const projects: Record<string, { root: () => Promise<string>; deck: string; skip?: boolean }> = {
    'the built-in design': {
      root: async () => copyProjectInto(mkdtempSync(path.join(work, 'p-'))),
      deck: 'storledermote',
    },
    'a template (scheme colours, theme fonts)': {
      root: async () => copyProjectOnTemplate(mkdtempSync(path.join(work, 't-')), TEMPLATE),
      deck: 'storledermote',
    },
    // The plan beside Yellow_Idea's bulb: five columns do not fit, «Tid» and «Hensikt» are stacked in italic.
    'a template whose plan is stacked (20 synthetic rows on Yellow_Idea)': {
      root: async () => {
        const file = (await libreOfficeTemplates()).find((f) => path.basename(f) === 'Yellow_Idea.potx');
        if (!file) throw new Error('Yellow_Idea.potx is not in the corpus');
        return onTemplate(await syntheticStrategy(work, 20), file, mkdtempSync(path.join(work, 'y-')));
      },
      deck: 'alt',
      skip: !hasSoffice,
    },
  };
  for (const [where, project] of Object.entries(projects)) {
    it.skipIf(project.skip)(
      `gives pptxgenjs's and the finishing stage's bytes, on ${where}`,
      async () => {
        const built = await laidOut(await project.root(), project.deck);
        expect(built.deck.slides.some((s) => s.elements.some((e) => e.type === 'table'))).toBe(true);
        // The deck as laid out, then generated tables (fast-check, a fixed seed: CI and a laptop see the same cases).
        const own = await built.finish(built.deck, 'own');
        expectSameParts(own, await built.finish(built.deck, 'pptxgenjs'));
        const tables = [...own.values()].flatMap((xml) => xml.match(/<a:tbl>[\s\S]*?<\/a:tbl>/g) ?? []).join('');
        // What the finishing passes make of the pieces: the header row, the language, and on the template theme fonts and colours.
        expect(tables).toContain('<a:tblPr firstRow="1" bandRow="1"/>');
        expect(tables).toContain('<a:rPr lang="nb-NO" sz=');
        if (where.startsWith('a template'))
          expect(tables).toMatch(/<a:latin typeface="\+m[nj]-lt"\/>[\s\S]*<a:schemeClr /);
        // A stacked plan's lower lines in italic, «Tid» under «Ansvar» in the header.
        if (where.includes('stacked'))
          expect(tables).toMatch(/<a:rPr [^>]* i="1"[^>]*>(?:(?!<\/a:r>)[\s\S])*<a:t>Tid<\/a:t>/);
        const samples = fc.sample(fc.array(variantOf, { minLength: 1, maxLength: 4 }), { numRuns: 12, seed: 27 });
        let italic = 0;
        for (const variants of samples) {
          const deck = withTables(built.deck, variants);
          const variant = await built.finish(deck, 'own');
          expectSameParts(variant, await built.finish(deck, 'pptxgenjs'));
          italic += [...variant.values()].filter((xml) => / i="1"/.test(xml)).length;
        }
        expect(italic).toBeGreaterThan(0);
      },
      120_000,
    );
  }

  it('finishes each distinct piece once, not each cell', () => {
    const cell = { text: 'x' };
    const table: TableElement = {
      type: 'table',
      name: 'Plan',
      box: { x: 1, y: 1, w: 4, h: 2 },
      columnWidths: [2, 2],
      header: [cell, cell],
      rows: Array.from({ length: 200 }, () => [cell, { text: 'y', bold: true }]),
      rowHeights: Array.from({ length: 201 }, () => 0.3),
      style: {
        fontFace: 'Calibri',
        fontSize: 10,
        color: '000000',
        align: 'left',
        valign: 'top',
        lineSpacing: 1,
        insets: { left: 0.08, right: 0.08, top: 0.05, bottom: 0.05 },
      },
      headerFill: '1F3864',
      headerColor: 'FFFFFF',
      bandFill: 'EEEEEE',
      borderColor: 'BFBFBF',
    };
    const seen: string[] = [];
    const xml = tableXml(table, 'nb-NO', (piece) => {
      seen.push(piece);
      return piece;
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeLessThan(12);
    expect(xml.match(/<a:tc>/g)).toHaveLength(402);
  });
});
