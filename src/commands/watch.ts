/**
 * `trappa build --watch`: build, then rebuild in the same process whenever something in
 * data/, templates/ or assets/ changes. The warm process keeps parsed fonts and the image
 * cache, so a rebuild costs a fraction of a cold start. Errors are printed as located
 * one-liners and the watcher keeps going; Ctrl+C (SIGINT) or SIGTERM stops it cleanly.
 */
import path from 'node:path';
import { watch } from 'chokidar';
import { buildDecks, type BuildOptions, type BuildResult } from '../build-deck.js';

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
}

/** The folders a build reads: data, templates and assets. */
export function watchedDirs(options: BuildOptions): string[] {
  const root = path.resolve(options.root);
  return [path.resolve(root, options.dataDir ?? 'data'), path.resolve(root, options.templatesDir ?? 'templates'), path.join(root, 'assets')];
}

/** Editor droppings: backups (~), swap files, hidden temporary files written before a rename. */
const isNoise = (file: string): boolean => /^\.|~$|\.sw[a-p]$|\.tmp$/i.test(path.basename(file));

/** Runs until stopped; resolves once the watcher is closed. */
export async function watchBuild(options: WatchOptions): Promise<void> {
  const dirs = watchedDirs(options.build);
  const watcher = watch(dirs, { ignoreInitial: true, ignored: (file) => !dirs.includes(file) && isNoise(file) });
  const root = path.resolve(options.build.root);
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const build = async (): Promise<void> => {
    const started = performance.now();
    try {
      options.onBuilt(await buildDecks(options.build), Math.round(performance.now() - started));
    } catch (error) {
      options.onError(error);
      options.log('✗ build failed; fix the file and save it again (still watching)');
    }
  };
  const rebuild = (): void => {
    if (running) {
      again = true;
      return;
    }
    const files = [...changed].map((f) => path.relative(root, f) || f);
    changed.clear();
    options.log(`↻ ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''} changed`);
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
  await build();
  options.log(`watching ${dirs.map((d) => path.relative(root, d) || d).join(', ')} for changes (Ctrl+C to stop)`);

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
  options.log('stopped watching');
}
