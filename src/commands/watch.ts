/**
 * `trappa build --watch`: build, then rebuild in the same process whenever something in
 * data/, templates/ or assets/ changes. The warm process keeps parsed fonts, the image
 * cache and every unchanged YAML file parsed and validated (data/yaml-cache.ts), and a
 * rebuild renders only the decks the change affects, so it costs a fraction of a cold
 * start. Errors are printed as located one-liners and the watcher keeps going; Ctrl+C
 * (SIGINT) or SIGTERM stops it cleanly.
 */
import { resolvePaths } from '../project-paths.js';
import path from 'node:path';
import { watch } from 'chokidar';
import { buildDecks, type BuildOptions, type BuildResult } from '../build-deck.js';
import type { DeckSource } from '../data/load-project.js';
import { YamlCache } from '../data/yaml-cache.js';
import { SlideCache } from '../studio/slide-memo.js';
import { FinishMemo } from '../pptx/finish-memo.js';
import { type Messages, messagesIn } from '../messages/catalogue.js';

export interface WatchOptions {
  build: BuildOptions;
  /** Wait this long after the last change before rebuilding (editors save in bursts). @default 150 */
  debounceMs?: number;
  /** Prints one build's result; `ms` is the time of the whole rebuild. */
  onBuilt(result: BuildResult, ms: number): void;
  /** Prints a failed build (the CLI passes its reportError). */
  onError(error: unknown): void;
  log(line: string): void;
  /** Stops the watcher; SIGINT and SIGTERM do too. */
  signal?: AbortSignal;
  /** The words of the lines between builds (the CLI's language). @default English */
  messages?: Messages;
}

/** The folders a build reads: data, templates and assets. */
function watchedDirs(options: BuildOptions): string[] {
  const root = path.resolve(options.root);
  const paths = resolvePaths({ ...options, root });
  return [paths.dataDir, paths.templatesDir, paths.assetsDir];
}

/**
 * The decks a set of changes makes stale: all of them, or those built from the given deck
 * files (absolute paths) or in the given template languages.
 */
export type Stale = 'all' | { deckFiles: Set<string>; languages: Set<string> };

const nothingStale = (): Stale => ({ deckFiles: new Set(), languages: new Set() });

/** Path segments of `file` below `dir`, or undefined when it is not inside (`[]` for `dir` itself). */
function below(dir: string, file: string): string[] | undefined {
  const rel = path.relative(dir, file);
  if (rel === '') return [];
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? undefined : rel.split(path.sep);
}

/**
 * What changed files (absolute paths) make stale. A deck file affects its own deck; a file in
 * templates/<lang>/ the decks in that language; anything else (strategy.yaml, theme.yaml,
 * assets/, a folder appearing or vanishing) every deck. Files the loader never reads, such as
 * notes beside the decks, affect none.
 */
export function staleDecks(files: Iterable<string>, options: BuildOptions): Stale {
  const root = path.resolve(options.root);
  const { dataDir, templatesDir } = resolvePaths({ ...options, root });
  const decksDir = path.join(dataDir, 'decks');
  const stale = { deckFiles: new Set<string>(), languages: new Set<string>() };
  for (const file of files) {
    const inDecks = below(decksDir, file);
    const inTemplates = below(templatesDir, file);
    if (inDecks && inDecks.length > 0) {
      // Only data/decks/*.yaml are decks (listDeckFiles in data/load-project.ts); nothing else there is read.
      if (inDecks.length === 1 && /\.ya?ml$/i.test(file)) stale.deckFiles.add(file);
    } else if (inTemplates?.[0] !== undefined) stale.languages.add(inTemplates[0]);
    else return 'all';
  }
  return stale;
}

function mergeStale(a: Stale, b: Stale): Stale {
  if (a === 'all' || b === 'all') return 'all';
  return { deckFiles: new Set([...a.deckFiles, ...b.deckFiles]), languages: new Set([...a.languages, ...b.languages]) };
}

const isStale =
  (stale: Stale, root: string) =>
  (d: DeckSource): boolean =>
    stale === 'all' || stale.deckFiles.has(path.resolve(root, d.source.file)) || stale.languages.has(d.deck.language);

/** "rebuilt storledermote; not affected: ansatte, strategi", the line after a rebuild. */
function describeRebuild(result: BuildResult, options: BuildOptions, { say }: Messages): string {
  const built = result.decks.map((d) => d.deckId);
  const chosen = options.decks?.length ? options.decks : result.project.decks.map((d) => d.deck.id);
  const kept = chosen.filter((id) => !built.includes(id));
  const what =
    built.length === 0
      ? say('watch.noneAffected')
      : kept.length === 0 && built.length > 1
        ? say('watch.rebuiltAll', { n: built.length })
        : say('watch.rebuilt', { decks: built.join(', ') });
  return kept.length > 0 ? say('watch.notAffected', { what, decks: kept.join(', ') }) : what;
}

/** Editor droppings: backups (~), swap files, hidden temporary files written before a rename. */
const isNoise = (file: string): boolean => /^\.|~$|\.sw[a-p]$|\.tmp$/i.test(path.basename(file));

/**
 * What one watch session keeps between its builds: every unchanged YAML file parsed and
 * validated (data/yaml-cache.ts), laid-out slides, so that a planned slide whose inputs did not
 * change is not laid out again (studio/slide-memo.ts, as in the Studio), what finishing made of
 * each slide (pptx/finish-memo.ts), and the parsed trees of slides that come back unchanged (`rebuilds`). The benchmark's watch rebuild uses the same.
 */
export function keptBetweenBuilds(): Required<Pick<BuildOptions, 'cache' | 'layoutMemo' | 'rebuilds'>> & {
  finishMemo: FinishMemo;
} {
  const slides = new SlideCache();
  return {
    cache: new YamlCache(),
    layoutMemo: (plan, design) => slides.memo(plan, design),
    rebuilds: true,
    finishMemo: new FinishMemo(),
  };
}

/** Runs until stopped; resolves once the watcher is closed. */
export async function watchBuild(options: WatchOptions): Promise<void> {
  const messages = options.messages ?? messagesIn('en');
  const { say } = messages;
  const dirs = watchedDirs(options.build);
  const watcher = watch(dirs, { ignoreInitial: true, ignored: (file) => !dirs.includes(file) && isNoise(file) });
  const root = path.resolve(options.build.root);
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const kept = keptBetweenBuilds();
  // What is stale and not yet built: everything at first, and whatever a failed build left.
  let stale: Stale = 'all';

  const build = async (first = false): Promise<void> => {
    const started = performance.now();
    try {
      const result = await buildDecks({ ...options.build, ...kept, only: isStale(stale, root) });
      stale = nothingStale();
      options.onBuilt(result, Math.round(performance.now() - started));
      if (!first) options.log(`  ${describeRebuild(result, options.build, messages)}`);
    } catch (error) {
      options.onError(error);
      options.log(say('watch.failed'));
    }
  };
  const rebuild = (): void => {
    if (running) {
      again = true;
      return;
    }
    stale = mergeStale(stale, staleDecks(changed, options.build));
    const files = [...changed].map((f) => path.relative(root, f) || f);
    changed.clear();
    const more = files.length > 3 ? say('watch.more', { n: files.length - 3 }) : '';
    options.log(say('watch.changed', { files: `${files.slice(0, 3).join(', ')}${more}` }));
    running = build().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        rebuild();
      }
    });
  };

  watcher.on('all', (_event, file) => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(rebuild, options.debounceMs ?? 150);
  });
  watcher.on('error', (error) => options.onError(error));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  await build(true);
  options.log(say('watch.watching', { dirs: dirs.map((d) => path.relative(root, d) || d).join(', ') }));

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      options.signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop);
  });
  clearTimeout(timer);
  await running;
  await watcher.close();
  options.log(say('watch.stopped'));
}
