/**
 * A page's operators (content-tokens.ts) → what is painted where, and inside which marked
 * content: each top-level marked-content sequence (tagged with an MCID, or an artifact) with
 * what it paints and roughly where, and the runs of painting that lie outside any marked
 * content (ISO 14289-1 §7.1: content is either tagged or an artifact; Matterhorn 01-005).
 *
 * Where is tracked through the graphics state (q, Q, cm) and the text matrix (BT, Td, TD,
 * Tm, T*): a path counts with its points, an image with its corners, text with its origin and
 * a point a font size above it (glyph widths are not needed to tell which shape it is in).
 */
import type { Rect } from '../../check/pdf/types.js';
import type { ContentOp } from './content-tokens.js';
import { apply, IDENTITY, multiply, type Matrix } from '../../check/pdf/matrix.js';

interface Paints {
  text: number;
  image: number;
  path: number;
}

/** A marked-content sequence that is open at no other's inside (LibreOffice nests none). */
interface MarkedSequence {
  tag: string;
  mcid?: number;
  /** Index of its BDC/BMC operator and of its EMC. */
  open: number;
  close: number;
  paints: Paints;
  box?: Rect;
}

/** Painting outside marked content: operators first..last (inclusive), never across BT/ET. */
interface UntaggedRun {
  first: number;
  last: number;
  box?: Rect;
}

export interface PageContent {
  sequences: MarkedSequence[];
  untagged: UntaggedRun[];
  /** Every BDC/BMC has its EMC and no EMC closes nothing: only then is it safe to edit. */
  balanced: boolean;
}

const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const TEXT_SHOW = new Set(['Tj', 'TJ', "'", '"']);
const PATH_BUILD = new Set(['m', 'l', 'c', 'v', 'y', 're', 'h']);
/** Operators that paint (or begin something that will): an untagged run starts at one. */
const RUN_START = new Set([...PATH_PAINT, ...TEXT_SHOW, 'm', 're', 'Do', 'sh', 'BI']);

export function walkContent(ops: readonly ContentOp[]): PageContent {
  const sequences: MarkedSequence[] = [];
  const untagged: UntaggedRun[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let leading = 0;
  let fontSize = 0;
  let path: [number, number][] = [];
  let depth = 0;
  let current: MarkedSequence | undefined;
  let run: (UntaggedRun & { painted: boolean }) | undefined;
  let balanced = true;

  const closeRun = () => {
    if (run?.painted) untagged.push({ first: run.first, last: run.last, ...(run.box ? { box: run.box } : {}) });
    run = undefined;
  };
  const paint = (kind: keyof Paints, points: [number, number][]) => {
    const box = boundsOf(points.map(([x, y]) => apply(ctm, x, y)));
    if (current) {
      current.paints[kind]++;
      current.box = union(current.box, box);
    } else if (depth === 0 && run) {
      run.painted = true;
      run.box = union(run.box, box);
    }
  };

  ops.forEach((op, i) => {
    const nums = op.operands.map((o) => (o.kind === 'number' ? o.value : 0));
    const name = op.operator;
    if (name === 'BDC' || name === 'BMC') {
      closeRun();
      if (depth++ === 0) {
        const tag = op.operands[0]?.kind === 'name' ? op.operands[0].value : '';
        const props = op.operands[1]?.kind === 'other' ? op.operands[1].raw : '';
        const mcid = /\/MCID\s+(\d+)/.exec(props)?.[1];
        current = { tag, open: i, close: i, paints: { text: 0, image: 0, path: 0 } };
        if (mcid !== undefined) current.mcid = Number(mcid);
      }
      return;
    }
    if (name === 'EMC') {
      if (depth === 0) balanced = false;
      else if (--depth === 0 && current) {
        current.close = i;
        sequences.push(current);
        current = undefined;
      }
      return;
    }
    if (depth === 0 && (name === 'BT' || name === 'ET')) closeRun();
    if (depth === 0 && !run && RUN_START.has(name)) run = { first: i, last: i, painted: false };
    if (run && (PATH_PAINT.has(name) || TEXT_SHOW.has(name) || ['Do', 'sh', 'BI'].includes(name))) run.last = i;

    if (name === 'q') stack.push(ctm);
    else if (name === 'Q') ctm = stack.pop() ?? IDENTITY;
    else if (name === 'cm' && nums.length === 6) ctm = multiply(nums as Matrix, ctm);
    else if (PATH_BUILD.has(name)) path.push(...pathPoints(name, nums));
    else if (PATH_PAINT.has(name)) {
      paint('path', path);
      path = [];
    } else if (name === 'n') path = [];
    else if (name === 'BT') tm = tlm = IDENTITY;
    else if (name === 'Tf') fontSize = nums[1] ?? 0;
    else if (name === 'TL') leading = nums[0] ?? 0;
    else if (name === 'Td' || name === 'TD' || name === 'T*' || name === "'" || name === '"') {
      if (name === 'TD') leading = -(nums[1] ?? 0);
      const [tx, ty] = name === 'Td' || name === 'TD' ? [nums[0] ?? 0, nums[1] ?? 0] : [0, -leading];
      tm = tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    } else if (name === 'Tm' && nums.length === 6) tm = tlm = nums as Matrix;
    if (TEXT_SHOW.has(name)) {
      const [x, y] = apply(tm, 0, 0);
      const [, top] = apply(tm, 0, fontSize);
      paint('text', [
        [x, y],
        [x, top],
      ]);
    } else if (name === 'Do' || name === 'BI') {
      paint('image', [
        [0, 0],
        [1, 1],
        [0, 1],
        [1, 0],
      ]);
    } else if (name === 'sh') paint('path', []);
  });
  closeRun();
  return { sequences, untagged, balanced: balanced && depth === 0 };
}

function pathPoints(op: string, n: number[]): [number, number][] {
  if (op === 're') {
    const [x = 0, y = 0, w = 0, h = 0] = n;
    return [
      [x, y],
      [x + w, y + h],
    ];
  }
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < n.length; i += 2) points.push([n[i]!, n[i + 1]!]);
  return points;
}

function boundsOf(points: [number, number][]): Rect | undefined {
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function union(a: Rect | undefined, b: Rect | undefined): Rect | undefined {
  if (!a || !b) return a ?? b;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
