/**
 * What one side of `trappa diff` names → the deck's texts (and, where Trappa can lay the deck
 * out, an SVG of each slide): a .pptx file; `deck@version`, rebuilt from its release snapshot
 * (or, for a version frozen by sending, the file that was sent); `deck`, the working data; or a
 * folder holding another version's data files (laid out with this project's templates).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { renderDeck } from '../build-deck.js';
import { InputError, TrappaError } from '../errors.js';
import { loadProject, type Project } from '../data/load-project.js';
import { layoutDeck } from '../deck/layout-deck.js';
import { placeImages } from '../deck/place-images.js';
import { findDeck, resolveDeck } from '../plan/resolve-deck.js';
import type { ProjectPathOptions } from '../project-paths.js';
import { renderSlideSvg } from '../preview-svg/render-slide.js';
import { compareVersions } from '../versions/manifest.js';
import { readRecord, readRecords, releaseDir } from '../versions/records.js';
import { checkoutRelease } from '../versions/snapshots.js';
import { readDeckTexts, type SlideTexts } from '../absorb/read-texts.js';
import { addSentChanges } from './sent-changes.js';

export interface DiffSide {
  label: string;
  slides: SlideTexts[];
  /** One SVG per slide, when the side was laid out by Trappa (not for a .pptx file). */
  svgs?: string[];
  /** The deck's language tag (`nb-NO`), from its document properties, for the page's `lang`. */
  language?: string;
}

/** The slides' texts and the language the deck's properties declare. */
function textsOf(bytes: Uint8Array): Pick<DiffSide, 'slides' | 'language'> {
  const texts = readDeckTexts(bytes);
  const language = /<dc:language>([^<]+)<\/dc:language>/.exec(texts.package.xml.get('docProps/core.xml') ?? '')?.[1];
  return { slides: texts.slides, ...(language ? { language } : {}) };
}

type Paths = ProjectPathOptions & { outDir: string };

async function load(paths: ProjectPathOptions): Promise<Project> {
  const loaded = await loadProject(paths);
  if (!loaded.ok) throw new InputError(loaded.issues);
  return loaded.value;
}

/** Builds a deck of a project in memory: its texts, as the .pptx has them, and its slides as SVG. */
async function buildSide(project: Project, deckId: string, label: string, outDir: string): Promise<DiffSide> {
  const source = findDeck(project, deckId);
  if (!source) {
    const known = project.decks.map((d) => d.deck.id).join(', ');
    throw new TrappaError(`no deck '${deckId}' in ${label}; known decks: ${known}`);
  }
  const plan = await addSentChanges(project, resolveDeck(project, source), outDir);
  const rendered = await renderDeck(project, plan, { check: false });
  const laid = layoutDeck(plan);
  if (!laid.ok) throw new InputError(laid.issues);
  const placed = await placeImages(laid.value, { projectRoot: project.root });
  if (!placed.ok) throw new InputError(placed.issues);
  const { deck } = placed.value;
  const svgs = deck.slides.map((s, i) => renderSlideSvg(s, deck.size, { label: `${i + 1}: ${s.title}` }));
  return { label, ...textsOf(rendered.bytes), svgs };
}

async function fileSide(file: string): Promise<DiffSide> {
  const shown = path.relative(process.cwd(), file) || file;
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) throw new InputError([{ file: shown, message: 'no such file; give the path of a .pptx' }]);
  try {
    return { label: shown, ...textsOf(new Uint8Array(bytes)) };
  } catch (error) {
    throw new InputError([{ file: shown, message: `is not a PowerPoint file (${(error as Error).message})` }]);
  }
}

/** `deck@version`: the release snapshot rebuilt, else the frozen file itself. */
async function versionSide(deckId: string, version: string, paths: Paths): Promise<DiffSide> {
  const dir = releaseDir(paths.outDir, deckId, version);
  const record = await readRecord(dir).catch(() => undefined);
  const label = `${deckId}@${version}`;
  if (record && record.files.length > 0) {
    const checkout = await checkoutRelease(dir);
    try {
      return await buildSide(await load({ root: checkout.root }), deckId, label, paths.outDir);
    } finally {
      await checkout.cleanup();
    }
  }
  if (record?.file) return { ...(await fileSide(path.join(paths.outDir, record.file))), label };
  throw new TrappaError(
    `${label} was never released or sent, so there is nothing to compare with; give a .pptx instead (trappa list shows the versions)`,
  );
}

/** A side as the user wrote it; `deck` names the deck for a side that is a data folder. */
export async function resolveSide(spec: string, paths: Paths, deck?: string): Promise<DiffSide> {
  if (/\.pptx$/i.test(spec)) return fileSide(path.resolve(spec));
  if ((await stat(spec).catch(() => undefined))?.isDirectory()) {
    if (!deck)
      throw new TrappaError(`${spec} is a data folder: name the deck on the other side (a deck id or deck@version)`);
    // Another version's data (strategy.yaml, theme.yaml, decks/) with this project's templates and assets.
    return buildSide(await load({ ...paths, dataDir: path.resolve(spec) }), deck, `${deck} in ${spec}`, paths.outDir);
  }
  const at = /^([a-z0-9-]+)@v?(\d+(?:\.\d+){0,2})$/.exec(spec);
  if (at) return versionSide(at[1]!, at[2]!, paths);
  if (/^[a-z0-9-]+$/.test(spec)) return buildSide(await load(paths), spec, `${spec} (working data)`, paths.outDir);
  throw new TrappaError(`'${spec}' is not a deck: write deck@version, a deck id (the working data) or a .pptx file`);
}

/** What the deck's audience last received: the highest version of the deck that was sent. */
export async function lastSent(deckId: string, paths: Paths): Promise<string> {
  const { records } = await readRecords(paths.outDir);
  const sent = records
    .filter((r) => r.deckId === deckId && r.sentAt)
    .sort((x, y) => compareVersions(y.version, x.version));
  if (!sent[0]) throw new TrappaError(`${deckId} was never sent, so its audience has received nothing to compare with`);
  return `${deckId}@${sent[0].version}`;
}
