/**
 * A page's operator list as pdf.js reads it → what is painted outside marked content (neither
 * tagged nor an artifact: ISO 14289-1 §7.1, Matterhorn 01-005) and where each piece of tagged
 * content (marked content with an MCID) is painted, for the footer check. Read from pdf.js's
 * operators, not from the finishing stage's own tokenizer (src/post/pdf-finish/), so the check
 * does not share that stage's blind spots.
 */
import type { PagePainting, Rect } from './types.js';
import { apply, IDENTITY, multiply, type Matrix } from './matrix.js';

type PdfJsOps = typeof import('pdfjs-dist/legacy/build/pdf.mjs')['OPS'];

export function readPainting(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: PdfJsOps): PagePainting {
  const paintsPath = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const showsText = new Set<number>([
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
  ]);
  const paintsImage = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintSolidColorImageMask,
  ]);
  const result: PagePainting = { untagged: 0, tagged: [] };
  const marks: { tag: string; mcid?: number; box?: Rect }[] = [];
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  let tlm = IDENTITY;
  let tm = IDENTITY;
  let fontSize = 0;
  let leading = 0;
  const paint = (points: [number, number][]) => {
    if (marks.length === 0) {
      result.untagged++;
      return;
    }
    const tagged = [...marks].reverse().find((m) => m.mcid !== undefined);
    if (!tagged || marks.some((m) => m.tag === 'Artifact')) return;
    for (const [x, y] of points) tagged.box = grow(tagged.box, apply(ctm, x, y));
  };
  ops.fnArray.forEach((fn, i) => {
    const args = (ops.argsArray[i] ?? []) as unknown[];
    const n = (k: number) => Number(args[k] ?? 0);
    if (fn === OPS.beginMarkedContent) marks.push({ tag: String((args[0] as { name?: string })?.name ?? '') });
    else if (fn === OPS.beginMarkedContentProps) {
      const mcid = typeof args[1] === 'number' ? args[1] : undefined;
      marks.push({ tag: String(args[0] ?? ''), ...(mcid !== undefined ? { mcid } : {}) });
    } else if (fn === OPS.endMarkedContent) {
      const mark = marks.pop();
      if (mark?.mcid !== undefined && mark.box) result.tagged.push({ tag: mark.tag, mcid: mark.mcid, box: mark.box });
    } else if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply([n(0), n(1), n(2), n(3), n(4), n(5)], ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args[0];
      if (Array.isArray(m) && m.length === 6) ctm = multiply(m.map(Number) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath) {
      const op = n(0);
      const box = args[2] as ArrayLike<number> | null | undefined;
      if (paintsPath.has(op))
        paint(
          box
            ? [
                [box[0]!, box[1]!],
                [box[2]!, box[3]!],
              ]
            : [],
        );
    } else if (paintsPath.has(fn) || fn === OPS.shadingFill) paint([]);
    else if (fn === OPS.beginText) tm = tlm = IDENTITY;
    else if (fn === OPS.setFont) fontSize = n(1);
    else if (fn === OPS.setLeading) leading = n(0);
    else if (fn === OPS.moveText || fn === OPS.setLeadingMoveText) {
      if (fn === OPS.setLeadingMoveText) leading = -n(1);
      tm = tlm = multiply([1, 0, 0, 1, n(0), n(1)], tlm);
    } else if (fn === OPS.nextLine) tm = tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
    else if (fn === OPS.setTextMatrix) tm = tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
    if (showsText.has(fn)) paint([apply(tm, 0, 0), apply(tm, 0, fontSize)]);
    else if (paintsImage.has(fn))
      paint([
        [0, 0],
        [1, 1],
      ]);
  });
  return result;
}

function grow(box: Rect | undefined, [x, y]: [number, number]): Rect {
  return box
    ? { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: Math.max(box.y1, y) }
    : { x0: x, y0: y, x1: x, y1: y };
}
