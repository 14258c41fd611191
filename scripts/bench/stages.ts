/**
 * The build pipeline of build-deck.ts, stage by stage with a clock on each, so the benchmark
 * can say where a build's time goes: load (YAML + schema), resolve, layout (wording and
 * measured text), images (sharp or the image cache), write (pptxgenjs), finish (repairs and
 * the deterministic zip, with the deck's structure), check (the finished package checked).
 * Mirrors `renderDeck`; it writes nothing (so no input hashing, manifest or saving either).
 */
import { checkBuiltDeck } from '../../src/check/check-deck.js';
import { loadProject } from '../../src/data/load-project.js';
import type { Project } from '../../src/data/load-project.js';
import { deckPage, layoutDeck } from '../../src/deck/layout-deck.js';
import { placeImages } from '../../src/deck/place-images.js';
import { resolveDeck } from '../../src/plan/resolve-deck.js';
import { finishDeck } from '../../src/pptx/finish-package.js';
import { writePptx } from '../../src/pptx/write-pptx.js';
import { builtInDesign, deckStructure, footerText, prepareDesign } from '../../src/template/deck-design.js';
import { builtInStoreDir } from '../../src/template/template-store.js';

export const STAGES = ['resolve', 'layout', 'images', 'write', 'finish', 'check'] as const;
export type Stage = (typeof STAGES)[number];

export interface DeckStageTimes extends Record<Stage, number> {
  deckId: string;
  slides: number;
  bytes: number;
}

export interface BuildStageTimes {
  /** Milliseconds to read and validate the project. */
  load: number;
  decks: DeckStageTimes[];
  /** Milliseconds for everything, load included. */
  total: number;
}

function problem(issues: { message: string }[]): Error {
  return new Error(`benchmark build failed: ${issues.map((i) => i.message).join('; ')}`);
}

export async function loadOrThrow(root: string): Promise<Project> {
  const loaded = await loadProject({ root });
  if (!loaded.ok) throw problem(loaded.issues);
  return loaded.value;
}

/** Renders the given decks (all when `deckIds` is empty) with a clock on every stage. */
export async function timeStages(root: string, deckIds: string[] = [], project?: Project): Promise<BuildStageTimes> {
  const started = performance.now();
  const p = project ?? (await loadOrThrow(root));
  const load = performance.now() - started;
  const sources = deckIds.length === 0 ? p.decks : p.decks.filter((d) => deckIds.includes(d.deck.id));
  const decks: DeckStageTimes[] = [];
  for (const source of sources) {
    let t = performance.now();
    const lap = (): number => {
      const now = performance.now();
      const ms = now - t;
      t = now;
      return ms;
    };
    const prepared = await prepareDesign(p.root, resolveDeck(p, source));
    if (!prepared.ok) throw problem(prepared.issues);
    const { plan, place } = prepared.value;
    const resolve = lap();
    const laid = layoutDeck(plan, place);
    if (!laid.ok) throw problem(laid.issues);
    const layout = lap();
    const placed = await placeImages(laid.value, { projectRoot: p.root });
    if (!placed.ok) throw problem(placed.issues);
    const images = lap();
    const design =
      prepared.value.design ??
      builtInDesign(
        plan.theme,
        deckPage(plan),
        { footerText: footerText(placed.value.deck), date: plan.properties.date },
        builtInStoreDir(p.root),
      );
    const raw = await writePptx(placed.value.deck);
    const write = lap();
    const finished = finishDeck(raw, plan.properties, deckStructure(design, placed.value.deck));
    const { bytes } = finished;
    const finish = lap();
    checkBuiltDeck(finished.package, plan.theme);
    const check = lap();
    decks.push({
      deckId: source.deck.id,
      slides: placed.value.deck.slides.length,
      bytes: bytes.length,
      resolve,
      layout,
      images,
      write,
      finish,
      check,
    });
  }
  return { load, decks, total: performance.now() - started };
}
