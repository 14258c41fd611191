/**
 * The Studio's per-slide layout cache: a planned slide whose inputs did not change since the
 * last live render is not laid out, nor drawn as SVG, again. On a 2 MB strategy an edit of
 * the profile then lays out one slide, not the plan's five hundred.
 *
 * A slide's inputs are found by watching, not declared: while a slide is built, the strategy
 * and the deck it sees (and the ones its templates see) note every top-level field read. The
 * key is then the deck's fixed inputs (theme, templates, wording, audience, the planned slide
 * as written) plus a fingerprint of each field read; before reusing a slide, the fields it
 * read last time are fingerprinted again. A slide that reads something new when its inputs
 * change is laid out again anyway, so what it reads can only be found complete.
 *
 * For the Studio's SVG only: a reused slide keeps the source places (line:col) of its first
 * build, which the SVG does not show but a built deck's source tags would.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { templateContext, type SlideBuild, type SlideMemo } from '../deck/layout-deck.js';
import type { LaidOutSlide, SlideElement } from '../layout/types.js';
import type { DeckPlan } from '../plan/resolve-deck.js';
import { createRenderer } from '../render/render-text.js';
import { fontFolders } from '../fonts/machine-fonts.js';

interface Entry {
  /** `strategy:<field>` / `deck:<field>` (`*`: every field) read while building. */
  reads: string[];
  /** The fingerprint of those fields' values then. */
  readsKey: string;
  slides: LaidOutSlide[];
}

/** Planned slides kept (each with its laid-out slides). */
const MAX_SLIDES = 2000;

/** Drawn slides kept: a deck of some hundreds of slides, twice (before and after an edit). */
const MAX_DRAWN = 4000;

const hash = (text: string): string => createHash('sha256').update(text).digest('base64');

/**
 * A slide's short hash (the page holds slides by it), and its SVG when the page does not hold
 * it yet.
 */
export interface DrawnSlide {
  svg?: string;
  /** In place of `svg`, when asked for so (LiveOptions.writeSvg): the bytes its JSON string was written to. */
  json?: Buffer;
  hash: string;
}

/**
 * A drawn slide as kept: its SVG deflated. A page holds its slides, so a kept SVG is read only
 * when another page opens; as text, a 520-slide deck's SVG weighed 18 MB of the studio's heap,
 * deflated some 2 MB outside it.
 */
interface KeptDrawing {
  hash: string;
  packed: Uint8Array;
}

/** Deflated into bytes of their own: zlib's answer is a view of a 16 KB chunk, 4 times what it holds. */
const pack = (svg: string): Uint8Array => new Uint8Array(deflateRawSync(svg, { level: 1 }));
const unpack = (packed: Uint8Array): string => inflateRawSync(packed).toString('utf8');

/** 128 bits of the SVG's sha256: names the drawing, so equal slides anywhere share it. */
const svgHash = (svg: string): string => hash(svg).slice(0, 22);

/** The read of any of the deck's document properties (the audience's name is one): one fingerprint for all. */
const PROPERTIES_READ = 'plan:properties';

/** The strategy's and deck's values as the slide sees them. */
function fieldOf(plan: DeckPlan, read: string): unknown {
  if (read === PROPERTIES_READ) return plan.properties;
  const [owner, field] = read.split(':') as ['strategy' | 'deck', string];
  const object = (owner === 'strategy' ? plan.strategy : plan.deck) as unknown as Record<string, unknown>;
  return field === '*' ? object : object[field];
}

/** An object whose top-level fields, when read, are noted (nested values are handed out as they are). */
function watched<T extends object>(target: T, note: (field: string) => void): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'string') note(key);
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      if (typeof key === 'string') note(key);
      return Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      if (typeof key === 'string') note(key);
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys(t) {
      note('*');
      return Reflect.ownKeys(t);
    },
  });
}

/** What every slide of the deck depends on besides the fields it reads; `design`: the page's template, if any. */
function deckKey(plan: DeckPlan, design: string): string {
  const { deck, strategy } = plan;
  return hash(
    JSON.stringify([
      design,
      plan.deckFile,
      plan.theme,
      plan.templates.labels,
      [...plan.templates.templates].map(([k, t]) => [k, t.source]),
      [...plan.wording].map(([k, t]) => [k, t.source]),
      [...plan.audienceGroups],
      [...plan.audienceRows],
      plan.baseName,
      plan.sentChanges ?? null,
      // Spread into every template's context: read by any slide. The audience and the meeting
      // are watched there (whether there is a meeting is not: the context holds null then), the
      // deck's title through the context's deck, and the document properties on the plan: watch
      // mode rebuilds a deck whose audience or title changed without laying its slides out again.
      strategy.organisation,
      strategy.version,
      deck.meeting !== undefined,
      fontFolders(),
      plan.fonts.fingerprint(),
    ]),
  );
}

/** Writes an SVG (as JSON) where the caller keeps it, and gives the bytes written. */
export type SvgWriter = (svg: string) => Buffer;

/** A drawing as the caller asked for it: its hash, and its SVG (as text, or written) when wanted. */
function given(hash: string, svg: () => string, wanted: (hash: string) => boolean, write?: SvgWriter): DrawnSlide {
  if (!wanted(hash)) return { hash };
  return write ? { hash, json: write(svg()) } : { hash, svg: svg() };
}

export class SlideCache {
  readonly #entries = new Map<string, Entry>();
  /** SVG of finished slides (footer included) and its hash, by the slide's key and what else the drawing shows. */
  readonly #drawn = new Map<string, KeptDrawing>();
  /** Slides laid out, reused and drawn since the cache was made (tests, the bench). */
  readonly stats = { built: 0, reused: 0, drawn: 0 };

  /** `pace`: called after each slide laid out or drawn anew (the worker's HeapBound). */
  constructor(readonly pace: () => void = () => {}) {}

  /**
   * A memo for one layout of `plan`'s deck. `design` names the page it is laid out on when that
   * is not the built-in one (build-deck.ts: a template, as long as its bytes are the same).
   */
  memo(plan: DeckPlan, design = ''): DeckMemo {
    return new DeckMemo(this, plan, deckKey(plan, design));
  }

  get(key: string): Entry | undefined {
    return this.#entries.get(key);
  }

  set(key: string, entry: Entry): void {
    // Slides of decks and themes no longer edited: dropped all at once, now and then.
    if (this.#entries.size >= MAX_SLIDES) this.#entries.clear();
    this.#entries.set(key, entry);
  }

  /**
   * The slide drawn for `key`, or by `draw` (kept): its hash, and its SVG when `wanted` (the
   * page does not hold a slide of that hash), as text or, given `write`, as the bytes it was written to.
   */
  drawn(key: string | undefined, draw: () => string, wanted: (hash: string) => boolean, write?: SvgWriter): DrawnSlide {
    const hit = key === undefined ? undefined : this.#drawn.get(key);
    if (hit) return given(hit.hash, () => unpack(hit.packed), wanted, write);
    const svg = draw();
    this.stats.drawn++;
    this.pace();
    const hash = svgHash(svg);
    if (key !== undefined) {
      if (this.#drawn.size >= MAX_DRAWN) this.#drawn.clear();
      this.#drawn.set(key, { hash, packed: pack(svg) });
    }
    return given(hash, () => svg, wanted, write);
  }
}

/** One layout of a deck: looks up each planned slide, and names each finished slide for its SVG. */
export class DeckMemo implements SlideMemo {
  readonly #fingerprints = new Map<string, string>();
  readonly #finished = new WeakMap<LaidOutSlide, string>();
  readonly #keys = new WeakMap<LaidOutSlide, string>();
  constructor(
    readonly cache: SlideCache,
    readonly plan: DeckPlan,
    readonly deck: string,
  ) {}

  slides(plan: DeckPlan, index: number, build: SlideBuild): LaidOutSlide[] {
    const slide = plan.slides[index]!;
    const key = hash(
      JSON.stringify([this.deck, slide.kind, slide.ref, slide.notes?.source, slide.title?.source, slide.planMode]),
    );
    const hit = this.cache.get(key);
    let slides: LaidOutSlide[];
    if (hit && hit.readsKey === this.#readsKey(hit.reads)) {
      this.cache.stats.reused++;
      slides = hit.slides;
    } else {
      const reads = new Set<string>();
      const built = this.#watchedBuild(plan, build, reads);
      this.cache.stats.built++;
      this.cache.pace();
      const list = [...reads].sort();
      slides = built;
      this.cache.set(key, { reads: list, readsKey: this.#readsKey(list), slides: built });
    }
    // The same inputs may stand at another place in the deck (a slide moved): its number follows the place.
    const placed = slides.map((s) => (s.planned === index ? s : { ...s, planned: index }));
    const drawnAs = `${key}:${hash(this.#readsKey(this.cache.get(key)!.reads))}`;
    placed.forEach((s, i) => this.#keys.set(s, `${drawnAs}#${i}`));
    return placed;
  }

  numbered(built: LaidOutSlide, numbered: LaidOutSlide, footer: readonly SlideElement[]): void {
    const key = this.#keys.get(built);
    if (key !== undefined) this.#finished.set(numbered, `${key}|${JSON.stringify(footer)}`);
  }

  /** The key of a finished slide of this layout, for its SVG; undefined for one not built through the memo. */
  keyOf(slide: LaidOutSlide): string | undefined {
    return this.#finished.get(slide) ?? this.#keys.get(slide);
  }

  #watchedBuild(plan: DeckPlan, build: SlideBuild, reads: Set<string>): LaidOutSlide[] {
    const strategyRead = (field: string) => reads.add(`strategy:${field}`);
    const deckRead = (field: string) => reads.add(`deck:${field}`);
    const seen = {
      ...plan,
      strategy: watched(plan.strategy, strategyRead),
      deck: watched(plan.deck, deckRead),
      properties: watched(plan.properties, () => reads.add(PROPERTIES_READ)),
    };
    // The templates' context is made from the plain plan (it copies every field); the copies are watched.
    const context = templateContext(plan);
    // Its audience and meeting too (a template reads `{{audience.name}}` without going through
    // `deck`), as values: the context itself is copied whole by the renderer.
    const seenContext = {
      ...context,
      strategy: watched(context.strategy as object, strategyRead),
      deck: watched(context.deck as object, deckRead),
      audience: watched(context.audience as object, () => reads.add('deck:audience')),
      meeting: context.meeting && watched(context.meeting as object, () => reads.add('deck:meeting')),
    };
    const renderer = createRenderer(plan.templates, seenContext, plan.wording);
    return build(seen, renderer);
  }

  #readsKey(reads: readonly string[]): string {
    return reads.map((read) => this.#fingerprint(read)).join(',');
  }

  #fingerprint(read: string): string {
    let fingerprint = this.#fingerprints.get(read);
    if (fingerprint === undefined) {
      const value = fieldOf(this.plan, read);
      fingerprint = value === undefined ? 'absent' : hash(JSON.stringify(value) ?? typeof value);
      this.#fingerprints.set(read, fingerprint);
    }
    return fingerprint;
  }
}
