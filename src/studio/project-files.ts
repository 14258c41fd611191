/**
 * The files the studio may read and write: the project's data files (strategy, theme,
 * decks) and nothing else. The browser names a file by the relative path the server gave
 * it; any other name is refused, so no request reaches a path outside the project.
 *
 * Files are read by the CLI's own reader (io/read-input.ts): only ordinary files, within the
 * size limit, so a FIFO or a 30 MB file is refused at once. A data file that is a link is
 * saved through the link when it stays inside the project and never replaced when it leads
 * out. Each text the page was given is kept by its version (sha256), so a save from an
 * older version can be merged (save-merge.ts). Saving is atomic (io/save-file.ts); changes
 * made by another editor are reported.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch } from 'chokidar';
import { BoundedCache } from '../bounded-cache.js';
import { formatIssue, type Result, fail, ok } from '../errors.js';
import { inputLimitBytes, readInputFile } from '../io/read-input.js';
import { saveAtomically } from '../io/save-file.js';
import { applyTextStyle, saveTextInFileStyle, type TextStyle } from '../io/text-style.js';
import { type PlainText, plainText } from './plain-text.js';
import { resolvePaths, type ResolvedPaths } from '../project-paths.js';
import { sha256Hex } from '../sha256.js';
import type { Messages } from '../messages/catalogue.js';
import { translateIssues } from '../messages/issue-text.js';

export type FileKind = 'strategy' | 'theme' | 'deck';

export interface DataFile {
  file: string;
  kind: FileKind;
  /** The value as written (before defaults): what the forms edit. Null when the file does not parse. */
  value: unknown;
  /** The YAML text, shown when the file cannot be read as data. */
  text: string;
  /** sha256 of the text: the version the page edits, sent back with a save. */
  version: string;
  /** Why the file cannot be read or saved (not an ordinary file, too large, a link out). */
  problem?: string;
  readOnly?: boolean;
}

/** Texts by version, for merging saves made from older ones: 64 MB at most, then forgotten. */
const VERSION_BYTES = 64 * 1024 * 1024;

/** A data file's plain value from its text and version; `file` is its path from the root (for a parse kept by name). */
type ValueOf = (text: string, file: string, version: string) => Promise<unknown>;
/** A file's bytes as its plain text and version (plain-text.ts), for a large file beside the request loop. */
type TextOf = (file: string, bytes: Uint8Array) => Promise<Result<PlainText>>;

/** A text the studio saved: its version, and the style, size and sha256 of the bytes written (when it wrote them itself). */
interface Written {
  text: string;
  version: string;
  style?: TextStyle;
  size?: number;
  sha256?: string;
}

export class ProjectFiles {
  readonly paths: ResolvedPaths;
  /** The last value handed out per file, by version: an unchanged 2 MB file is not parsed again per request. */
  readonly #values = new Map<string, { version: string; value: unknown }>();
  /**
   * Text this process wrote last, by absolute path: its own saves are no news to the page. With
   * the written bytes' size and sha256 when known: the file read again with those bytes is that
   * text, not decoded, split and hashed again (for a large file, copied to the worker and back).
   */
  readonly #written = new Map<string, Written>();
  readonly #versions = new BoundedCache<string, string>(VERSION_BYTES, (_, text) => text.length + 64);
  readonly #locks = new Map<string, Promise<unknown>>();
  /** Each data file's text as read last, with its version and what its stat said then. */
  readonly #reads = new Map<string, { stamp: string; text: string; version: string; style: TextStyle }>();

  constructor(
    options: Parameters<typeof resolvePaths>[0],
    readonly parseValue: ValueOf,
    private readonly messages: Messages,
    private readonly textOf_: TextOf = async (file, bytes) => plainText(file, bytes),
  ) {
    this.paths = resolvePaths(options);
  }

  rel(abs: string): string {
    return path.relative(this.paths.root, abs).split(path.sep).join('/');
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

  /** The data files' size on disk together, and the largest of them (relative): what the live check would read. */
  async dataBytes(): Promise<{ total: number; largest: string }> {
    const sized = await Promise.all(
      (await this.list()).map(async ({ abs }) => ({ abs, size: (await stat(abs).catch(() => undefined))?.size ?? 0 })),
    );
    const largest = sized.reduce((a, b) => (b.size > a.size ? b : a));
    return { total: sized.reduce((sum, f) => sum + f.size, 0), largest: this.rel(largest.abs) };
  }

  /** The absolute path of a data file named by the page, or undefined for anything else. */
  async allowed(rel: unknown): Promise<string | undefined> {
    if (typeof rel !== 'string') return undefined;
    const files = await this.list();
    return files.find((f) => this.rel(f.abs) === rel)?.abs;
  }

  /**
   * The text of a data file, read as the CLI reads it; its version is remembered. A file whose
   * identity, size and times are those of its last read is not read nor hashed again: every
   * request names the files it edits, and a 2 MB strategy was read and hashed for each.
   */
  async read(abs: string): Promise<Result<string>> {
    const info = await stat(abs, { bigint: true }).catch(() => undefined);
    const stamp = info?.isFile()
      ? `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}:${inputLimitBytes()}`
      : undefined;
    const known = this.#reads.get(abs);
    if (stamp !== undefined && known?.stamp === stamp) return ok(known.text);
    const bytes = await readInputFile(abs, this.rel(abs));
    if (!bytes.ok) return bytes;
    // The page edits plain text (LF, no BOM); the file's own style is put back on save.
    const read = this.#ownSave(abs, bytes.value) ?? (await this.textOf_(this.rel(abs), bytes.value));
    if (!read.ok) return read;
    const { text: plain, version, style } = read.value;
    this.#versions.set(version, plain);
    // Stamped as it was before reading: a change meanwhile makes the next request read it again.
    if (stamp !== undefined) this.#reads.set(abs, { stamp, text: plain, version, style });
    return ok(plain);
  }

  /** The text this studio saved last to `abs`, when `bytes` are what it wrote. */
  #ownSave(abs: string, bytes: Uint8Array): Result<PlainText> | undefined {
    const written = this.#written.get(abs);
    if (!written?.style || written.size !== bytes.length || written.sha256 !== sha256Hex(bytes)) return undefined;
    return ok({ text: written.text, version: written.version, style: written.style });
  }

  /** The version (sha256) of a data file's text as read last, without hashing it again. */
  versionOf(text: string): string {
    for (const read of this.#reads.values()) if (read.text === text) return read.version;
    return sha256Hex(text);
  }

  /** A text the page was given earlier, by its version; undefined once forgotten. */
  textOf(version: unknown): string | undefined {
    return typeof version === 'string' ? this.#versions.get(version) : undefined;
  }

  async load(): Promise<DataFile[]> {
    return Promise.all((await this.list()).map(({ abs, kind }) => this.loadOne(abs, kind)));
  }

  async loadOne(abs: string, kind: FileKind): Promise<DataFile> {
    const file = this.rel(abs);
    const read = await this.read(abs);
    const out = await this.writable(abs);
    const readOnly = out.ok ? {} : { readOnly: true, problem: out.issues[0]!.message };
    if (!read.ok)
      return {
        file,
        kind,
        text: '',
        value: null,
        version: '',
        problem: formatIssue(translateIssues(read.issues, this.messages.lang)[0]!),
      };
    const version = this.versionOf(read.value);
    const known = this.#values.get(abs);
    const value = known?.version === version ? known.value : await this.parseValue(read.value, this.rel(abs), version);
    this.#values.set(abs, { version, value });
    return { file, kind, text: read.value, value, version, ...readOnly };
  }

  /**
   * Where a save of `abs` writes: the file itself, or the file a link points to when that
   * stays inside the project (the link is kept). A link that leads out is never replaced.
   */
  async writable(abs: string): Promise<Result<string>> {
    const info = await lstat(abs).catch(() => undefined);
    if (!info?.isSymbolicLink()) return ok(abs);
    const target = await realpath(abs).catch(() => undefined);
    const root = await realpath(this.paths.root);
    const rel = target === undefined ? '..' : path.relative(root, target);
    if (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)) return ok(target!);
    return fail([{ file: this.rel(abs), message: this.messages.say('linkOutside') }]);
  }

  /** Runs `work` for one file at a time: saves of the same file never interleave. */
  async exclusive<T>(abs: string, work: () => Promise<T>): Promise<T> {
    const before = this.#locks.get(abs) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.catch(() => undefined);
    this.#locks.set(abs, settled);
    try {
      return await run;
    } finally {
      if (this.#locks.get(abs) === settled) this.#locks.delete(abs);
    }
  }

  /**
   * Writes `text` atomically to `target` (from `writable`) and remembers it as the file of `abs`;
   * `version`: its sha256 when known (the worker made the text).
   */
  async save(abs: string, target: string, text: string, version = sha256Hex(text)): Promise<string> {
    // The file's style as read last (the save was checked against that read): not read again for it.
    const style = this.#reads.get(abs)?.style;
    // Plain text as the page edits it (LF, no BOM): read back, its bytes give this very text.
    if (style && !text.includes('\r') && !text.startsWith('\uFEFF')) {
      // Encoded once: hashed and written as these bytes (a string is encoded anew for each).
      const bytes = Buffer.from(applyTextStyle(text, style), 'utf8');
      this.#written.set(abs, { text, version, style, size: bytes.length, sha256: sha256Hex(bytes) });
      await saveAtomically(target, bytes);
    } else {
      this.#written.set(abs, { text, version });
      await saveTextInFileStyle(target, text);
    }
    this.#versions.set(version, text);
    return version;
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
      const now = await this.read(abs);
      if (now.ok && now.value === this.#written.get(abs)?.text) return;
      this.#written.delete(abs);
      changed(this.rel(abs));
    };
    watcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent);
    return () => watcher.close();
  }
}
