/**
 * A template layout's look (legible-colors.ts), worked out once per process for each master
 * set, layout and set of decoded pictures. Every deck of a build loads the same master set
 * (load-template.ts keeps it per process) and asked again for the looks of its layouts:
 * choosing layouts alone read the art of all of Yellow Idea's 108 layouts and their masters
 * once per deck (~180 ms each). A look depends only on the set's parts, which are never
 * changed once read, and on the pictures decoded for it (`set.pictures`, set per deck by
 * deck-design.ts): a different picture map, unless it holds the very same rasters, is a
 * different look.
 */
import type { Raster } from '../images/decode-raster.js';
import type { LayoutInfo, MasterSet } from '../pptx/master-set.js';
import { readLayoutLook, type LayoutLook } from './legible-colors.js';

interface Looks {
  pictures: ReadonlyMap<string, Raster> | undefined;
  byPart: Map<string, LayoutLook>;
}

const looksOf = new WeakMap<MasterSet, Looks>();

/** The same pictures: the same media parts decoded to the same rasters (decode-raster.ts keeps them per process). */
function samePictures(a: ReadonlyMap<string, Raster> | undefined, b: ReadonlyMap<string, Raster> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [media, raster] of a) if (b.get(media) !== raster) return false;
  return true;
}

export function layoutLook(set: MasterSet, layout: LayoutInfo): LayoutLook {
  let looks = looksOf.get(set);
  if (!looks || !samePictures(looks.pictures, set.pictures)) {
    looks = { pictures: set.pictures, byPart: new Map() };
    looksOf.set(set, looks);
  }
  let look = looks.byPart.get(layout.part);
  if (!look) looks.byPart.set(layout.part, (look = withKnownSlots(readLayoutLook(set, layout))));
  return look;
}

type TextLook = ReturnType<LayoutLook['textSlot']>;

/**
 * The look, answering a text's slot once per placeholder and place: each answer samples what
 * lies under the text's box (up to 48 × 48 points), and the decks of a build place the same
 * texts again (the statements several decks share, every slide's title and number).
 */
function withKnownSlots(look: LayoutLook): LayoutLook {
  const known = new Map<string, TextLook>();
  return {
    ...look,
    textSlot(ph, at) {
      const key = JSON.stringify([ph.type ?? null, ph.idx ?? null, at ?? null]);
      if (!known.has(key)) {
        if (known.size >= 10_000) known.clear();
        known.set(key, look.textSlot(ph, at));
      }
      const found = known.get(key);
      return found && { ...found };
    },
  };
}
