/**
 * What Trappa wrote into a deck file, rebuilt: identify the deck and version from the file's
 * own properties, then build that deck in memory from the inputs whose slides fingerprint as
 * the file records (the current data first, the release snapshot of that version next). When
 * neither does, the current data is the base and absorb treats every difference as a conflict,
 * because it cannot tell an edit in the deck from a change in the data.
 */
import { renderDeck } from '../build-deck.js';
import { InputError, TrappaError } from '../errors.js';
import { loadProject, type DeckSource, type Project } from '../data/load-project.js';
import { findDeck, resolveDeck } from '../plan/resolve-deck.js';
import type { ProjectPathOptions } from '../project-paths.js';
import { checkoutRelease } from '../versions/snapshots.js';
import { releaseDir } from '../versions/records.js';
import { addSentChanges } from '../diff/sent-changes.js';
import { readDeckTexts, type DeckTexts } from './read-texts.js';

import type { DataRole } from './field-path.js';

export type { DataRole } from './field-path.js';

/** Which inputs the base was built from. */
export type BaseOrigin = 'current' | 'release' | 'unknown';

export interface DeckBase {
  deckId: string;
  /** The version the file says it is. */
  version: string;
  texts: DeckTexts;
  /** Per base slide, its index in the deck's `slides:` (of the base's deck file). */
  planned: number[];
  origin: BaseOrigin;
  /** The data the base was built from, as plain values. */
  data: Record<DataRole, unknown>;
  /** The role of a file as the base's source tags name it (`data/strategy.yaml` → strategy). */
  roles: Map<string, DataRole>;
  /** The project as it is now: what absorb writes into. */
  current: Project;
  currentDeck: DeckSource;
}

/** A file that is not one of Trappa's decks: one located line, exit 2. */
function notTrappa(file: string, why: string): InputError {
  return new InputError([
    { file, message: `${why}; trappa absorb takes a .pptx written by trappa build (TrappaDeck in its properties)` },
  ]);
}

/** The file's texts and Trappa's properties, or an InputError naming the file. */
export function identify(file: string, bytes: Uint8Array): DeckTexts & { deckId: string; version: string } {
  let texts: DeckTexts;
  try {
    texts = readDeckTexts(bytes);
  } catch (error) {
    throw notTrappa(file, `is not a PowerPoint file (${(error as Error).message.split('\n')[0]})`);
  }
  const { deck, version } = texts.trappa;
  if (!deck || !version) throw notTrappa(file, 'is not a Trappa deck: it has no TrappaDeck/TrappaVersion property');
  return { ...texts, deckId: deck, version };
}

function baseData(project: Project, deck: DeckSource): Pick<DeckBase, 'data' | 'roles'> {
  const sources = { strategy: project.strategySource, theme: project.themeSource, deck: deck.source };
  return {
    data: { strategy: sources.strategy.doc.toJS(), theme: sources.theme.doc.toJS(), deck: sources.deck.doc.toJS() },
    roles: new Map(Object.entries(sources).map(([role, s]) => [s.file, role as DataRole])),
  };
}

/** `outDir` holds the send records a `changes: since-sent` slide is built from. */
async function buildBase(
  project: Project,
  deck: DeckSource,
  outDir: string,
): Promise<{ texts: DeckTexts; planned: number[] }> {
  const plan = await addSentChanges(project, resolveDeck(project, deck), outDir);
  const rendered = await renderDeck(project, plan, { check: false });
  return { texts: readDeckTexts(rendered.bytes), planned: rendered.planned };
}

async function load(paths: ProjectPathOptions): Promise<Project> {
  const loaded = await loadProject(paths);
  if (!loaded.ok) throw new InputError(loaded.issues);
  return loaded.value;
}

/** Rebuilds what Trappa wrote into the file identified as `deckId` v`version`. */
export async function rebuildBase(
  paths: ProjectPathOptions & { outDir: string },
  file: { deckId: string; version: string; slides?: string },
): Promise<DeckBase> {
  const current = await load(paths);
  const currentDeck = findDeck(current, file.deckId);
  if (!currentDeck) {
    const known = current.decks.map((d) => d.deck.id).join(', ');
    throw new TrappaError(`the file is deck '${file.deckId}', which is not in this project (decks: ${known})`);
  }
  const common = { deckId: file.deckId, version: file.version, current, currentDeck };
  const now = await buildBase(current, currentDeck, paths.outDir);
  if (now.texts.trappa.slides === file.slides && current.strategy.version === file.version)
    return { ...common, ...now, origin: 'current', ...baseData(current, currentDeck) };
  const snapshot = await fromRelease(paths.outDir, file);
  if (snapshot) return { ...common, ...snapshot };
  return { ...common, ...now, origin: 'unknown', ...baseData(current, currentDeck) };
}

/** The base rebuilt from the release snapshot of that version, when there is one and it fingerprints right. */
async function fromRelease(
  outDir: string,
  file: { deckId: string; version: string; slides?: string },
): Promise<Omit<DeckBase, 'deckId' | 'version' | 'current' | 'currentDeck'> | undefined> {
  const dir = releaseDir(outDir, file.deckId, file.version);
  const checkout = await checkoutRelease(dir).catch(() => undefined);
  if (!checkout) return undefined;
  try {
    const project = await load({ root: checkout.root });
    const deck = findDeck(project, file.deckId);
    if (!deck) return undefined;
    const built = await buildBase(project, deck, outDir);
    if (built.texts.trappa.slides !== file.slides) return undefined;
    return { ...built, origin: 'release', ...baseData(project, deck) };
  } finally {
    await checkout.cleanup();
  }
}
