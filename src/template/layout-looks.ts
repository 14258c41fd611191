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
import { templateEntryOf } from './load-template.js';
import { keptSlotAnswers, type Kept, type SlotAnswers } from './template-store.js';

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
  if (!look) {
    const entry = templateEntryOf(set);
    const kept = entry && keptSlotAnswers(entry.dir, entry.key, layout.part, set.pictures);
    looks.byPart.set(layout.part, (look = withKnownSlots(() => readLayoutLook(set, layout), kept)));
  }
  return look;
}

/** A look's answers asked in this process, and whether any was not among those kept (then they are kept anew). */
interface Asked {
  kept: Kept<SlotAnswers>;
  known: Map<string, TextLook>;
  asked: Set<string>;
  fresh: boolean;
}

const toKeep = new Set<Asked>();

/**
 * Keeps the answers each look gave since the last call, where one was new (build-deck.ts, after the
 * decks): the next build takes them from the template store instead of sampling again.
 */
export function keepSlotAnswers(): void {
  for (const a of toKeep) {
    if (a.fresh) a.kept.keep([...a.asked].map((q) => [q, a.known.get(q) ?? null]));
    a.asked.clear();
    a.fresh = false;
  }
  toKeep.clear();
}

type TextLook = ReturnType<LayoutLook['textSlot']>;

/**
 * The look, answering a text's slot once per placeholder and place: each answer samples what
 * lies under the text's box (up to 48 × 48 points), and the decks of a build place the same
 * texts again (the statements several decks share, every slide's title and number).
 *
 * Read from the layout's parts only when first asked for something not kept: a build after an
 * edit finds every text's answer in the template store (and the template's places and content
 * ground too: template-design.ts, deck-design.ts), and reading the four looks its decks asked
 * for (masters and themes parsed, art and backgrounds read) was ~90 ms of Forestbird's CPU.
 */
function withKnownSlots(read: () => LayoutLook, kept?: Kept<SlotAnswers>): LayoutLook {
  let read_: LayoutLook | undefined;
  const look = (): LayoutLook => (read_ ??= read());
  const known = new Map<string, TextLook>();
  let asked: Asked | undefined;
  const askedOf = (store: Kept<SlotAnswers>): Asked => {
    if (!asked) {
      for (const [q, a] of store.get() ?? []) known.set(q, a ?? undefined);
      asked = { kept: store, known, asked: new Set(), fresh: false };
    }
    return asked;
  };
  const textSlot: LayoutLook['textSlot'] = (ph, at) => {
    const key = JSON.stringify([ph.type ?? null, ph.idx ?? null, at ?? null]);
    const these = kept && askedOf(kept);
    if (!known.has(key)) {
      if (known.size >= 10_000) {
        known.clear();
        these?.asked.clear();
      }
      known.set(key, look().textSlot(ph, at));
      if (these) these.fresh = true;
    }
    if (these) {
      these.asked.add(key);
      toKeep.add(these);
    }
    const found = known.get(key);
    return found && { ...found };
  };
  // Getters for the rest, not a copy: each hands out the read look's own value or function (none uses `this`).
  const getters = Object.fromEntries(READ.map((name) => [name, { get: () => look()[name], enumerable: true }]));
  return Object.defineProperties({ textSlot }, getters) as LayoutLook;
}

/** What a look gives besides its texts' slots, read from the layout's parts when first asked for: every one (a type error otherwise). */
const READ_WHEN_ASKED: { [K in Exclude<keyof LayoutLook, 'textSlot'>]-?: true } = {
  background: true,
  backdrop: true,
  backgroundIn: true,
  luminanceAt: true,
  art: true,
  strokes: true,
  inPicture: true,
  rules: true,
  inheritedColor: true,
};
const READ = Object.keys(READ_WHEN_ASKED) as (keyof typeof READ_WHEN_ASKED)[];
