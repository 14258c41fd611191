/**
 * The pipeline, top to bottom:
 * load + validate → resolve → layout (wording, measured text) → images → write → finish → check → save.
 * Nothing is saved unless every deck asked for got through every stage before it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { InputError, type Issue } from './errors.js';
import { loadProject, type Project, type ProjectPaths } from './data/load-project.js';
import { layoutDeck } from './deck/layout-deck.js';
import { checkBudget, placeImages } from './deck/place-images.js';
import { findDeck, resolveDeck, type DeckPlan } from './deck/resolve-deck.js';
import { saveAtomically } from './deck/save-file.js';
import type { ImageStats } from './images/prepare-image.js';
import { finishPackage } from './pptx/finish-package.js';
import { writePptx } from './pptx/write-pptx.js';

export interface BuildOptions extends ProjectPaths {
  /** Deck ids to build; all decks when empty or absent. */
  decks?: string[];
  /** Folder for the .pptx files. @default "<root>/output" */
  outDir?: string;
  /** Counts image work, for tests and the benchmark. */
  imageStats?: ImageStats;
  /** Build in memory only; nothing is written. */
  dryRun?: boolean;
}

export interface BuiltDeck {
  deckId: string;
  version: string;
  file: string;
  /** The .pptx bytes as written. */
  bytes: Uint8Array;
  sha256: string;
  slideCount: number;
  plan: DeckPlan;
}

export interface BuildResult {
  project: Project;
  decks: BuiltDeck[];
}

function selectDecks(project: Project, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return project.decks;
  const known = project.decks.map((d) => d.deck.id);
  const missing = ids.filter((id) => !findDeck(project, id));
  if (missing.length > 0) {
    throw new InputError(missing.map((id): Issue => ({ file: 'data/decks', message: `no deck with id '${id}'; known decks: ${known.join(', ')}` })));
  }
  return ids.map((id) => findDeck(project, id)!);
}

/** Builds one deck in memory: every stage but saving. */
export async function renderDeck(project: Project, plan: DeckPlan, options: Pick<BuildOptions, 'imageStats'> = {}): Promise<Omit<BuiltDeck, 'file'>> {
  const laidOut = layoutDeck(plan);
  if (!laidOut.ok) throw new InputError(laidOut.issues);
  const placed = await placeImages(laidOut.value, { projectRoot: project.root, stats: options.imageStats });
  if (!placed.ok) throw new InputError(placed.issues);
  const bytes = finishPackage(await writePptx(placed.value.deck), plan.properties);
  const overBudget = checkBudget(placed.value.images, bytes.length, plan.theme.sizeBudgetMB, plan.locateTheme(['sizeBudgetMB']));
  if (overBudget) throw new InputError([overBudget]);
  return {
    deckId: plan.deck.id,
    version: plan.strategy.version,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    slideCount: placed.value.deck.slides.length,
    plan,
  };
}

export async function buildDecks(options: BuildOptions): Promise<BuildResult> {
  const loaded = await loadProject(options);
  if (!loaded.ok) throw new InputError(loaded.issues);
  const project = loaded.value;
  const outDir = path.resolve(project.root, options.outDir ?? 'output');
  const rendered = [];
  for (const source of selectDecks(project, options.decks)) {
    rendered.push(await renderDeck(project, resolveDeck(project, source), options));
  }
  const decks: BuiltDeck[] = [];
  for (const deck of rendered) {
    const file = path.join(outDir, `${deck.plan.baseName}.pptx`);
    if (!options.dryRun) await saveAtomically(file, deck.bytes);
    decks.push({ ...deck, file });
  }
  return { project, decks };
}
