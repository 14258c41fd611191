/**
 * PowerPoint's *Reset slide*, simulated on a built deck: every placeholder that matches one
 * of its layout's (by idx, the title by type) drops its own position and takes the layout's
 * box (the master's for its kind when the layout gives none); placeholders of their own idx
 * and every other shape keep theirs. What a user sees afterwards must still read: no two texts
 * come to overlap that did not before.
 */
import type { PptxParts } from './pptx-zip.js';

export interface Frame {
  name: string;
  box: { x: number; y: number; w: number; h: number };
}

const EMU = 914400;
const SHAPE = /<p:sp>[\s\S]*?<\/p:sp>/g;

function boxIn(xml: string): Frame['box'] | undefined {
  const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(xml);
  return off ? { x: +off[1]! / EMU, y: +off[2]! / EMU, w: +off[3]! / EMU, h: +off[4]! / EMU } : undefined;
}

interface Ph {
  type: string;
  idx: string;
}
const phOf = (shape: string): Ph | undefined => {
  const tag = /<p:ph\b([^>]*)>/.exec(shape)?.[1];
  if (tag === undefined) return undefined;
  const type = /\btype="([^"]*)"/.exec(tag)?.[1] ?? 'obj';
  return { type, idx: /\bidx="([^"]*)"/.exec(tag)?.[1] ?? '0' };
};
const kind = (type: string) =>
  type === 'ctrTitle' ? 'title' : ['obj', 'body', 'subTitle'].includes(type) ? 'body' : type;
const same = (a: Ph, b: Ph) =>
  a.type === 'title' || a.type === 'ctrTitle'
    ? kind(b.type) === 'title'
    : a.idx === b.idx && kind(a.type) === kind(b.type);

function layoutOf(deck: PptxParts, n: number): { layout: string; master: string } {
  const rels = deck.text(`ppt/slides/_rels/slide${n}.xml.rels`);
  const layout = `ppt/slideLayouts/${/slideLayouts\/([^"]+)"/.exec(rels)![1]}`;
  const lrels = deck.text(layout.replace(/slideLayouts\/(.*)$/, 'slideLayouts/_rels/$1.rels'));
  return {
    layout: deck.text(layout),
    master: deck.text(`ppt/slideMasters/${/slideMasters\/([^"]+)"/.exec(lrels)![1]}`),
  };
}

/** The text frames of slide `n` as they are, and as they are after *Reset slide*. */
export function resetFrames(deck: PptxParts, n: number): { before: Frame[]; after: Frame[] } {
  const { layout, master } = layoutOf(deck, n);
  const shapes = (xml: string) => [...xml.matchAll(SHAPE)].map((m) => m[0]);
  const places = shapes(layout).flatMap((s) => (phOf(s) ? [{ ph: phOf(s)!, box: boxIn(s) }] : []));
  const masterBox = (ph: Ph) => shapes(master).find((s) => phOf(s) && kind(phOf(s)!.type) === kind(ph.type));
  const before: Frame[] = [];
  const after: Frame[] = [];
  for (const shape of shapes(deck.slideXml(n))) {
    if (!/<a:t>[^<]*\S[^<]*<\/a:t>/.test(shape)) continue;
    const name = /<p:cNvPr [^>]*name="([^"]*)"/.exec(shape)?.[1] ?? '';
    const ph = phOf(shape);
    const place = ph && places.find((p) => same(ph, p.ph));
    const inherited = place && (place.box ?? boxIn(masterBox(place.ph) ?? ''));
    const own = boxIn(shape) ?? inherited;
    if (!own) continue;
    before.push({ name, box: own });
    after.push({ name, box: place && inherited ? inherited : own });
  }
  return { before, after };
}

const overlaps = (a: Frame['box'], b: Frame['box']) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.05 &&
  Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.05;

/** Pairs of texts that overlap after *Reset slide* but did not before, one line each. */
export function resetOverlaps(deck: PptxParts, n: number): string[] {
  const { before, after } = resetFrames(deck, n);
  const found: string[] = [];
  after.forEach((a, i) => {
    for (let j = i + 1; j < after.length; j++) {
      const b = after[j]!;
      if (overlaps(a.box, b.box) && !overlaps(before[i]!.box, before[j]!.box))
        found.push(`slide ${n}: "${a.name}" and "${b.name}" overlap after Reset slide`);
    }
  });
  return found;
}
