/**
 * Reads everything a build needs from the project folder and validates it:
 * data/strategy.yaml, data/theme.yaml, data/decks/*.yaml and the templates of
 * the languages the decks use. All problems of all files are reported together.
 */
import { FontRegistry } from '../fonts/fonts.js';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { fail, ok, type Issue, type Result } from '../errors.js';
import type { TemplateSet, TemplateSource } from '../render/render-text.js';
import { resolvePaths, type ProjectPathOptions } from '../project-paths.js';
import type { YamlSource } from './load-yaml.js';
import { loadKeptYaml } from './parsed-yaml-store.js';
import { deckSchema, themeSchema, type Deck, type Strategy, type Theme } from './schema.js';
import type { DeckData } from './deck-schema.js';
import type { Language } from './localize.js';
import { meetingDateNotices } from './check-meeting-dates.js';
import { migrationHints } from './migration-hints.js';
import { fallbackNotices, ownLanguageStrategy, strategyIn } from './strategy-languages.js';
import { labelsSchema, slideWordingSchema } from './template-schema.js';
import { checkReferences, checkWordingKeys } from './check-references.js';
import { checkTheme, registerThemeFonts } from './check-theme.js';
import { locateIn } from './validate.js';
import { validateYaml, type Validated, type YamlCache } from './yaml-cache.js';

export interface DeckSource {
  deck: Deck;
  source: YamlSource;
}

export interface Project {
  root: string;
  /** The strategy in its own language. */
  strategy: Strategy;
  /** The strategy in each language a deck uses (its own included): translations chosen, see localize.ts. */
  strategies: Map<Language, Strategy>;
  /** Warnings that do not stop the build (a translation filled in by the fallback language), located. */
  notices: Issue[];
  strategySource: YamlSource;
  theme: Theme;
  themeSource: YamlSource;
  decks: DeckSource[];
  /** Template sets by language code ("nb", "nn", "en"), for the languages the decks use. */
  templates: Map<string, TemplateSet>;
  /** Their files as parsed (labels.yaml, slides.yaml of each language): the input hash takes these, not the disk's. */
  templateSources: YamlSource[];
  /** Every file read, relative to root, for input hashing and watch mode. */
  files: string[];
  /** The faces the theme names, with their files: this project's own, measured only in its work (fonts/fonts.ts). */
  fonts: FontRegistry;
}

/** The folders loadProject reads (the output folder is not its business). */
export type ProjectPaths = Omit<ProjectPathOptions, 'outDir'>;

export interface LoadOptions {
  /**
   * Parsed and validated files from earlier loads in this process (watch mode): only files
   * whose bytes changed are parsed again. Checks across files and of the theme still run.
   * @default undefined (every file is parsed)
   */
  cache?: YamlCache;
}

async function loadAndValidate<S extends z.ZodType>(
  root: string,
  absPath: string,
  schema: S,
  cache: YamlCache | undefined,
): Promise<Result<Validated<z.output<S>>>> {
  const display = path.relative(root, absPath) || absPath;
  if (cache) return cache.load(absPath, display, schema);
  return validateYaml(await loadKeptYaml(absPath, display, path.join(root, '.cache', 'yaml')), schema);
}

// The project folder's stat and the decks folder's listing are synchronous, as the YAML reads are
// (parsed-yaml-store.ts): calls of microseconds that, through libuv's pool, waited under load (issue #27).
function listDeckFiles(decksDir: string): string[] {
  try {
    const names = readdirSync(decksDir);
    return names
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort()
      .map((n) => path.join(decksDir, n));
  } catch {
    return [];
  }
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

async function loadTemplateSet(
  root: string,
  dir: string,
  cache: YamlCache | undefined,
): Promise<Result<{ set: TemplateSet; sources: YamlSource[] }>> {
  const labels = await loadAndValidate(root, path.join(dir, 'labels.yaml'), labelsSchema, cache);
  const wording = await loadAndValidate(root, path.join(dir, 'slides.yaml'), slideWordingSchema, cache);
  if (!labels.ok || !wording.ok)
    return fail([...(labels.ok ? [] : labels.issues), ...(wording.ok ? [] : wording.issues)]);
  const templates = new Map<string, TemplateSource>();
  for (const [slide, texts] of Object.entries(wording.value.value)) {
    for (const [key, source] of Object.entries(texts)) {
      if (source === undefined) continue; // a key only an option uses, not in this project's wording
      templates.set(`${slide}.${key}`, { source, location: locateIn(wording.value.source, [slide, key]) });
    }
  }
  return ok({ set: { labels: labels.value.value, templates }, sources: [labels.value.source, wording.value.source] });
}

export async function loadProject(paths: ProjectPaths, { cache }: LoadOptions = {}): Promise<Result<Project>> {
  const root = path.resolve(paths.root);
  const { dataDir, templatesDir } = resolvePaths({ ...paths, root });
  const issues: Issue[] = [];
  const collect = <T>(r: Result<T>): T | undefined => {
    if (r.ok) return r.value;
    issues.push(...r.issues);
    return undefined;
  };

  if (!isFolder(dataDir)) {
    // Not a project folder at all: one line that says so instead of three "not found".
    const hint =
      paths.dataDir === undefined
        ? 'run trappa in the project folder, or pass --root'
        : 'the folder given with --data does not exist';
    return fail([
      { file: path.relative(root, path.join(dataDir, 'strategy.yaml')), message: `file not found; ${hint}` },
    ]);
  }
  const deckFiles = listDeckFiles(path.join(dataDir, 'decks'));
  const [strategy, theme, ...decks] = await Promise.all([
    loadAndValidate(root, path.join(dataDir, 'strategy.yaml'), ownLanguageStrategy, cache).then(collect),
    loadAndValidate(root, path.join(dataDir, 'theme.yaml'), themeSchema, cache).then(collect),
    ...deckFiles.map((f) => loadAndValidate(root, f, deckSchema, cache).then(collect)),
  ]);
  if (deckFiles.length === 0) {
    const decksDir = path.relative(root, path.join(dataDir, 'decks'));
    issues.push({
      file: decksDir,
      message: `has no deck definitions; add one, e.g. ${path.join(decksDir, 'strategi.yaml')}`,
    });
  }
  const fonts = new FontRegistry();
  if (theme) {
    issues.push(
      ...checkTheme(theme.value, theme.source),
      ...(await registerThemeFonts(root, theme.value, theme.source, fonts)),
    );
  }

  // A deck without a language is in the strategy's.
  const own = strategy?.value.language ?? 'nb';
  const deckLanguage = (d: DeckData): Language => d.language ?? own;
  const languages = [...new Set(decks.flatMap((d) => (d ? [deckLanguage(d.value)] : [])))].sort();
  const templates = new Map<string, TemplateSet>();
  const templateSources: YamlSource[] = [];
  for (const language of languages) {
    const loaded = collect(await loadTemplateSet(root, path.join(templatesDir, language), cache));
    if (!loaded) continue;
    templates.set(language, loaded.set);
    templateSources.push(...loaded.sources);
  }
  if (issues.length > 0 || !strategy || !theme) return fail(issues);

  const deckSources = decks.flatMap((d) =>
    d ? [{ deck: { ...d.value, language: deckLanguage(d.value) }, source: d.source }] : [],
  );
  const strategies = new Map<Language, Strategy>([[own, strategy.value]]);
  const notices: Issue[] = fallbackNotices(strategy.source, own, own);
  for (const language of languages.filter((l) => l !== own)) {
    const translated = strategyIn(strategy.source, language as Language);
    if (translated.ok) strategies.set(language as Language, translated.value.strategy);
    else issues.push(...translated.issues);
    if (translated.ok) notices.push(...translated.value.notices);
  }
  issues.push(...checkReferences(strategy, deckSources));
  notices.push(...meetingDateNotices(strategy, deckSources), ...migrationHints(strategy.value, strategy.source));
  const allKnown = new Set<string>();
  for (const [language, set] of templates) {
    const known = new Set(set.templates.keys());
    known.forEach((k) => allKnown.add(k));
    for (const d of deckSources.filter((d) => d.deck.language === language))
      issues.push(...checkWordingKeys(known, d.deck.wording, d.source, language));
  }
  issues.push(...checkWordingKeys(allKnown, strategy.value.wording, strategy.source, languages[0] ?? 'nb'));
  if (issues.length > 0) return fail(issues);

  const files = [strategy.source, theme.source, ...deckSources.map((d) => d.source)].map((s) => s.file);
  for (const language of languages)
    files.push(
      path.relative(root, path.join(templatesDir, language, 'labels.yaml')),
      path.relative(root, path.join(templatesDir, language, 'slides.yaml')),
    );
  return ok({
    root,
    strategy: strategy.value,
    strategies,
    notices,
    strategySource: strategy.source,
    theme: theme.value,
    themeSource: theme.source,
    decks: deckSources,
    templates,
    templateSources,
    files,
    fonts,
  });
}
