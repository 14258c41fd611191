/**
 * The files the studio may read and write: the project's data files (strategy, theme,
 * decks) and nothing else. The browser names a file by the relative path the server gave
 * it; any other name is refused, so no request reaches a path outside the project.
 * Saving is atomic (deck/save-file.ts); changes made by another editor are reported.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { watch } from 'chokidar';
import { parseDocument } from 'yaml';
import { resolvePaths, type ResolvedPaths } from '../project-paths.js';
import { saveAtomically } from '../io/save-file.js';

export type FileKind = 'strategy' | 'theme' | 'deck';

export interface DataFile {
  /** Relative to the root, with forward slashes: the name the page uses. */
  file: string;
  kind: FileKind;
  /** The value as written (before defaults): what the forms edit. Null when the file does not parse. */
  value: unknown;
  /** The YAML text, shown when the file cannot be read as data. */
  text: string;
}

export class ProjectFiles {
  readonly paths: ResolvedPaths;
  /** Text this process wrote last, by absolute path: its own saves are no news to the page. */
  readonly #written = new Map<string, string>();

  constructor(options: Parameters<typeof resolvePaths>[0]) {
    this.paths = resolvePaths(options);
  }

  rel(abs: string): string {
    return path.relative(this.paths.root, abs).split(path.sep).join('/');
  }

  abs(rel: string): string {
    return path.resolve(this.paths.root, rel);
  }

  /** strategy.yaml, theme.yaml and decks/*.yaml, as they are now. */
  async list(): Promise<Array<{ abs: string; kind: FileKind }>> {
    const { dataDir } = this.paths;
    const decks = await readdir(path.join(dataDir, 'decks')).catch(() => [] as string[]);
    return [
      { abs: path.join(dataDir, 'strategy.yaml'), kind: 'strategy' as const },
      { abs: path.join(dataDir, 'theme.yaml'), kind: 'theme' as const },
      ...decks
        .filter((n) => /\.ya?ml$/i.test(n))
        .sort()
        .map((n) => ({ abs: path.join(dataDir, 'decks', n), kind: 'deck' as const })),
    ];
  }

  /** The absolute path of a data file named by the page, or undefined for anything else. */
  async allowed(rel: unknown): Promise<string | undefined> {
    if (typeof rel !== 'string') return undefined;
    const files = await this.list();
    return files.find((f) => this.rel(f.abs) === rel)?.abs;
  }

  async read(abs: string): Promise<string> {
    return (await readFile(abs, 'utf8')).replace(/^\uFEFF/, '');
  }

  async load(): Promise<DataFile[]> {
    const files = await this.list();
    return Promise.all(
      files.map(async ({ abs, kind }) => {
        const text = await this.read(abs).catch(() => '');
        const doc = parseDocument(text, { stringKeys: true });
        return { file: this.rel(abs), kind, text, value: doc.errors.length > 0 ? null : doc.toJS() };
      }),
    );
  }

  async save(abs: string, text: string): Promise<void> {
    this.#written.set(abs, text);
    await saveAtomically(abs, text);
  }

  /**
   * Calls `changed` with the relative path of each data or template file changed on disk
   * by someone else. Returns a function that stops watching.
   */
  watch(changed: (rel: string) => void): () => Promise<void> {
    const watcher = watch([this.paths.dataDir, this.paths.templatesDir], {
      ignoreInitial: true,
      ignored: (f) => /(^|[/\\])\.[^/\\]+\.tmp$/.test(f),
    });
    const onEvent = async (abs: string): Promise<void> => {
      if (!/\.ya?ml$/i.test(abs)) return;
      const now = await this.read(abs).catch(() => undefined);
      if (now !== undefined && now === this.#written.get(abs)) return;
      this.#written.delete(abs);
      changed(this.rel(abs));
    };
    watcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent);
    return () => watcher.close();
  }
}
