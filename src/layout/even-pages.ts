/**
 * Units (table rows, list groups) spread over a given number of pages so that no page is a
 * remainder. The smallest cap that needs no more pages, packed greedily, fills every page but
 * the last to that cap and leaves the last whatever is over: a 1,000-row plan on Forestbird's
 * narrow place made 129 pages of eight rows and a 129th of one (18 % of the content area, which
 * the check refuses as a near-empty continuation). Here each page instead takes the units that
 * bring it nearest an equal share of what is still to place, as long as what follows still fits
 * on the pages left.
 */

/** Sums of floats: keeps an exact fit a fit (as fit-table.ts does). */
const EPSILON = 1e-6;

/**
 * Greedy pages of `heights[from…]` below a repeated `header`, each page's room given by its first
 * unit; whether they take no more than `pages` pages. A unit too tall for an empty page gets one.
 */
function fitsOn(
  heights: readonly number[],
  from: number,
  header: number,
  room: (start: number) => number,
  pages: number,
) {
  let used = 0;
  let start = from;
  let count = from < heights.length ? 1 : 0;
  for (let i = from; i < heights.length; i++) {
    const h = heights[i]!;
    if (i > start && header + used + h > room(start) + EPSILON) {
      if (++count > pages) return false;
      [start, used] = [i, 0];
    }
    used += h;
  }
  return count <= pages;
}

/**
 * Pages [start, end) of `heights` on exactly `count` pages (fewer only when there are fewer units),
 * each within its room (`room(start)`, the header included) and as near an equal share of the
 * units still to place as a unit boundary allows; undefined when the units do not fit on `count`
 * pages at all. Each page's end is tried nearest its share first, and the first that leaves the
 * rest room on the pages after it is taken.
 */
export function evenPages(
  heights: readonly number[],
  header: number,
  room: (start: number) => number,
  count: number,
): Array<[number, number]> | undefined {
  if (!fitsOn(heights, 0, header, room, count)) return undefined;
  // What is left from each unit on, summed from the end (filled in place: `unshift` made this
  // quadratic, 30–60 ms for a 5,000-row plan).
  const after = new Array<number>(heights.length + 1).fill(0);
  for (let i = heights.length - 1; i >= 0; i--) after[i] = after[i + 1]! + heights[i]!;
  const pages: Array<[number, number]> = [];
  let start = 0;
  for (let left = count; left > 1 && start < heights.length - 1; left--) {
    const share = after[start]! / Math.min(left, heights.length - start);
    const ends: Array<{ end: number; off: number }> = [];
    let sum = 0;
    for (let end = start + 1; end < heights.length; end++) {
      sum += heights[end - 1]!;
      if (end > start + 1 && header + sum > room(start) + EPSILON) break;
      ends.push({ end, off: Math.abs(sum - share) });
    }
    ends.sort((a, b) => a.off - b.off || b.end - a.end);
    const end = ends.find((e) => fitsOn(heights, e.end, header, room, left - 1))?.end;
    if (end === undefined) return undefined;
    pages.push([start, end]);
    start = end;
  }
  pages.push([start, heights.length]);
  return pages;
}
