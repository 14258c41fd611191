/**
 * `trappa template FILE --sheet DIR`: the project's slides built on the template and
 * rendered (LibreOffice → PDF → pdftoppm → contact sheet, as `trappa preview`), so a person
 * sees what a deck on it will look like before theme.yaml names it. One slide of each kind
 * the project's decks use, in a copy of the project: the project itself is not touched.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { buildDecks } from '../build-deck.js';
import { CheckFailedError } from '../errors.js';
import { resolvePaths, type ProjectPathOptions } from '../project-paths.js';
import { makeFolderSync } from '../io/save-file.js';

const SHEET_DECK = 'trappa-template-sheet';

type SlideEntry = string | { slide?: string; kind?: string };

/**
 * One slide of each kind the project's decks use, in the order they first appear: a strategy
 * slide by its name alone (its deck's options may need that deck's audience), a deck's own
 * slide whole (it carries its own text).
 */
function slidesOfDecks(decksDir: string): unknown[] {
  const seen = new Map<string, unknown>();
  for (const file of readdirSync(decksDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const deck = parse(readFileSync(path.join(decksDir, file), 'utf8')) as { slides?: SlideEntry[] } | null;
    for (const entry of deck?.slides ?? []) {
      const name = typeof entry === 'string' ? entry : (entry?.slide ?? `kind:${entry?.kind}`);
      if (!seen.has(name)) seen.set(name, typeof entry === 'string' || entry?.slide ? { slide: name } : entry);
    }
  }
  return [...seen.values()];
}

/** A copy of the project whose theme names `template` and whose one deck holds every kind of slide. */
function sheetProject(options: ProjectPathOptions, template: string): string {
  const paths = resolvePaths(options);
  const root = mkdtempSync(path.join(tmpdir(), 'trappa-template-sheet-'));
  cpSync(paths.dataDir, path.join(root, 'data'), { recursive: true });
  if (existsSync(paths.templatesDir)) cpSync(paths.templatesDir, path.join(root, 'templates'), { recursive: true });
  if (existsSync(paths.assetsDir)) cpSync(paths.assetsDir, path.join(root, 'assets'), { recursive: true });
  makeFolderSync(path.join(root, 'assets/templates'));
  const name = `sheet-${path.basename(template)}`;
  copyFileSync(template, path.join(root, 'assets/templates', name));
  const themeFile = path.join(root, 'data/theme.yaml');
  // theme.yaml's own template and layout names belong to another template.
  const theme = readFileSync(themeFile, 'utf8')
    .replace(/^template:.*\n?/m, '')
    .replace(/^layouts:.*\n(?:[ \t]+.*\n?)*/m, '');
  writeFileSync(themeFile, `${theme.replace(/\n*$/, '\n')}template: templates/${name}\n`);
  const slides = slidesOfDecks(path.join(root, 'data/decks'));
  const deck = { id: SHEET_DECK, audience: { name: 'Template' }, slides };
  writeFileSync(path.join(root, 'data/decks', `${SHEET_DECK}.yaml`), JSON.stringify(deck, null, 2));
  return root;
}

/** Which layout each built slide uses, by its name in the template. */
function slideLayouts(pptx: string): string[] {
  const parts = unzipSync(readFileSync(pptx), {
    filter: (f) => /^ppt\/(slides\/_rels|slideLayouts)\/[^/]+$/.test(f.name),
  });
  const count = Object.keys(parts).filter((n) => n.startsWith('ppt/slides/_rels/')).length;
  return Array.from({ length: count }, (_, i) => {
    const rels = strFromU8(parts[`ppt/slides/_rels/slide${i + 1}.xml.rels`] ?? new Uint8Array());
    const layout = /Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)?.[1] ?? '';
    const xml = strFromU8(parts[`ppt/slideLayouts/${layout}`] ?? new Uint8Array());
    return /<p:cSld\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1] ?? layout;
  });
}

export interface TemplateSheet {
  contactSheet: string;
  deck: string;
  /** Per slide: its layout's name. */
  layouts: string[];
  /** The checks' refusal when a build on the template fails them: the sheet then shows the deck unchecked. */
  failed?: CheckFailedError;
}

/** The deck built with the checks, or, when they fail, without them and the failure beside it. */
async function buildSheetDeck(root: string): Promise<{ file: string; failed?: CheckFailedError }> {
  const options = { root, decks: [SHEET_DECK], outDir: path.join(root, 'output') };
  try {
    return { file: (await buildDecks(options)).decks[0]!.file };
  } catch (error) {
    if (!(error instanceof CheckFailedError)) throw error;
    return { file: (await buildDecks({ ...options, check: false })).decks[0]!.file, failed: error };
  }
}

/** Builds the sheet deck on `template` and renders it into `outDir`. */
export async function writeTemplateSheet(
  options: ProjectPathOptions,
  template: string,
  outDir: string,
): Promise<TemplateSheet> {
  const root = sheetProject(options, template);
  try {
    const { file, failed } = await buildSheetDeck(root);
    makeFolderSync(outDir);
    const deck = path.join(outDir, `${path.basename(template).replace(/\.[^.]+$/, '')}-sheet.pptx`);
    copyFileSync(file, deck);
    const { previewDeck } = await import('../post/preview.js');
    const preview = await previewDeck(deck, { outDir });
    return { contactSheet: preview.contactSheet, deck, layouts: slideLayouts(deck), ...(failed ? { failed } : {}) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
