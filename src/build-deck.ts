/**
 * The pipeline, top to bottom:
 * load + validate → resolve → layout (wording, measured text) → images → write → finish → check → save.
 * Nothing is saved unless every deck asked for got through every stage before it.
 */
import { debugLog, msSince } from './debug-log.js';
import { withFonts } from './fonts/fonts.js';
import { forgetLinesBeyond } from './layout/measure-text.js';
import { facesIdentity, measuredFaces } from './fonts/measured-faces.js';
import path from 'node:path';
import { resolvePaths } from './project-paths.js';
import { sha256Hex } from './sha256.js';
import { CheckFailedError, InputError, type Issue } from './errors.js';
import { loadProject, type DeckSource, type Project, type ProjectPaths } from './data/load-project.js';
import type { YamlCache } from './data/yaml-cache.js';
import type { YamlSource } from './data/load-yaml.js';
import { deckPage, layoutDeck, type SlideMemo } from './deck/layout-deck.js';
import {
  builtInDesign,
  deckStructure,
  footerText,
  prepareDesign,
  type PreparedDesign,
} from './template/deck-design.js';
import { hyphenStoreFile, loadHyphenStore, saveHyphenStore } from './layout/hyphen-store.js';
import { keepSlotAnswers } from './template/layout-looks.js';
import { keepPictureArtIn } from './check/ground-art.js';
import { keptPictureArt } from './template/template-store.js';
import { deflateStoreDir, loadDeflateStore, saveDeflateStore } from './template/deflate-store.js';
import { finishStoreDir, loadFinishStore, saveFinishStore } from './template/finish-store.js';
import { builtInStoreDir } from './template/template-store.js';
import {
  type DeckStore,
  deckKey,
  deckStoreDir,
  keptBytes,
  loadDeckStore,
  saveDeckStore,
} from './template/deck-store.js';
import { checkBudget, placeImages } from './deck/place-images.js';
import { findDeck, resolveDeck, type DeckPlan, wantsSentChanges } from './plan/resolve-deck.js';
import {
  deckInputFiles,
  hashInputs,
  type InputFile,
  parsedInputs,
  unchangedSinceHashed,
} from './versions/input-hash.js';
import { type DeckToSave, saveDecks as saveVersions, type SavedDeck, type SaveOptions } from './versions/save-decks.js';
import type { ImageStats } from './images/prepare-image.js';
import { checkBuiltDeck, checkFailure } from './check/check-deck.js';
import { backdropPictures } from './check/backdrop-pictures.js';
import { slideReader, slideReaderKeeping } from './check/read-deck.js';
import { loadReadingStore, readingStoreDir, saveReadingStore, type StoredReadings } from './check/reading-store.js';
import { rasterCacheDir } from './images/decode-raster.js';
import { finishDeck, type FinishedDeck } from './pptx/finish-package.js';
import type { FinishingMemo } from './pptx/finish-memo.js';
import type { PartReader } from './ooxml/package.js';
import { writePptx } from './pptx/write-pptx.js';
import { withinBuild } from './io/once-per-build.js';
import { inTurn } from './io/in-turn.js';
import { keepYoungGenerationCapped } from './heap-growth.js';

const log = debugLog('build');
/**
 * Kept wraps (measure-text.ts) beyond which a one-off build lets them go once a deck is laid out:
 * the bundled project's decks keep 200–4,000 (on a template), a 1,000-row plan ~18,000.
 */
const LINES_KEPT_AFTER_LAYOUT = 10_000;

export interface BuildOptions extends ProjectPaths {
  /** Deck ids to build; all decks when empty or absent. */
  decks?: string[];
  /** Folder for the .pptx files. @default "<root>/output" */
  outDir?: string;
  /** Counts image work, for tests and the benchmark. */
  imageStats?: ImageStats;
  /** Build in memory only; nothing is written. */
  dryRun?: boolean;
  /**
   * Replace a released or sent version with different content (--overwrite-released).
   * Without it such a build is refused (FrozenVersionError) before anything is written.
   * @default false
   */
  overwriteReleased?: boolean;
  /** `trappa release`: freeze every deck built, at this time (see versions/save-decks.ts). */
  releaseAt?: Date;
  /**
   * Run `trappa check`'s rules on every deck before it is saved; a deck with errors
   * stops the build (CheckFailedError) and the previous file stays. @default true
   */
  check?: boolean;
  /** Also write a checked, tagged PDF (PDF/A-2b, PDF/UA-1) beside each .pptx (LibreOffice). @default false */
  pdf?: boolean;
  /** Parsed files kept between builds in one process (watch mode); see data/yaml-cache.ts. */
  cache?: YamlCache;
  /**
   * Of the decks chosen by `decks`, build only those this accepts; the whole project is
   * still loaded and checked. Watch mode uses it to rebuild only what a change affects.
   * @default every chosen deck
   */
  only?: (deck: DeckSource) => boolean;
  /**
   * Fills in what a `changes: since-sent` slide lists (diff/sent-changes.ts, a layer above this
   * one, so the commands pass it in). A deck asking for it cannot be built without it.
   */
  addSentChanges?: (project: Project, plan: DeckPlan, outDir: string) => Promise<DeckPlan>;
  /**
   * This build is one of a session that builds the same decks again (watch mode): the trees of
   * its slides are kept for the next build where they fit (ooxml/package.ts readPartsOnce).
   */
  rebuilds?: boolean;
  /**
   * Laid-out slides kept between builds (watch mode: studio/slide-memo.ts): the memo for one
   * layout of `plan`, whose page is the built-in one or, when `design` is not empty, the
   * template's that `design` names (the same name only while the template's bytes are the same).
   */
  layoutMemo?: (plan: DeckPlan, design: string) => SlideMemo;
  /** What finishing made of each slide, kept between builds (watch mode: pptx/finish-memo.ts). */
  finishMemo?: FinishingMemo;
}

/**
 * A deck as the save stage takes it (file, bytes, sha256, inputs and their hash), plus how it
 * was planned and saved.
 */
export interface BuiltDeck extends DeckToSave {
  plan: DeckPlan;
  /** For each built slide, the index in the deck's `slides:` it was laid out from (absorb maps slides back by it). */
  planned: number[];
  /** What saving did: 'unchanged' when the manifest already records these bytes on disk. Absent in a dry run. */
  saved?: 'written' | 'unchanged';
  /** What the manifest records for the deck after saving (release state included). Absent in a dry run. */
  record?: SavedDeck;
  /** The PDF written beside the deck, with --pdf (checked by reading it). */
  pdf?: string;
  /** What that PDF declares, e.g. `PDF/A-2b, PDF/UA-1`. */
  pdfDeclares?: string;
  /** Warnings, one line each: a font measured with a stand-in, text a template's box made smaller. */
  notes: string[];
}

/** What building one deck takes of the build's options. */
type DeckOptions = Pick<BuildOptions, 'imageStats' | 'check' | 'cache' | 'layoutMemo' | 'rebuilds' | 'finishMemo'> & {
  /** Called when sharp starts on a picture the cache does not hold (see io/in-turn.ts). */
  onPicturesRendering?: () => void;
  /** The decks earlier builds saved, and what this deck's key and file are besides its plan. */
  reuse?: DeckReuse;
  /** The slides earlier builds' checks read (check/reading-store.ts): a one-off build's. */
  readings?: StoredReadings;
};

/** A one-off build's store of saved decks (template/deck-store.ts), and what it needs of this deck. */
interface DeckReuse {
  store: DeckStore;
  /** The key of the deck as planned with its design (deck-store.ts deckKey); undefined when it has none. */
  keyOf: (plan: DeckPlan) => string | undefined;
  /** Where the deck is saved. */
  fileOf: (plan: DeckPlan) => string;
  /**
   * Whether the files the key holds by their hash are still the ones hashed: a picture replaced
   * while the deck was built is in the deck but not in its key, and such a deck is not kept.
   */
  inputsUnchanged: () => boolean;
}

/** A deck built in memory, before saving. */
export type RenderedDeck = Omit<BuiltDeck, 'file' | 'inputs' | 'inputsHash' | 'saved' | 'pdf' | 'pdfDeclares'>;

export interface BuildResult {
  project: Project;
  decks: BuiltDeck[];
}

function selectDecks(project: Project, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return project.decks;
  const known = project.decks.map((d) => d.deck.id);
  const missing = ids.filter((id) => !findDeck(project, id));
  if (missing.length > 0) {
    throw new InputError(
      missing.map(
        (id): Issue => ({ file: 'data/decks', message: `no deck with id '${id}'; known decks: ${known.join(', ')}` }),
      ),
    );
  }
  return ids.map((id) => findDeck(project, id)!);
}

/** Builds one deck in memory: every stage but saving, with the project's own faces (fonts/fonts.ts). */
export function renderDeck(project: Project, given: DeckPlan, options: DeckOptions = {}): Promise<RenderedDeck> {
  return withFonts(project.fonts, () => renderInProject(project, given, options));
}

async function renderInProject(project: Project, given: DeckPlan, options: DeckOptions): Promise<RenderedDeck> {
  const id = given.deck.id;
  let started = performance.now();
  /** One line per stage: its time since the last stage ended. */
  const stage = (what: string, detail = ''): void => {
    if (log.enabled) log('%s: %s %s%s', id, what, msSince(started), detail);
    keepYoungGenerationCapped();
    started = performance.now();
  };
  const prepared = await prepareDesign(project.root, given);
  if (!prepared.ok) throw new InputError(prepared.issues);
  stage('design', prepared.value.design ? " (the organisation's template)" : ' (built-in)');
  const { plan } = prepared.value;
  const faces = measuredFaces([plan.theme.fonts.heading, plan.theme.fonts.body]);
  const key = options.reuse?.keyOf(plan);
  const kept = key === undefined ? undefined : keptDeck(plan, key, options.reuse!);
  if (kept) {
    stage('reused', ` (the deck saved by an earlier build: ${kept.bytes.length} bytes)`);
    return { ...kept, faces, notes: [...prepared.value.notes, ...kept.notes] };
  }
  const { finished, slideCount, planned, notes } = await finishedDeck(project, prepared.value, options, stage);
  const { bytes } = finished;
  if (options.check !== false) {
    const failed = checkFailure(
      `${plan.baseName}.pptx`,
      // Warnings are not shown by a build: only the rules that can refuse the deck run.
      checkBuiltDeck(finished.package, plan.theme, {
        errorsOnly: true,
        pictures: await backdropPictures(bytes, {
          pkg: finished.package,
          media: finished.media,
          cacheDir: rasterCacheDir(project.root),
        }),
      }),
    );
    if (failed) throw failed;
    stage('check');
  }
  const sha256 = sha256Hex(bytes);
  if (key !== undefined && options.reuse!.inputsUnchanged()) {
    // Every face measuring resolved so far, the check's included: more than this deck's at worst.
    const measured = project.fonts.resolvedFaces();
    options.reuse!.store.keep(key, {
      size: bytes.length,
      sha256,
      slideCount,
      planned,
      notes,
      faces: measured,
      facesIdentity: facesIdentity(measured),
    });
  }
  return {
    deckId: plan.deck.id,
    version: plan.strategy.version,
    bytes,
    sha256,
    slideCount,
    faces,
    plan,
    notes: [...prepared.value.notes, ...notes],
    planned,
  };
}

/**
 * The deck an earlier build saved under `key`, when the faces that measured it are still the same
 * files and its output file still holds its bytes; undefined otherwise. Layout, pictures, writing,
 * finishing and the check are then skipped: equal keys are equal inputs and code, so the same
 * bytes. The check (errors only) reads nothing but the deck's bytes, the theme (in the key) and
 * the faces (compared here), so on the same bytes it finds what it found when the deck was kept,
 * which was nothing, or the deck would not have been kept.
 */
function keptDeck(plan: DeckPlan, key: string, { store, fileOf }: DeckReuse): Omit<RenderedDeck, 'faces'> | undefined {
  const kept = store.find(key);
  if (!kept || facesIdentity(kept.faces) !== kept.facesIdentity) return undefined;
  const bytes = keptBytes(fileOf(plan), kept);
  if (!bytes) return undefined;
  return {
    deckId: plan.deck.id,
    version: plan.strategy.version,
    bytes,
    sha256: kept.sha256,
    slideCount: kept.slideCount,
    plan,
    notes: kept.notes,
    planned: kept.planned,
    reused: true,
  };
}

/**
 * Layout, images, write and finish: the finished deck, and what the build still needs of the
 * laid-out one. The laid-out deck (every slide's elements, its pictures' bytes) stays in this
 * frame and is let go before the check: the check's trees of every part are the largest thing a
 * big deck holds, and the laid-out deck was held beside them to the end (a heap snapshot at the
 * check of a 1,000-row deck: 201 laid-out slides alive before, none after).
 */
async function finishedDeck(
  project: Project,
  { plan, place, design: template }: PreparedDesign,
  options: DeckOptions,
  stage: (what: string, detail?: string) => void,
): Promise<{ finished: FinishedDeck; slideCount: number; planned: number[]; notes: string[] }> {
  const memo = options.layoutMemo?.(plan, template ? `${plan.theme.template}#${setNumber(template.set)}` : '');
  const laidOut = layoutDeck(plan, place, memo);
  if (!laidOut.ok) throw new InputError(laidOut.issues);
  // Not in watch mode (a cache): there the next build finds the lines of every text it did not change.
  if (!options.cache) forgetLinesBeyond(LINES_KEPT_AFTER_LAYOUT);
  stage('layout', ` (${plan.slides.length} planned slides → ${laidOut.value.slides.length})`);
  const placed = await placeImages(laidOut.value, {
    projectRoot: project.root,
    stats: options.imageStats,
    onRender: options.onPicturesRendering,
  });
  if (!placed.ok) throw new InputError(placed.issues);
  stage('images');
  const { deck, images } = placed.value;
  const design =
    template ??
    builtInDesign(
      plan.theme,
      deckPage(plan),
      { footerText: footerText(deck), date: plan.properties.date },
      builtInStoreDir(project.root),
    );
  // The check reads each slide as finishing parses it, and its tree goes (check/read-deck.ts slideReader).
  const reader = options.check === false ? undefined : checkReader(options);
  const finished = finishDeck(await writePptx(deck), plan.properties, deckStructure(design, deck), {
    reader,
    memo: options.finishMemo,
  });
  if (reader && 'stats' in reader) log('%s: slides read as kept %o', plan.deck.id, reader.stats);
  stage('write and finish', ` (${finished.bytes.length} bytes)`);
  const overBudget = checkBudget(
    images,
    finished.bytes.length,
    plan.theme.sizeBudgetMB,
    plan.locateTheme(['sizeBudgetMB']),
  );
  if (overBudget) throw new InputError([overBudget]);
  return {
    finished,
    slideCount: deck.slides.length,
    planned: deck.slides.map((s) => s.planned ?? -1),
    notes: laidOut.value.notes ?? [],
  };
}

/** The check's slide reader in a session that builds the deck again (watch mode). */
const rereadSlides: PartReader = { ...slideReader, readsAgain: true };

/** How the check reads the slides as they are parsed: recalling earlier builds' readings where it has them. */
function checkReader({ readings, rebuilds }: DeckOptions): PartReader | ReturnType<typeof slideReaderKeeping> {
  if (readings) return slideReaderKeeping(readings, { readsAgain: rebuilds });
  return rebuilds ? rereadSlides : slideReader;
}

/**
 * A number for each template read (a master set): template/load-template.ts hands out the same
 * set while the file's bytes stay the same, so the number names those bytes in this process.
 */
const setNumbers = new WeakMap<object, number>();
let setsNumbered = 0;
function setNumber(set: object): number {
  let n = setNumbers.get(set);
  if (n === undefined) setNumbers.set(set, (n = ++setsNumbered));
  return n;
}

/** Loads the project and builds its decks; the decks share what depends only on the files (io/once-per-build.ts). */
export function buildDecks(options: BuildOptions): Promise<BuildResult> {
  // The project's store of pictures' art is this build's only (ground-art.ts keeps it per process).
  return withinBuild(() => buildInScope(options)).finally(() => keepPictureArtIn(undefined));
}

async function buildInScope(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const loaded = await loadProject(options, { cache: options.cache });
  if (!loaded.ok) throw new InputError(loaded.issues);
  const project = loaded.value;
  loadHyphenStore(hyphenStoreFile(project.root));
  keepPictureArtIn(keptPictureArt(project.root));
  debugLog('load')(
    'project %s: %d files, %d decks in %s',
    project.root,
    project.files.length,
    project.decks.length,
    msSince(started),
  );
  const { outDir } = resolvePaths({ ...options, root: project.root });
  loadDeflateStore(deflateStoreDir(project.root));
  // A watch session keeps its own memo; a one-off build takes what the project's last builds finished.
  const finished = options.finishMemo ? undefined : loadFinishStore(finishStoreDir(project.root));
  const finishMemo = options.finishMemo ?? finished;
  const readings = options.finishMemo ? undefined : loadReadingStore(readingStoreDir(project.root));
  // A session (watch mode) keeps its own memos in memory; a one-off build takes the decks earlier builds saved.
  const decksKept = options.cache ? undefined : loadDeckStore(deckStoreDir(project.root));
  const parsed = parsedInputs(project);
  const rendered: InputsHashed[] = [];
  const failed: CheckFailedError[] = [];
  const sources = selectDecks(project, options.decks).filter((d) => options.only?.(d) ?? true);
  const outcomes = await inTurn(sources, async (source, onPicturesRendering) => {
    // A deck that fails its checks does not stop the others from being checked, so one run
    // reports every failing deck; none is saved unless all pass.
    try {
      const plan = await planDeck(project, source, outDir, options);
      // The YAML as loaded: the hash takes the loader's parse instead of reading and parsing each file again.
      const inputs = deckInputFiles(project, source);
      const inputsHash = await hashInputs(inputs, parsed);
      const reuse = decksKept && deckReuse(decksKept, { inputs, inputsHash, parsed, outDir, options });
      const deck = await renderDeck(project, plan, { ...options, finishMemo, readings, onPicturesRendering, reuse });
      return { ...deck, inputs, inputsHash };
    } catch (error) {
      if (!(error instanceof CheckFailedError)) throw error;
      return error;
    }
  });
  for (const outcome of outcomes) {
    if (!outcome.ok) throw outcome.error;
    if (outcome.value instanceof CheckFailedError) failed.push(outcome.value);
    else rendered.push(outcome.value);
  }
  if (failed.length > 0) {
    const note = rendered.length > 0 ? `\nNothing was saved, also not the ${rendered.length} deck(s) that passed.` : '';
    throw new CheckFailedError(failed.map((e) => e.message).join('\n') + note);
  }
  saveDeflateStore(deflateStoreDir(project.root));
  if (finished) saveFinishStore(finishStoreDir(project.root), finished);
  if (readings) saveReadingStore(readingStoreDir(project.root), readings);
  const decks = await saveDecks(rendered, outDir, options);
  // After saving: an entry names the bytes of a deck's output file, which a dry run does not write.
  if (decksKept && !options.dryRun) saveDeckStore(deckStoreDir(project.root), decksKept);
  if (options.pdf && !options.dryRun) await writePdfs(decks);
  saveHyphenStore(hyphenStoreFile(project.root));
  keepSlotAnswers();
  return { project, decks };
}

/** An accessible PDF beside each deck, all in one LibreOffice run; LibreOffice and pdf.js load only here. */
async function writePdfs(decks: BuiltDeck[]): Promise<void> {
  const { exportPdfs } = await import('./post/pdf.js');
  // An unchanged deck keeps its PDF while that is still the deck's accessible one.
  const jobs = decks.map((deck) => ({
    pptx: deck.file,
    outFile: deck.file.replace(/\.pptx$/, '.pdf'),
    language: deck.plan.properties.language,
    keepIfAccessible: deck.saved === 'unchanged',
  }));
  const written = await exportPdfs(jobs);
  decks.forEach((deck, i) => {
    deck.pdf = written[i]!.file;
    deck.pdfDeclares = written[i]!.declares;
  });
}

/** The deck's plan, with the differences since the version last sent when its changes slide asks for them. */
async function planDeck(
  project: Project,
  source: DeckSource,
  outDir: string,
  options: BuildOptions,
): Promise<DeckPlan> {
  const plan = resolveDeck(project, source);
  if (!wantsSentChanges(plan)) return plan;
  if (!options.addSentChanges)
    throw new Error(`${plan.deck.id} asks for changes: since-sent, but this build was started without addSentChanges`);
  return options.addSentChanges(project, plan, outDir);
}

/** A deck built in memory with the files it was built from and their hash (versions/input-hash.ts). */
type InputsHashed = RenderedDeck & Pick<BuiltDeck, 'inputs' | 'inputsHash'>;

/** Where a deck is saved. */
const deckFile = (outDir: string, plan: DeckPlan): string => path.join(outDir, `${plan.baseName}.pptx`);

/**
 * What a deck's key holds besides its plan (template/deck-store.ts deckKey): the build of Trappa,
 * the deck's input files by their hash, the YAML it was planned from as read, the output folder
 * and whether the build checks.
 */
function deckReuse(
  store: DeckStore,
  {
    inputs,
    inputsHash,
    parsed,
    outDir,
    options,
  }: {
    inputs: InputFile[];
    inputsHash: string;
    parsed: ReadonlyMap<string, YamlSource>;
    outDir: string;
    options: BuildOptions;
  },
): DeckReuse | undefined {
  const build = process.env.TRAPPA_BUILD_ID;
  if (!build) return undefined;
  const sources = inputs.flatMap((f) => parsed.get(f.absolute) ?? []);
  const parts = { build, inputsHash, sources, outDir, check: options.check !== false };
  const keyOf = (plan: DeckPlan): string | undefined => {
    try {
      return deckKey(plan, parts);
    } catch {
      // A value JSON cannot write (a BigInt, a cycle): no key, so the deck is built and not kept.
      return undefined;
    }
  };
  return {
    store,
    keyOf,
    fileOf: (plan) => deckFile(outDir, plan),
    inputsUnchanged: () => unchangedSinceHashed(inputs),
  };
}

/** The last stage: version state decides and saves (src/versions/save-decks.ts). */
async function saveDecks(rendered: InputsHashed[], outDir: string, options: BuildOptions): Promise<BuiltDeck[]> {
  const built = rendered.map((deck) => ({ ...deck, file: deckFile(outDir, deck.plan) }));
  if (options.dryRun) return built;
  const saveOptions: SaveOptions = { overwriteReleased: options.overwriteReleased, releaseAt: options.releaseAt };
  const saved = await saveVersions(outDir, built, saveOptions);
  return built.map((deck, i) => ({ ...deck, saved: saved[i]!.saved, record: saved[i]! }));
}
