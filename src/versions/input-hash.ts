/**
 * The inputs of one deck and their hash: the data and template files the project read
 * for it, the asset files it references, and Trappa's own version. Paths are logical
 * (`data/strategy.yaml`, `templates/nb/slides.yaml`, `assets/logos/isk.svg`), whatever
 * --data or --templates pointed at, so a release snapshot hashes the same as its original.
 */
import { type BigIntStats, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { DeckSource, Project } from '../data/load-project.js';
import { parseYaml, type YamlSource } from '../data/load-yaml.js';
import { resolveAssetPath } from '../images/asset-path.js';
import { BoundedCache } from '../bounded-cache.js';
import { sha256OfChunks } from './resumable-hash.js';
import { oncePerBuild, oncePerBuildSync } from '../io/once-per-build.js';
import { sha256Hex } from '../sha256.js';

export interface InputFile {
  /** Where the file sits in a project laid out the default way, e.g. `data/decks/ansatte.yaml`. */
  logical: string;
  /** Absolute path of the file that was read. */
  absolute: string;
}

let packageVersion: string | undefined;

/** Trappa's version from its package.json: a new Trappa may lay out the same data differently. */
export function trappaVersion(): string {
  if (packageVersion === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    packageVersion = pkg.version ?? '0.0.0';
  }
  return packageVersion;
}

/** Image references anywhere in a value: objects of the shape { file, alt?, decorative? }. */
function imageFiles(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => imageFiles(v, found));
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (typeof record.file === 'string' && keys.every((k) => k === 'file' || k === 'alt' || k === 'decorative'))
      found.add(record.file);
    else keys.forEach((k) => imageFiles(record[k], found));
  }
  return found;
}

/**
 * The files one deck was built from, sorted by logical path. Unresolvable assets are left out (the build reports them).
 */
export function deckInputFiles(project: Project, source: DeckSource): InputFile[] {
  const { root } = project;
  const abs = (file: string): string => path.resolve(root, file);
  const files: InputFile[] = [
    { logical: 'data/strategy.yaml', absolute: abs(project.strategySource.file) },
    { logical: 'data/theme.yaml', absolute: abs(project.themeSource.file) },
    { logical: `data/decks/${path.basename(source.source.file)}`, absolute: abs(source.source.file) },
  ];
  const own = new Set([
    project.strategySource.file,
    project.themeSource.file,
    ...project.decks.map((d) => d.source.file),
  ]);
  for (const file of project.files) {
    // Template files live in templates/<language>/…; only the deck's own language is an input.
    const parts = file.split(/[\\/]/);
    const at = parts.lastIndexOf(source.deck.language);
    if (own.has(file) || at < 0 || at === parts.length - 1) continue;
    files.push({ logical: ['templates', ...parts.slice(at)].join('/'), absolute: abs(file) });
  }
  for (const file of imageFiles([project.strategy, project.theme, source.deck], new Set())) {
    const asset = resolveAssetPath(root, file);
    if (asset.ok) files.push({ logical: asset.display, absolute: asset.path });
  }
  // The theme's own font files decide how text is measured, so they are inputs too.
  for (const faces of Object.values(project.theme.fonts.files ?? {})) {
    for (const file of Object.values(faces)) {
      if (typeof file !== 'string') continue;
      const logical = `assets/fonts/${file.split(/[\\/]/).join('/')}`;
      files.push({ logical, absolute: path.join(root, 'assets', 'fonts', file) });
    }
  }
  // The organisation's template is the deck's design: a changed template is a changed deck.
  const template = project.theme.template ? resolveAssetPath(root, project.theme.template) : undefined;
  if (template?.ok) files.push({ logical: template.display, absolute: template.path });
  const unique = new Map(files.map((f) => [f.logical, f]));
  return [...unique.values()].sort((a, b) => (a.logical < b.logical ? -1 : a.logical > b.logical ? 1 : 0));
}

/**
 * How an inputs hash was taken; a recorded hash names its format, so records made by an
 * earlier Trappa keep verifying:
 * - 1 (64 hex digits, no prefix): every YAML file parsed again with yaml's defaults;
 * - 2 (`v2:` + 64 hex digits): YAML as the loader parsed it (its options: keys stay
 *   text), so a build hashes the parse it already has instead of reading and parsing
 *   each file a second time (a 1,000-row strategy: ~0.3 s);
 * - 3 (`v3:` + 64 hex digits): as 2, but a file that is not YAML (the organisation's
 *   template, pictures, fonts, wording templates) counts by its sha256 instead of its
 *   bytes, worked out once per build: the four decks of a build on LibreOffice's Candy read
 *   and hashed its 3.3 MB template four times, since each deck's files differ before it.
 */
export type InputsHashFormat = 1 | 2 | 3;
const FORMAT_PREFIXES: Record<Exclude<InputsHashFormat, 1>, string> = { 2: 'v2:', 3: 'v3:' };
/** The format a build records. */
const CURRENT: InputsHashFormat = 3;

/** The format a recorded hash was taken in. */
export function inputsHashFormat(recorded: string): InputsHashFormat {
  if (recorded.startsWith(FORMAT_PREFIXES[3])) return 3;
  return recorded.startsWith(FORMAT_PREFIXES[2]) ? 2 : 1;
}

/** The YAML files a loaded project has parsed, by absolute path: a build's hash takes them instead of the disk's. */
export function parsedInputs(project: Project): ReadonlyMap<string, YamlSource> {
  const sources = [
    project.strategySource,
    project.themeSource,
    ...project.decks.map((d) => d.source),
    ...project.templateSources,
  ];
  return new Map(sources.map((s) => [path.resolve(project.root, s.file), s]));
}

/** Canonical JSON of a YAML file's value by its parse: the strategy of four decks is turned into JSON once. */
const canonicalOfParse = new WeakMap<YamlSource, Uint8Array>();

function canonicalJson(source: YamlSource): Uint8Array {
  let canonical = canonicalOfParse.get(source);
  if (!canonical) {
    // A value kept as JSON (parsed-yaml-store.ts) is that very text: no parse of the file for its hash.
    const json = source.spliced?.json ?? JSON.stringify(source.doc.toJS({ maxAliasCount: 100 }) ?? null);
    canonical = Buffer.from(`yaml\0${json}`);
    canonicalOfParse.set(source, canonical);
  }
  return canonical;
}

/**
 * What of a file can change a deck. For YAML that is the data, not its comments, blank lines,
 * indentation or quoting: the file is hashed as its parsed value in canonical JSON (keys in
 * their written order, which decides what comes first on a slide). A file that does not
 * parse (it could not have been built from) and every other file count by their bytes.
 */
function hashedContent(logical: string, bytes: Buffer, format: InputsHashFormat): Uint8Array {
  if (!/\.ya?ml$/i.test(logical)) return bytes;
  const text = bytes.toString('utf8');
  const key = `${format}\0${text}`;
  let canonical = canonicalYaml.get(key);
  if (canonical === undefined) {
    canonical = format === 1 ? canonicalV1(text, bytes) : canonicalV2(logical, text, bytes);
    // The decks of one build share strategy, theme and templates: each text is parsed once.
    canonicalYaml.set(key, canonical);
  }
  return canonical;
}

function canonicalV1(text: string, bytes: Buffer): Uint8Array {
  try {
    return Buffer.from(`yaml\0${JSON.stringify(parse(text.replace(/^\uFEFF/, '')) ?? null)}`);
  } catch {
    return bytes;
  }
}

/** As the loader reads the file (load-yaml.ts): parsed with its options, an unreadable file by its bytes. */
function canonicalV2(logical: string, text: string, bytes: Buffer): Uint8Array {
  const parsed = parseYaml(logical, text.replace(/^\uFEFF/, ''));
  return parsed.ok ? canonicalJson(parsed.value) : bytes;
}

/** File text → its canonical form, for the files a process hashes again and again. */
const canonicalYaml = new BoundedCache<string, Uint8Array>(64);

const isYaml = (f: InputFile): boolean => /\.ya?ml$/i.test(f.logical);

/**
 * How long after its last change a file is racily clean (git's term, Documentation/technical/racy-git.txt):
 * a change made in the same tick of the file system's clock leaves the file's stat as it was (same
 * size and inode, written in place), so a stat that matches proves nothing of a file changed that
 * recently. Git compares an entry's mtime with the index file's (read-cache.c is_racy_timestamp) and
 * reads the content of a racy entry again (ie_match_stat → ce_modified_check_fs). Trappa writes no
 * file before it reads its inputs, so it compares with the wall clock just before the stat, less a
 * tick: 2 s, FAT's (exFAT, HFS+ and ext3 keep 1 s; ext4, xfs, btrfs and tmpfs take the kernel's coarse
 * clock, a few ms; NTFS and APFS 100 ns and 1 ns). A time in the future (a network file system's
 * clock ahead) is racy too.
 */
const RACY_WITHIN_NS = 2_000_000_000n;

/** A file as the disk has it when this build read it for its digest, and whether it was racily clean then. */
interface HashedState {
  /** dev:ino:size:mtime:ctime: another when the file was rewritten or another file was renamed over it. */
  state: string;
  racy: boolean;
}

function fileStat(file: string): BigIntStats | undefined {
  try {
    return statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}

const stateOf = (s: BigIntStats | undefined): string =>
  s ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : 'unreadable';

/** The state of a file when this build read it for its digest (the first time it is asked for). */
const stateWhenHashed = (file: InputFile): HashedState =>
  oncePerBuildSync(`state\0${file.absolute}`, () => {
    // Before the stat: the file system's clock was at least here when the file was looked at.
    const since = BigInt(Date.now()) * 1_000_000n - RACY_WITHIN_NS;
    const s = fileStat(file.absolute);
    // ctime too: a program that sets the mtime back (cp -p, tar, rsync) leaves a new ctime.
    return { state: stateOf(s), racy: s !== undefined && (s.mtimeNs > since || s.ctimeNs > since) };
  });

/** The sha256 of a file that is not YAML as this build read it: once per build, after its state. */
const digestWhenHashed = (file: InputFile): string =>
  oncePerBuildSync(`digest\0${file.absolute}`, () => {
    stateWhenHashed(file);
    // Synchronous: every build reads each picture for its hash, and one call costs less CPU than libuv's pool.
    return sha256Hex(readFileSync(file.absolute));
  });

/** Format 3's content of a file that is not YAML: its sha256, read and hashed once per build. */
const digestContent = (file: InputFile): Promise<Uint8Array> =>
  oncePerBuild(`sha256\0${file.absolute}`, async () => Buffer.from(`sha256:${digestWhenHashed(file)}`));

/** True when `file` is still the file this build hashed: the same stat, and for a racily clean one the same bytes. */
function unchangedFile(file: InputFile): boolean {
  const then = stateWhenHashed(file);
  if (then.state !== stateOf(fileStat(file.absolute))) return false;
  if (!then.racy) return true;
  try {
    return sha256Hex(readFileSync(file.absolute)) === digestWhenHashed(file);
  } catch {
    return false;
  }
}

/**
 * True when each file of `files` that counts by its bytes (pictures, fonts, the template) is still
 * the file this build hashed: the deck is built from a second read of them, after the hash, and a
 * deck kept under the hash must be made of the bytes the hash stands for (template/deck-store.ts).
 * YAML counts by the loader's parse, which the deck is built from too.
 */
export function unchangedSinceHashed(files: readonly InputFile[]): boolean {
  return files.every((file) => isYaml(file) || unchangedFile(file));
}

/** What a file counts by in `format` (see InputsHashFormat and hashedContent). */
async function contentOf(
  file: InputFile,
  parsed: ReadonlyMap<string, YamlSource>,
  format: InputsHashFormat,
): Promise<Uint8Array> {
  const source = format >= 2 && isYaml(file) ? parsed.get(file.absolute) : undefined;
  if (source) return canonicalJson(source);
  if (format === 3 && !isYaml(file)) return digestContent(file);
  return hashedContent(file.logical, readFileSync(file.absolute), format);
}

/**
 * sha256 over Trappa's version and each file's logical path, length and content (see hashedContent), in path
 * order, in the current format (3) unless told otherwise. `parsed` gives files the loader has parsed already.
 */
export async function hashInputs(
  files: readonly InputFile[],
  parsed: ReadonlyMap<string, YamlSource> = new Map(),
  format: InputsHashFormat = CURRENT,
): Promise<string> {
  const chunks: Uint8Array[] = [Buffer.from(`trappa ${trappaVersion()}\0`)];
  const sorted = [...files].sort((a, b) => (a.logical < b.logical ? -1 : a.logical > b.logical ? 1 : 0));
  const contents = await Promise.all(sorted.map((f) => contentOf(f, parsed, format)));
  sorted.forEach((f, i) => {
    const bytes = contents[i]!;
    chunks.push(Buffer.from(`${f.logical}\0${bytes.length}\0`), bytes);
  });
  // The same digest as one hash updated with each chunk; resumed after the files the last deck began with.
  const hex = sha256OfChunks(chunks);
  return format === 1 ? hex : `${FORMAT_PREFIXES[format]}${hex}`;
}

/** True when `files` hash to `recorded`, in the format it was recorded in. */
export async function inputsHashMatches(
  recorded: string,
  files: readonly InputFile[],
  parsed?: ReadonlyMap<string, YamlSource>,
): Promise<boolean> {
  return (await hashInputs(files, parsed, inputsHashFormat(recorded))) === recorded;
}
