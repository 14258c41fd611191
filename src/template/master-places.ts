/**
 * Layouts whose places were written with another master's geometry. LibreOffice's export of
 * "Midnightblue" gives every layout of its three masters the title-slide master's places: a
 * title in the middle of the slide and a 6.9 × 1.8-in body under it, while the content
 * master's own title sits in its dark top band over a 10.2 × 4.1-in body (the band stayed
 * empty and every slide was cramped under a title in the middle). In LibreOffice itself an
 * autolayout takes the master's title and outline areas; the deck's copy of such a layout
 * does the same: its title and body places take the master's (a single body inherits it,
 * two bodies side by side split it as the layout split its own), and nothing else changes.
 *
 * Such a layout: a content layout whose title place does not meet its master's and whose
 * bodies together take less than 40 % of the master's body place — or less than all of it where
 * its title place is exactly another master's (Vintage's three content masters got the title
 * master's mid-slide title over a 9.7 × 2.2-in body, 46 % of their own 9.7 × 4.8 in) — or a
 * title-only layout whose title stands in the master's body place.
 */
import { strToU8 } from 'fflate';
import type { Box } from '../layout/types.js';
import { EMU_PER_INCH } from '../units.js';
import { partText, type PartMap, targets } from './read-master-set.js';

const SP = /<p:sp>[\s\S]*?<\/p:sp>/g;
const XFRM = /<a:xfrm\b[^>]*>[\s\S]*?<\/a:xfrm>/;
/** Share of the master's body place a layout's bodies take at most to be taken as written with other geometry. */
const SMALL = 0.4;
/** Layout types of content slides (a cover, a section header or a caption layout places its title its own way). */
const CONTENT = ['obj', 'tx', 'twoObj'];

interface Place {
  kind: 'title' | 'body' | 'other';
  box?: Box;
  /** The `p:sp` element's text and where it starts in the part. */
  sp: string;
  at: number;
}

const kindOf = (type: string | undefined): Place['kind'] =>
  type === 'title' || type === 'ctrTitle' ? 'title' : !type || type === 'obj' || type === 'body' ? 'body' : 'other';

function places(xml: string): Place[] {
  return [...xml.matchAll(SP)].flatMap((m) => {
    const ph = /<p:ph\b([^>]*?)\/?>/.exec(m[0]);
    if (!ph) return [];
    const xfrm = XFRM.exec(m[0])?.[0];
    const n = (name: string) => Number(new RegExp(`\\b${name}="(-?\\d+)"`).exec(xfrm ?? '')?.[1] ?? 0) / EMU_PER_INCH;
    const box = xfrm ? { x: n('x'), y: n('y'), w: n('cx'), h: n('cy') } : undefined;
    return [{ kind: kindOf(/\btype="([^"]*)"/.exec(ph[1]!)?.[1]), ...(box ? { box } : {}), sp: m[0], at: m.index }];
  });
}

const area = (b: Box) => b.w * b.h;
/** The same box as written, to the EMU (within rounding to inches). */
const same = (a: Box, b: Box) => [a.x - b.x, a.y - b.y, a.w - b.w, a.h - b.h].every((d) => Math.abs(d) < 1e-4);
const meet = (a: Box, b: Box) =>
  Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);
const emu = (inches: number) => Math.round(inches * EMU_PER_INCH);
const xfrmOf = (b: Box) =>
  `<a:xfrm><a:off x="${emu(b.x)}" y="${emu(b.y)}"/><a:ext cx="${emu(b.w)}" cy="${emu(b.h)}"/></a:xfrm>`;

/** The boxes a layout's bodies get in the master's body place (undefined: the master's own); undefined when they are more than two or not side by side. */
function bodiesIn(bodies: Box[], master: Box): (Box | undefined)[] | undefined {
  if (bodies.length === 0) return [];
  if (bodies.length === 1) return [undefined];
  if (bodies.length !== 2) return undefined;
  const [a, b] = bodies as [Box, Box];
  const [left, right] = a.x <= b.x ? [a, b] : [b, a];
  if (left.x + left.w > right.x || Math.abs(left.y - right.y) > 0.1) return undefined;
  const gap = ((right.x - left.x - left.w) / (right.x + right.w - left.x)) * master.w;
  const w = (master.w - gap) / 2;
  const split = [
    { ...master, w },
    { ...master, x: master.x + w + gap, w },
  ];
  return a.x <= b.x ? split : [split[1], split[0]];
}

const layoutType = (xml: string): string => /<p:sldLayout\b[^>]*?\btype="([^"]*)"/.exec(xml)?.[1] ?? 'cust';

/** Whether a layout of `type` may be moved at all: a content layout, or a title-only one after the master's content layouts. */
const mayMove = (type: string, content: boolean): boolean => (type === 'titleOnly' ? content : CONTENT.includes(type));

/**
 * The layout part with its title and body places on the master's, or unchanged. A title-only
 * layout is moved only with the master's content layouts (`content`: one of them was), and
 * when its title stands in the master's body place.
 */
function onMasterPlaces(xml: string, master: Place[], content: boolean, otherTitles: Box[]): string {
  const masterTitle = master.find((p) => p.kind === 'title')?.box;
  const masterBody = master.find((p) => p.kind === 'body')?.box;
  const type = layoutType(xml);
  // Only these can move: the others are left before their places are read (each layout is read
  // once in each pass; Yellow_Idea's 108 layouts: places() twice over 0.4 MB of XML).
  if (!mayMove(type, content)) return xml;
  const own = places(xml);
  const title = own.find((p) => p.kind === 'title');
  const bodies = own.filter((p) => p.kind === 'body');
  if (!masterTitle || !masterBody || !title?.box || bodies.some((b) => !b.box)) return xml;
  if (meet(title.box, masterTitle)) return xml;
  const titleOnly = type === 'titleOnly' && bodies.length === 0 && content && meet(title.box, masterBody);
  if (!titleOnly && !CONTENT.includes(type)) return xml;
  const copied = otherTitles.some((box) => same(box, title.box!));
  if (bodies.reduce((sum, b) => sum + area(b.box!), 0) >= (copied ? 1 : SMALL) * area(masterBody)) return xml;
  const boxes = bodiesIn(
    bodies.map((b) => b.box!),
    masterBody,
  );
  if (!boxes || (bodies.length === 0 && !titleOnly)) return xml;
  const edits = [
    { place: title, xfrm: '' },
    ...bodies.map((place, i) => ({ place, xfrm: boxes[i] ? xfrmOf(boxes[i]!) : '' })),
  ].sort((a, b) => b.place.at - a.place.at);
  let out = xml;
  for (const { place, xfrm } of edits) {
    const sp = place.sp.replace(XFRM, xfrm);
    out = out.slice(0, place.at) + sp + out.slice(place.at + place.sp.length);
  }
  return out;
}

/** The parts with each such layout's title and body on its master's places (a new map; unchanged parts shared). */
export function withMasterPlaces(parts: PartMap, masters: string[]): PartMap {
  const out = new Map(parts);
  const titles = new Map(masters.map((m) => [m, places(partText(parts, m)).find((p) => p.kind === 'title')?.box]));
  for (const master of masters) {
    const own = places(partText(parts, master));
    const otherTitles = masters.flatMap((m) => (m === master ? [] : (titles.get(m) ?? [])));
    const layouts = targets(parts, master, '/slideLayout');
    let content = false;
    // Content layouts first: a title-only layout follows them.
    for (const pass of [false, true])
      for (const layout of layouts) {
        const xml = partText(parts, layout);
        // The second pass is for title-only layouts: a content layout's answer is the first pass's.
        if (pass && layoutType(xml) !== 'titleOnly') continue;
        const moved = onMasterPlaces(xml, own, content && pass, otherTitles);
        if (moved === xml || out.get(layout) !== parts.get(layout)) continue;
        out.set(layout, strToU8(moved));
        if (!pass) content = true;
      }
  }
  return out;
}
