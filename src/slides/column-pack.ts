/**
 * How a flow of lists (column-flow.ts) is packed into columns: greedily at a height cap,
 * never starting a list at a column's foot with too few of its items, and balanced over
 * every column of the slides it needs. Heights are in inches.
 */
export const HEADING_H = 0.5;
export const HEADING_GAP = 0.1;
export const EPSILON = 1e-6;

/** Items [start, end) of one list in one column. */
export interface Segment {
  list: number;
  start: number;
  end: number;
}

export type Column = Segment[];

/** The least share of a list's items that may start it at the foot of a column, the rest continued beside it. */
const FAIR_START = 1 / 3;

/**
 * True when list items `rest` (from the list's start) would begin in a column `used` of `cap`
 * full with too few of them to be fair: two of twelve target groups under another list and
 * ten «(forts.)» beside them read as a list cut off. The list then starts a column of its own.
 */
function unfairStart(rest: number[], insets: number, used: number, cap: number): boolean {
  let room = cap - used - (HEADING_H + HEADING_GAP + insets);
  let fits = 0;
  while (fits < rest.length && rest[fits]! <= room + EPSILON) room -= rest[fits++]!;
  return fits < rest.length && fits < Math.ceil(rest.length * FAIR_START);
}

/** Greedy packing of the flow into columns of height `cap`; a segment costs its heading and its items. */
function pack(heights: number[][], insets: number, cap: number): Column[] {
  const cols: Column[] = [[]];
  let used = 0;
  heights.forEach((items, list) => {
    items.forEach((h, i) => {
      let col = cols.at(-1)!;
      let seg = col.at(-1);
      const opens = !seg || seg.list !== list;
      const cost = h + (opens ? HEADING_H + HEADING_GAP + insets : 0);
      const cut = opens && used > 0 && unfairStart(items.slice(i), insets, used, cap);
      if (used > 0 && (cut || used + cost > cap + EPSILON)) {
        cols.push((col = []));
        used = 0;
        seg = undefined;
      }
      if (!seg || seg.list !== list) {
        seg = { list, start: i, end: i };
        col.push(seg);
        used += HEADING_H + HEADING_GAP + insets;
      }
      seg.end = i + 1;
      used += h;
    });
  });
  return cols.filter((c) => c.length > 0);
}

/**
 * The flow in as few columns as `height` allows, then spread evenly over every
 * column of the slides it needs: the smallest cap that needs no more slides.
 */
export function balanced(heights: number[][], insets: number, height: number, perSlide: number): Column[] {
  const slides = (cols: Column[]): number => Math.ceil(cols.length / perSlide);
  const fewest = pack(heights, insets, height);
  // Everything fits one column: each list whole in a column of its own, never a few items continued beside their list.
  const lists = heights.flatMap((items, list): Column[] =>
    items.length > 0 ? [[{ list, start: 0, end: items.length }]] : [],
  );
  if (fewest.length === 1 && lists.length <= perSlide) return lists;
  const total = heights.flat().reduce((a, b) => a + b, 0);
  let [low, high] = [total / Math.max(1, slides(fewest) * perSlide), height];
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    if (slides(pack(heights, insets, mid)) <= slides(fewest)) high = mid;
    else low = mid;
  }
  return pack(heights, insets, high);
}
