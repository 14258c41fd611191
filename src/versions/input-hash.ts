/**
 * The inputs of one deck and their hash: the data and template files the project read
 * for it, the asset files it references, and Trappa's own version. Paths are logical
 * (`data/strategy.yaml`, `templates/nb/slides.yaml`, `assets/logos/isk.svg`), whatever
 * --data or --templates pointed at, so a release snapshot hashes the same as its original.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { DeckSource, Project } from '../data/load-project.js';
import { resolveAssetPath } from '../images/asset-path.js';
import { BoundedCache } from '../bounded-cache.js';

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
 * What of a file can change a deck. For YAML that is the data, not its comments, blank lines,
 * indentation or quoting: the file is hashed as its parsed value in canonical JSON (keys in
 * their written order, which decides what comes first on a slide). A file that does not
 * parse (it could not have been built from) and every other file count by their bytes.
 */
function hashedContent(logical: string, bytes: Buffer): Uint8Array {
  if (!/\.ya?ml$/i.test(logical)) return bytes;
  const text = bytes.toString('utf8');
  let canonical = canonicalYaml.get(text);
  if (canonical === undefined) {
    try {
      canonical = Buffer.from(`yaml\0${JSON.stringify(parse(text.replace(/^\uFEFF/, '')) ?? null)}`);
    } catch {
      canonical = bytes;
    }
    // The decks of one build share strategy, theme and templates: each text is parsed once.
    canonicalYaml.set(text, canonical);
  }
  return canonical;
}

/** File text → its canonical form, for the files a process hashes again and again. */
const canonicalYaml = new BoundedCache<string, Uint8Array>(64);

/** sha256 over Trappa's version and each file's logical path, length and content (see hashedContent), in path order. */
export async function hashInputs(files: readonly InputFile[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`trappa ${trappaVersion()}\0`);
  const sorted = [...files].sort((a, b) => (a.logical < b.logical ? -1 : a.logical > b.logical ? 1 : 0));
  const contents = await Promise.all(sorted.map((f) => readFile(f.absolute)));
  sorted.forEach((f, i) => {
    const bytes = hashedContent(f.logical, contents[i]!);
    hash.update(`${f.logical}\0${bytes.length}\0`);
    hash.update(bytes);
  });
  return hash.digest('hex');
}
