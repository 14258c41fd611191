/**
 * The action-plan slide: every column as wide as its longest word, the 'only' mode's own
 * message when no row concerns the audience, and the legend only on slides with marked rows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { buildDecks } from '../src/build-deck.js';
import { measureWidth, WIDTH_SAFETY } from '../src/layout/measure-text.js';
import { EMU_PER_INCH, ptToInch } from '../src/units.js';
import { CELL_INSETS, columnWidths } from '../src/slides/plan.js';
import { cellRuns } from '../src/layout/fit-table.js';
import { arrangedPlan } from '../src/slides/plan-columns.js';
import type { PlanContent } from '../src/slides/plan-content.js';
import { copyProject, editFile } from './helpers/project.js';
import { readPptx, textsOf, type PptxParts } from './helpers/pptx-zip.js';

/** The page's body starts 1.6 in from the top (layout/page.ts). */
const BODY_Y = 1.6 * EMU_PER_INCH;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

interface PlanTable {
  slide: number;
  /** Every text on the slide, the legend's too. */
  slideTexts: string[];
  /** EMU. */
  y: number;
  frameWidth: number;
  gridCols: number[];
  rows: { cells: string[]; marked: boolean; size: number }[];
}

/** The "Action plan" tables of a deck, slide by slide; rows without the header. */
function planTables(p: PptxParts): PlanTable[] {
  const tables: PlanTable[] = [];
  for (let slide = 1; slide <= p.slideCount(); slide++) {
    const xml = p.slideXml(slide);
    const frame = /<p:graphicFrame>(?:(?!<\/p:graphicFrame>)[\s\S])*?name="Action plan"[\s\S]*?<\/p:graphicFrame>/.exec(
      xml,
    )?.[0];
    if (!frame) continue;
    const [, y = '0', cx = '0'] = /<a:off x="\d+" y="(\d+)"\/><a:ext cx="(\d+)"/.exec(frame) ?? [];
    tables.push({
      slide,
      slideTexts: p.slideTexts(slide),
      y: Number(y),
      frameWidth: Number(cx),
      gridCols: [...frame.matchAll(/<a:gridCol w="(\d+)"/g)].map((m) => Number(m[1])),
      rows: [...frame.matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].slice(1).map((m) => ({
        cells: [...m[0].matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].map((c) => textsOf(c[0]).join(' ')),
        marked: /<a:rPr[^>]*\bb="1"/.test(m[0]),
        size: Number(/<a:rPr[^>]*\bsz="(\d+)"/.exec(m[0])?.[1] ?? 0) / 100,
      })),
    });
  }
  return tables;
}

/** Width in EMU a column needs so `word` fits on one line of it (what layout/measure-text.ts fills to). */
const neededEmu = (word: string, size: number, bold: boolean): number =>
  (ptToInch(measureWidth(word, { face: 'Calibri', size, bold }) * WIDTH_SAFETY) +
    CELL_INSETS.left +
    CELL_INSETS.right) *
  EMU_PER_INCH;

function editStrategy(
  root: string,
  edit: (plan: Array<Record<string, unknown>>) => Array<Record<string, unknown>>,
): void {
  const file = path.join(root, 'data', 'strategy.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const { actionPlan } = doc.toJS() as { actionPlan: Array<Record<string, unknown>> };
  doc.set('actionPlan', doc.createNode(edit(actionPlan)));
  writeFileSync(file, doc.toString());
}

describe('columnWidths', () => {
  const insets = CELL_INSETS;
  const total = 12.133;
  /** Widest words per column in points at 1 pt: short words that fit any column. */
  const short = [4, 4, 4, 4, 2];

  it('keeps the weights (22, 30, 23, 14, 11) when every word fits, and sums to the width', () => {
    const widths = columnWidths(total, short, 16, insets);
    expect(widths.map((w) => w / total)).toEqual([0.22, 0.3, 0.23, 0.14, 0.11].map((f) => expect.closeTo(f, 9)));
    expect(sum(widths)).toBe(total);
  });

  it('widens a column to its longest word and shares the rest by weight', () => {
    const widest = [4, 4, 4, 10, 2];
    const widths = columnWidths(total, widest, 16, insets);
    const minimum = ptToInch(10 * 16 * WIDTH_SAFETY) + insets.left + insets.right;
    expect(widths[3]).toBeCloseTo(minimum, 6);
    expect(widths[1]! / widths[0]!).toBeCloseTo(30 / 22, 9);
    expect(sum(widths)).toBe(total);
    // At a smaller size the word is narrower, and so is its column.
    expect(columnWidths(total, widest, 12, insets)[3]).toBeLessThan(widths[3]!);
  });

  it('shares the width in proportion to the minimums when even those do not fit', () => {
    const widest = [20, 20, 20, 20, 20];
    const widths = columnWidths(total, widest, 16, insets);
    expect(widths.every((w) => Math.abs(w - total / 5) < 1e-9)).toBe(true);
    expect(sum(widths)).toBe(total);
  });
});

describe('arrangedPlan: fewer, wider columns where the words do not fit five at the floor', () => {
  const plan = (purpose: string): PlanContent => ({
    title: 'Plan',
    empty: '',
    header: ['Målgruppe', 'Aktivitet', 'Hensikt', 'Ansvar', 'Tid'],
    rows: [
      { cells: ['Ansatte', 'Allmøte', purpose, 'Kommunikasjonsrådgiver', '14.1.'], own: false },
      { cells: ['Ledere', 'Ledermøte', '', 'Rådmann', 'Uke 4 (5)'], own: true },
    ],
  });
  const arranged = (purpose: string, width: number) => arrangedPlan(plan(purpose), width, 10, 'Calibri', 'nb');

  it('keeps five columns where every word fits its column', () => {
    const given = plan('Gi og få innspill');
    expect(arrangedPlan(given, 6, 10, 'Calibri', 'nb')).toBe(given);
  });

  it('shows «Tid» under «Ansvar» first, then «Hensikt» under «Aktivitet», each a line of its own', () => {
    const four = arranged('Gi og få innspill', 4);
    expect(four.header).toEqual(['Målgruppe', 'Aktivitet', 'Hensikt', 'Ansvar\nTid']);
    expect(four.headerItalicFrom).toEqual([undefined, undefined, undefined, 1]);
    expect(four.rows[0]!.cells[3]).toBe('Kommunikasjonsrådgiver\n14.1.');
    // A longer word in «Hensikt»: four columns no longer hold it, three do.
    const three = arranged('Forankre kommunikasjonsstrategien', 4.5);
    expect(three.header).toEqual(['Målgruppe', 'Aktivitet\nHensikt', 'Ansvar\nTid']);
    expect(three.headerItalicFrom).toEqual([undefined, 1, 1]);
    expect(three.rows.map((r) => r.cells[1])).toEqual(['Allmøte\nForankre kommunikasjonsstrategien', 'Ledermøte']);
    expect(JSON.stringify(three)).not.toContain('\u00ad');
  });

  it('sets the lower column in italic by its line, not as "the second": an empty «Ansvar», an activity of two lines', () => {
    // On c06bb7d a row without «Ansvar» showed its date upright as the cell's first line, where «Ansvar» stands, and an
    // activity written on two lines had its own second line set in italic as if it were «Hensikt».
    const withRow = (cells: string[]): PlanContent => {
      const given = plan('Forankre kommunikasjonsstrategien');
      return { ...given, rows: [...given.rows, { cells, own: false }] };
    };
    const four = arrangedPlan(withRow(['Ledere', 'Ledermøte', 'Gi', '', '28.1.']), 4, 10, 'Calibri', 'nb');
    expect(four.header.at(-1)).toBe('Ansvar\nTid');
    const dateOnly = four.rows.at(-1)!;
    expect(cellRuns({ text: dateOnly.cells.at(-1)!, italicFrom: dateOnly.italicFrom?.at(-1) })).toEqual([
      { text: '28.1.', bold: undefined, italic: true },
    ]);
    const three = arrangedPlan(
      withRow(['Ledere', 'Ledermøte\nog allmøte', 'Gi', 'Rådmann', '28.1.']),
      4.5,
      10,
      'Calibri',
      'nb',
    );
    expect(three.header).toEqual(['Målgruppe', 'Aktivitet\nHensikt', 'Ansvar\nTid']);
    const twoLines = three.rows.at(-1)!;
    expect(cellRuns({ text: twoLines.cells[1]!, italicFrom: twoLines.italicFrom?.[1] })).toEqual([
      { text: 'Ledermøte\nog allmøte\n', bold: undefined },
      { text: 'Gi', bold: undefined, italic: true },
    ]);
  });

  it('hyphenates only where no arrangement holds every word', () => {
    const narrow = arranged('Forankre kommunikasjonsstrategien', 3.5);
    expect(narrow.header).toHaveLength(3);
    expect(JSON.stringify(narrow)).toContain('\u00ad');
  });
});

describe('the plan slide', () => {
  it.each([
    {
      name: 'nb, regular rows',
      deck: 'strategi',
      language: undefined,
      tableSize: undefined,
      responsible: 'Kommunikasjonsavdelingen',
    },
    // Marked rows are bold (wider); a larger table size gives wider words.
    {
      name: 'en, marked row, 18 pt table',
      deck: 'ansatte',
      language: 'en',
      tableSize: 18,
      responsible: 'Trøndelag fylkeskommunes kommunikasjonsenhet',
    },
  ])('$name: the Ansvar column is as wide as its longest word', async ({ deck, language, tableSize, responsible }) => {
    const root = copyProject();
    editFile(root, 'data/strategy.yaml', 'responsible: Enhetsledere', `responsible: ${responsible}`);
    if (language) editFile(root, `data/decks/${deck}.yaml`, /^slides:/m, `language: ${language}\nslides:`);
    if (tableSize) editFile(root, 'data/theme.yaml', /table: 16/, `table: ${tableSize}`);
    const built = await buildDecks({ root, decks: [deck] });
    const [table] = planTables(readPptx(built.decks[0]!.file));
    const row = table!.rows.find((r) => r.cells[3] === responsible)!;
    for (const word of responsible.split(' '))
      expect(table!.gridCols[3], word).toBeGreaterThanOrEqual(neededEmu(word, row.size, row.marked));
    expect(Math.abs(sum(table!.gridCols) - table!.frameWidth)).toBeLessThanOrEqual(5);
  });

  it.each([
    { language: 'nb', text: 'Ingen aktiviteter i planen gjelder Samkommunestyret ennå.' },
    { language: 'nn', text: 'Ingen aktivitetar i planen gjeld Samkommunestyret enno.' },
    { language: 'en', text: 'No activities in the plan concern Samkommunestyret yet.' },
  ])(
    "$language: 'only' with no row for the audience says so, not that the plan is empty",
    async ({ language, text }) => {
      const root = copyProject();
      const file = 'data/decks/samkommunestyre.yaml';
      editFile(root, file, 'groups: [politikere]', 'groups: [media]');
      editFile(root, file, /\n {2}planRow: samkommunestyret/, '');
      editFile(root, file, /^slides:/m, `language: ${language}\nslides:`);
      const built = await buildDecks({ root, decks: ['samkommunestyre'] });
      const p = readPptx(built.decks[0]!.file);
      const texts = Array.from({ length: p.slideCount() }, (_, i) => p.slideTexts(i + 1)).flat();
      expect(texts).toContain(text);
      expect(planTables(p)).toHaveLength(0);
    },
  );

  it('shows the legend only on slides with marked rows; the others start at the top of the body', async () => {
    const root = copyProject();
    // The seed plan has 7 rows, 2 of them for leaders; 23 more for the media make 30.
    editStrategy(root, (plan) => [
      ...plan,
      ...Array.from({ length: 23 }, (_, i) => ({
        audience: 'Media',
        groups: ['media'],
        activity: `Pressemelding ${i + 1} om samkommunen, med kontaktperson og bakgrunnsstoff`,
        purpose: 'Informere om status og vedtak',
        responsible: 'Kommunikasjonsrådgiver',
        when: `Uke ${6 + i}`,
      })),
    ]);
    const built = await buildDecks({ root, decks: ['storledermote'] });
    const tables = planTables(readPptx(built.decks[0]!.file));
    const legend = 'Uthevet: rader som gjelder Ledere og tillitsvalgte i ISK og morkommunene';

    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(tables.flatMap((t) => t.rows)).toHaveLength(30);
    expect(tables.flatMap((t) => t.rows).filter((r) => r.marked)).toHaveLength(2);
    for (const table of tables) {
      const marked = table.rows.some((r) => r.marked);
      expect(table.slideTexts.includes(legend), `slide ${table.slide}`).toBe(marked);
      if (marked) expect(table.y).toBeGreaterThan(BODY_Y);
      else expect(table.y).toBe(BODY_Y);
    }
    expect(tables[0]!.rows.slice(0, 2).every((r) => r.marked)).toBe(true);
  });
});
