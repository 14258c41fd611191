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
 * True when the items of `list` from `from` on would begin in a column `used` of `cap` full with
 * too few of them to be fair: two of twelve target groups under another list and ten «(forts.)»
 * beside them read as a list cut off. The list then starts a column of its own.
 */
function unfairStart(list: readonly number[], from: number, insets: number, used: number, cap: number): boolean {
  const rest = list.length - from;
  let room = cap - used - (HEADING_H + HEADING_GAP + insets);
  let fits = 0;
  while (fits < rest && list[from + fits]! <= room + EPSILON) room -= list[from + fits++]!;
  return fits < rest && fits < Math.ceil(rest * FAIR_START);
}

/**
 * Greedy packing of the flow into columns of height `cap`; a segment costs its heading and its
 * items. Returns how many columns it takes; they are pushed to `into` when given. Why only counted
 * otherwise: balancing bisects the cap 20 times at each size and column count tried, and needs only
 * the count each time (a 5,700-group flow made ~400 columns per try).
 */
function pack(heights: readonly (readonly number[])[], insets: number, cap: number, into?: Column[]): number {
  let count = 0;
  let used = 0;
  /** The list of the current column's last segment; -1 while the column is empty. */
  let last = -1;
  let col: Column = [];
  let seg: Segment | undefined;
  for (let list = 0; list < heights.length; list++) {
    const items = heights[list]!;
    for (let i = 0; i < items.length; i++) {
      const h = items[i]!;
      const opens = last !== list;
      const cost = h + (opens ? HEADING_H + HEADING_GAP + insets : 0);
      const cut = opens && used > 0 && unfairStart(items, i, insets, used, cap);
      if (used > 0 && (cut || used + cost > cap + EPSILON)) {
        used = 0;
        last = -1;
      }
      if (last === -1 && used === 0) {
        count++;
        if (into) into.push((col = []));
      }
      if (last !== list) {
        last = list;
        if (into) col.push((seg = { list, start: i, end: i }));
        used += HEADING_H + HEADING_GAP + insets;
      }
      if (seg) seg.end = i + 1;
      used += h;
    }
  }
  return count;
}

/** The columns `pack` makes at `cap`. */
function packed(heights: readonly (readonly number[])[], insets: number, cap: number): Column[] {
  const cols: Column[] = [];
  pack(heights, insets, cap, cols);
  return cols;
}

/**
 * The flow in as few columns as `height` allows, then spread evenly over every
 * column of the slides it needs: the smallest cap that needs no more slides.
 */
export function balanced(heights: number[][], insets: number, height: number, perSlide: number): Column[] {
  const slides = (columns: number): number => Math.ceil(columns / perSlide);
  const fewest = pack(heights, insets, height);
  // Everything fits one column: each list whole in a column of its own, never a few items continued beside their list.
  const lists = heights.flatMap((items, list): Column[] =>
    items.length > 0 ? [[{ list, start: 0, end: items.length }]] : [],
  );
  if (fewest === 1 && lists.length <= perSlide) return lists;
  // Summed in the order of heights.flat(), so the same number.
  let total = 0;
  for (const items of heights) for (let i = 0; i < items.length; i++) total += items[i]!;
  let [low, high] = [total / Math.max(1, slides(fewest) * perSlide), height];
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    if (slides(pack(heights, insets, mid)) <= slides(fewest)) high = mid;
    else low = mid;
  }
  return packed(heights, insets, high);
}
