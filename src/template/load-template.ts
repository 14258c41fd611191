/**
 * An organisation's template (.potx or .pptx under assets/) → a master set: its slide
 * masters with their layouts, themes and media, renamed into the places a Trappa deck
 * uses (slideMasterN, slideLayoutN, themeN; everything else under a `template-` name),
 * and its slide size. Slides, notes and the template's own presentation.xml are left behind.
 */
import type { Issue, Result, SourceLocation } from '../errors.js';
import { fail, ok } from '../errors.js';
import { resolvePart } from '../ooxml/package.js';
import { bytesOfText } from '../ooxml/part-text.js';
import { attr, child, children, numberAttr, type XmlElement } from '../ooxml/xml.js';
import { resolveAssetPath } from '../images/asset-path.js';
import { readInputFile, templateLimitBytes } from '../io/read-input.js';
import { oncePerBuild } from '../io/once-per-build.js';
import { unescapeXml } from '../pptx/xml-edit.js';
import type { MasterSet } from '../pptx/master-set.js';
import { EMU_PER_INCH } from '../units.js';
import { withMasterPlaces } from './master-places.js';
import { withTitlesOnBands } from './title-band.js';
import { partText, readMasterSet, relsOf, targets, type PartMap } from './read-master-set.js';
import { withUniquePlaceholders } from './unique-placeholders.js';
import { readTemplatePackage } from './read-template-package.js';
import { storedTemplate, storeTemplate, templateStoreDir, templateStoreKey } from './template-store.js';

const cache = new Map<string, { bytes: Buffer; set: MasterSet }>();

/** Each set's entry in its project's template store: what is kept of it besides the set goes under its key. */
const entries = new WeakMap<MasterSet, { dir: string; key: string }>();

/** Where `set` is kept in the template store, when it is (read by this Trappa's build, with a store). */
export const templateEntryOf = (set: MasterSet): { dir: string; key: string } | undefined => entries.get(set);

/** Every part reachable from the masters, except the way back to slides and notes. */
function closure(parts: PartMap, masters: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...masters];
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (seen.has(part) || !parts.has(part)) continue;
    seen.add(part);
    for (const target of targets(parts, part)) {
      if (!/^ppt\/(slides|notesSlides|notesMasters|handoutMasters)\//.test(target) && target !== 'ppt/presentation.xml')
        queue.push(target);
    }
  }
  return [...seen];
}

/**
 * Layouts and themes are known by the relationship that reaches them from a master, not only by
 * their folder: OPC lets a template keep them under any name (`/ppt/design/layouts/L1.XML`), and a
 * layout renamed `template-L1.XML` in its own folder left the deck's slides pointing at
 * `../slideLayouts/template-L1.XML`, which is not there (every deck refused, exit 4).
 */
function newNames(parts: PartMap, kept: string[], masters: string[]): Map<string, string> {
  const reached = (type: string) => new Set(masters.flatMap((m) => targets(parts, m, type)));
  const layouts = reached('/slideLayout');
  const themes = reached('/theme');
  const names = new Map<string, string>();
  const count: Record<string, number> = {};
  const next = (kind: string) => (count[kind] = (count[kind] ?? 0) + 1);
  for (const m of masters) names.set(m, `ppt/slideMasters/slideMaster${next('m')}.xml`);
  for (const part of kept.filter((p) => !names.has(p))) {
    if (layouts.has(part) || /^ppt\/slideLayouts\//.test(part))
      names.set(part, `ppt/slideLayouts/slideLayout${next('l')}.xml`);
    else if (themes.has(part) || /^ppt\/theme\//.test(part)) names.set(part, `ppt/theme/theme${next('t')}.xml`);
    else names.set(part, part.replace(/([^/]+)$/, 'template-$1'));
  }
  return names;
}

function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** The kept parts under their new names, with every internal relationship target rewritten. */
function renamed(parts: PartMap, names: Map<string, string>): PartMap {
  const out: PartMap = new Map();
  for (const [old, name] of names) {
    out.set(name, parts.get(old)!);
    const rels = partText(parts, relsOf(old));
    if (!rels) continue;
    const folder = old.slice(0, old.lastIndexOf('/') + 1);
    const rewritten = rels.replace(/<Relationship\b[^>]*>/g, (tag) => {
      if (/TargetMode="External"/.test(tag)) return tag;
      return tag.replace(/Target="([^"]*)"/, (whole, target: string) => {
        const moved = names.get(resolvePart(folder, unescapeXml(target)));
        return moved ? `Target="${relativeTarget(name, moved)}"` : whole;
      });
    });
    out.set(relsOf(name), bytesOfText(rewritten));
  }
  return out;
}

/** The template's declared types, for the kept parts only (no `bin` → vbaProject default). */
function contentTypes(types: XmlElement, names: Map<string, string>): NonNullable<MasterSet['contentTypes']> {
  const used = new Set([...names.values()].map((n) => n.replace(/^.*\./, '').toLowerCase()));
  const defaults = new Map(
    children(types, 'Default')
      .map((d): [string, string] => [attr(d, 'Extension')?.toLowerCase() ?? '', attr(d, 'ContentType') ?? ''])
      .filter(([ext]) => used.has(ext)),
  );
  const overrides = new Map<string, string>();
  for (const o of children(types, 'Override')) {
    const moved = names.get((attr(o, 'PartName') ?? '').replace(/^\//, ''));
    if (moved) overrides.set(moved, attr(o, 'ContentType') ?? '');
  }
  return { overrides, defaults };
}

function readTemplate(bytes: Uint8Array, display: string, limit: number): MasterSet | string {
  const read = readTemplatePackage(bytes, limit);
  if ('problem' in read) {
    if (read.part) return `${display}: the part ${read.part} ${read.problem}`;
    return `${display} ${read.problem}; save the template as .potx or .pptx`;
  }
  const { parts, masters, presentation, slideLayouts } = read;
  if (masters.length === 0)
    return `${display} has no slide master; save it from PowerPoint or LibreOffice Impress as .potx`;
  const sldSz = child(presentation, 'p:sldSz');
  const size = {
    w: (numberAttr(sldSz, 'cx') ?? 12192000) / EMU_PER_INCH,
    h: (numberAttr(sldSz, 'cy') ?? 6858000) / EMU_PER_INCH,
  };
  const names = newNames(parts, closure(parts, masters), masters);
  const kept = masters.map((m) => names.get(m)!);
  const placed = withTitlesOnBands(withMasterPlaces(withUniquePlaceholders(renamed(parts, names)), kept), kept, size);
  const set = readMasterSet(placed, kept, size, display);
  const shown = slideLayouts.flatMap((l) => names.get(l) ?? []);
  return { ...set, contentTypes: contentTypes(read.contentTypes, names), ...(shown.length > 0 ? { shown } : {}) };
}

/**
 * The set read from `bytes`, from the project's template store when `storeDir` holds it
 * (template-store.ts), else read and kept there; a string says why the template cannot be used.
 */
function readOrStored(bytes: Buffer, display: string, storeDir: string | undefined): MasterSet | string {
  const limit = templateLimitBytes();
  const key = storeDir === undefined ? undefined : templateStoreKey(bytes, limit);
  // The set's origin names the file as this project does; the same bytes may lie elsewhere under another name.
  // A set holds at most twice the limit of parts (read-template-package.ts); its names and places add little.
  const stored = key === undefined ? undefined : storedTemplate(storeDir!, key, 3 * limit);
  const set = stored ? { ...stored, origin: display } : readTemplate(bytes, display, limit);
  if (key === undefined || typeof set === 'string') return set;
  if (!stored) storeTemplate(storeDir!, key, set);
  entries.set(set, { dir: storeDir!, key });
  return set;
}

/**
 * Reads a template file within TRAPPA_MAX_TEMPLATE_MB, once per process while its bytes stay
 * the same, and from `storeDir` (the project's template store) when an earlier build read the
 * same bytes; issues name `display` (and the part) and carry no place, for the caller to add.
 */
export async function readTemplateFile(
  absPath: string,
  display: string,
  storeDir?: string,
): Promise<Result<MasterSet>> {
  // Bounded like every input file: a template of hundreds of MB is refused before it is unzipped.
  // Read once per build: its decks share it (each read it again, and the garbage collector
  // then worked through megabytes of copies).
  const read = await oncePerBuild(`template\0${absPath}`, () =>
    readInputFile(absPath, display, templateLimitBytes(), 'TRAPPA_MAX_TEMPLATE_MB'),
  );
  if (!read.ok) return fail(read.issues.map((i) => ({ file: display, message: `${display} ${i.message}` })));
  const bytes = read.value;
  const cached = cache.get(absPath);
  if (cached?.bytes.equals(bytes)) return ok(cached.set);
  const set = readOrStored(bytes, display, storeDir);
  if (typeof set === 'string') return fail([{ file: display, message: set }]);
  cache.set(absPath, { bytes, set });
  return ok(set);
}

/** Loads theme.yaml's `template` (a .potx/.pptx under assets/), with issues placed at that field. */
export async function loadTemplate(root: string, file: string, where: SourceLocation): Promise<Result<MasterSet>> {
  const asset = resolveAssetPath(root, file);
  const issue = (message: string): Issue => ({ ...where, message });
  if (!asset.ok) return fail([issue(asset.message.replace(/image/g, 'template'))]);
  if (!/\.(potx|pptx|potm|pptm)$/i.test(asset.path))
    return fail([issue(`${asset.display} is not a .potx or .pptx template`)]);
  const read = await readTemplateFile(asset.path, asset.display, templateStoreDir(root));
  return read.ok ? read : fail(read.issues.map((i) => issue(i.message)));
}
