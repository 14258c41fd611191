/**
 * How the action plan's five columns are arranged in the width a slide gives the table. Where the
 * longest words do not fit their columns at the theme's floor size, a column is shown as the second
 * line of its neighbour instead («Ansvar» over «Tid», «Aktivitet» over «Hensikt»): fewer, wider
 * columns, not smaller text. Yellow_Idea's ~6-in place beside its bulb had five columns at the 10-pt
 * floor, and «Kommunikasjonsrådgiver», «komm.strategi», «Samarbeidspartnere» were broken at their
 * soft hyphens, which LibreOffice does not draw in a table cell («Kommunikasjonsråd / giver»).
 * Only when no arrangement holds every word are words hyphenated (column-widths.ts).
 */
import { hyphenatedAtFloor, wordsHeld } from './column-widths.js';
import type { PlanContent } from './plan-content.js';

/** A column shown as the second line of the column before it: [kept, shown below it], by the five columns' order. */
type Merge = readonly [number, number];

/** Columns 0–4: Målgruppe, Aktivitet, Hensikt, Ansvar, Tid. */
const RESPONSIBLE_WHEN: Merge = [3, 4];
const ACTIVITY_PURPOSE: Merge = [1, 2];

/**
 * The arrangements tried, in order: the five columns; who and when together (a date is short, its
 * column the first to give up); what and why together; both (three columns).
 */
const ARRANGEMENTS: readonly (readonly Merge[])[] = [
  [],
  [RESPONSIBLE_WHEN],
  [ACTIVITY_PURPOSE],
  [ACTIVITY_PURPOSE, RESPONSIBLE_WHEN],
];

/**
 * A merged cell: the upper text, then the lower one from the line `italicFrom` on (each only when it
 * says something). The line is counted, not taken as "the second": an upper text may be empty (a row
 * without «Ansvar» would show its date where the responsible stands) or have lines of its own.
 */
function joined(upper: string, lower: string): { text: string; italicFrom?: number } {
  if (lower === '') return { text: upper };
  if (upper === '') return { text: lower, italicFrom: 0 };
  return { text: `${upper}\n${lower}`, italicFrom: upper.split('\n').length };
}

/** The plan with each merge's second column shown under its first, header and cells alike. */
function merged(content: PlanContent, merges: readonly Merge[]): PlanContent {
  if (merges.length === 0) return content;
  const below = new Set(merges.map(([, second]) => second));
  const cells = (row: readonly string[]) =>
    row.flatMap((text, c) => {
      if (below.has(c)) return [];
      const merge = merges.find(([first]) => first === c);
      return [merge ? joined(text, row[merge[1]] ?? '') : { text }];
    });
  const header = cells(content.header);
  return {
    ...content,
    header: header.map((cell) => cell.text),
    headerItalicFrom: header.map((cell) => cell.italicFrom),
    rows: content.rows.map((row) => {
      const arranged = cells(row.cells);
      return { ...row, cells: arranged.map((cell) => cell.text), italicFrom: arranged.map((cell) => cell.italicFrom) };
    }),
  };
}

/**
 * The plan as its table shows it in `width` inches: the first arrangement whose columns each hold
 * their widest word at the floor `size`; when none does, the fewest columns with words hyphenated.
 */
export function arrangedPlan(
  content: PlanContent,
  width: number,
  size: number,
  face: string,
  language: string,
): PlanContent {
  for (const merges of ARRANGEMENTS) {
    const arranged = merged(content, merges);
    if (wordsHeld(arranged, width, size, face)) return arranged;
  }
  return hyphenatedAtFloor(merged(content, ARRANGEMENTS.at(-1)!), width, size, face, language);
}
