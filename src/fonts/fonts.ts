/**
 * Which font file measures which face, and its advance widths.
 *
 * A face is measured with theme.yaml's files for it, else with the face installed on this
 * machine (machine-fonts.ts), else with a stand-in (substitutes.ts): a metric-compatible
 * face (Carlito for Calibri, Liberation Sans for Arial …), a near one or one of its kind
 * with a safety margin on the widths, and the bundled Carlito widened as the last resort.
 * "Calibri" is always measured with the bundled Carlito (same widths), so decks in Calibri
 * measure alike on every machine. A stand-in is named in a one-line warning, never refused.
 *
 * Files are read on first use; each code point's width is cached in a typed array. Reading
 * a Carlito face takes 1–2 ms (see sfnt-metrics.ts).
 *
 * Where the faces live: in a `FontRegistry` that belongs to one loaded project (Project.fonts),
 * never in the process. The build, the Studio's live slides and the check run their work
 * inside `withFonts(project.fonts, …)`, and measuring reads the registry of the work it is
 * part of (an AsyncLocalStorage, so the functions between the deck and the measuring keep their
 * signatures). Two projects in one process (the Studio and a test, two Studios, watch mode
 * after an edit) therefore never measure with each other's faces. Only the bundled Carlito's
 * metrics are shared: they are read from files that ship with Trappa and never change.
 */
import { debugLog } from '../debug-log.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrappaError } from '../errors.js';
import { fontFolders, machineFonts } from './machine-fonts.js';
import { readSfntMetrics } from './sfnt-metrics.js';
import { substitutesFor } from './substitutes.js';
import { english, said } from '../messages/catalogue.js';

const log = debugLog('fonts');

/** A face's files (.ttf or .otf). Paths are absolute or relative to the working directory. */
export interface FontFiles {
  regular: string;
  bold: string;
  /** @default regular — a slanted regular keeps the regular's widths. */
  italic?: string;
  /** @default bold */
  boldItalic?: string;
}

/** The font of a run of text. */
export interface FontSpec {
  face: string;
  /** Points. */
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** Advance widths of one font file, in em: multiply by the size in points. */
export interface FontMetrics {
  advanceEm(codePoint: number): number;
  /** Sum of the advances of a string's code points (no kerning, see measure-text.ts). */
  textEm(text: string): number;
}

/**
 * Width of a character the font lacks. The renderer then draws it from a fallback font;
 * 1 em is at least as wide as those measured in LibreOffice (✓ 0.84 em, ★ 0.90 em).
 */
export const MISSING_GLYPH_EM = 1;

/** Zero-width space, joiners, word joiner, BOM, soft hyphen: no width wherever they sit. */
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);

/**
 * Metrics of faces that are not a project's own files (Carlito, the machine's fonts): read once
 * per process, by file and margin.
 */
const sharedMetrics = new Map<string, FontMetrics>();
let bundled: FontFiles | undefined;

/** How a face is measured: its own files, or a stand-in's with a margin on the widths. */
export interface ResolvedFace {
  files: FontFiles;
  /** The family whose files measure it ("Liberation Sans" for Arial on Linux). */
  measuredAs: string;
  /** own: theme.yaml's files or the face installed; compatible: same widths; close/fallback: a margin. */
  how: 'own' | 'compatible' | 'close' | 'fallback';
  /** Advance widths are multiplied by this. */
  margin: number;
  /** One line saying which face measured it, when it is not the face itself. */
  warning?: string;
}

function installed(family: string): FontFiles | undefined {
  const key = family.trim().toLowerCase();
  if (key === 'carlito') return bundledFiles();
  const found = machineFonts().get(key);
  if (!found?.regular) return undefined;
  return { ...found, regular: found.regular, bold: found.bold ?? found.regular };
}

function describe(face: string, by: Omit<ResolvedFace, 'warning'>): string | undefined {
  if (by.how === 'own') return undefined;
  const how = said(
    by.how === 'compatible' ? 'word.face.compatible' : by.how === 'close' ? 'word.face.close' : 'word.face.kind',
  );
  const values = { font: face, face: by.measuredAs, howWord: how, pct: Math.round((by.margin - 1) * 100) };
  return english(said(by.margin > 1 ? 'font.standInWider' : 'font.standIn', values));
}

/** The faces one project's theme names (with their files), and the metrics read from those files. */
export class FontRegistry {
  readonly #faces = new Map<string, FontFiles>();
  readonly #metrics = new Map<string, FontMetrics>();
  readonly #resolved = new Map<string, ResolvedFace>();
  /**
   * `metrics`' answers by the face as asked (not trimmed nor lower-cased) and weight and style (bold × 2 +
   * italic): text is measured run by run, a template's narrow places tens of thousands of times a build, and
   * each call trimmed and lower-cased the name twice and looked it up in three maps. Forgotten with `#resolved`.
   */
  readonly #asked = new Map<string, FontMetrics[]>();
  /** The font folders `#resolved` was filled from (TRAPPA_FONT_DIRS may change between builds). */
  #resolvedFor = '';

  /**
   * Lets the theme name another face: text in it is measured with these files.
   * @throws TrappaError when a file does not exist.
   * @example
   * fonts.register('Source Sans 3', { regular: 'fonts/SourceSans3-Regular.ttf', bold: 'fonts/SourceSans3-Bold.ttf' })
   */
  register(face: string, files: FontFiles): void {
    const absolute: FontFiles = { regular: resolve(files.regular), bold: resolve(files.bold) };
    if (files.italic) absolute.italic = resolve(files.italic);
    if (files.boldItalic) absolute.boldItalic = resolve(files.boldItalic);
    for (const file of Object.values(absolute)) {
      if (!existsSync(file)) throw new TrappaError(`font file not found: ${file} (given for the font "${face}")`);
    }
    this.#faces.set(face.trim().toLowerCase(), absolute);
    this.#forgetResolved();
    log('"%s" measured with %s', face, Object.values(absolute).join(', '));
  }

  /**
   * The theme's own faces and their files' sizes and times: what a kept measurement (the
   * Studio's slide cache) depends on besides the face names, so a font file replaced in
   * place is measured again.
   */
  fingerprint(): string {
    const files = [...this.#faces].flatMap(([face, files]) =>
      Object.values(files).map((file) => {
        const info = statSync(file, { throwIfNoEntry: false });
        return `${face}\u0000${file}\u0000${info?.size}\u0000${info?.mtimeMs}`;
      }),
    );
    return files.sort().join('\n');
  }

  /**
   * The faces resolved since the font folders were last noticed, as named (lower case): what a
   * build's measuring asked for, the check's included (a kept deck is keyed by their files:
   * build-deck.ts).
   */
  resolvedFaces(): string[] {
    return [...this.#resolved.keys()];
  }

  /**
   * The files that measure `face`: theme.yaml's own files, the face installed on this machine,
   * a metric-compatible or near face, or one of its kind (see substitutes.ts), with a warning
   * naming the stand-in. Never fails: the bundled Carlito, widened, is the last resort.
   */
  resolve(face: string, foldersNoticed = false): ResolvedFace {
    if (!foldersNoticed) this.noticeFolders();
    const key = face.trim().toLowerCase();
    let found = this.#resolved.get(key);
    if (!found) {
      const by = this.#find(face);
      const warning = describe(face, by);
      found = warning && by.how !== 'compatible' ? { ...by, warning } : by;
      this.#resolved.set(key, found);
      if (by.how !== 'own') log('"%s" measured with %s (%s, × %d)', face, by.measuredAs, by.how, by.margin);
    }
    return found;
  }

  /**
   * Forgets the faces found when the font folders changed (TRAPPA_FONT_DIRS, HOME …). Reading
   * them is ~10 environment look-ups, ~4 µs; a 1,000-row deck measures ~44,000 times, so work
   * under `withFonts` looks once, when it starts.
   */
  noticeFolders(): void {
    const folders = fontFolders().join('\u0000');
    if (folders !== this.#resolvedFor) {
      this.#forgetResolved();
      this.#resolvedFor = folders;
    }
  }

  #forgetResolved(): void {
    this.#resolved.clear();
    this.#asked.clear();
  }

  #find(face: string): ResolvedFace {
    const key = face.trim().toLowerCase();
    const own = this.#faces.get(key);
    if (own) return { files: own, measuredAs: face, how: 'own', margin: 1 };
    // Calibri is measured with the bundled Carlito on every machine (same widths), so builds agree.
    if (key === 'calibri' || key === 'carlito')
      return { files: bundledFiles(), measuredAs: 'Carlito', how: key === 'carlito' ? 'own' : 'compatible', margin: 1 };
    const machine = installed(face);
    if (machine) return { files: machine, measuredAs: face, how: 'own', margin: 1 };
    for (const substitute of substitutesFor(face)) {
      for (const family of substitute.families) {
        const files = installed(family);
        if (files) return { files, measuredAs: family, how: substitute.kind, margin: substitute.margin };
      }
    }
    return { files: bundledFiles(), measuredAs: 'Carlito', how: 'fallback', margin: 1.15 };
  }

  /** Metrics of the file that draws `face` in this weight and style (loaded on first use). */
  metrics(face: string, bold = false, italic = false, foldersNoticed = false): FontMetrics {
    if (!foldersNoticed) this.noticeFolders();
    const style = (bold ? 2 : 0) + (italic ? 1 : 0);
    let asked = this.#asked.get(face);
    const known = asked?.[style];
    if (known) return known;
    if (!asked) this.#asked.set(face, (asked = []));
    return (asked[style] = this.#metricsOf(face, bold, italic));
  }

  #metricsOf(face: string, bold: boolean, italic: boolean): FontMetrics {
    const { files, margin } = this.resolve(face, true);
    const file = bold
      ? italic
        ? (files.boldItalic ?? files.bold)
        : files.bold
      : italic
        ? (files.italic ?? files.regular)
        : files.regular;
    // Machine faces are shared like Carlito: they are not the project's, and the key names the margin.
    const cache = this.#faces.has(face.trim().toLowerCase()) ? this.#metrics : sharedMetrics;
    const key = margin === 1 ? file : `${file}\u0000${margin}`;
    let metrics = cache.get(key);
    if (!metrics) {
      metrics = loadMetrics(file, margin);
      cache.set(key, metrics);
    }
    return metrics;
  }
}

const projectFonts = new AsyncLocalStorage<FontRegistry>();
/** Outside any project's work (a unit test of measuring, the Studio serving Carlito): Calibri and Carlito only. */
const noProject = new FontRegistry();

/** Runs `work` (and everything it awaits) with `fonts` as the faces text is measured with. */
export function withFonts<T>(fonts: FontRegistry, work: () => T): T {
  fonts.noticeFolders();
  return projectFonts.run(fonts, work);
}

/** The registry of the current work (its folders noticed when it started), or none. */
const projectRegistry = (): FontRegistry | undefined => projectFonts.getStore();

/**
 * The faces measuring text right now, as an identity to key caches of measurements by
 * (layout/measure-text.ts): two projects' work never share one.
 */
export const measuringFonts = (): object => projectRegistry() ?? noProject;

/** The files that measure `face` in the current project's work (see FontRegistry.resolve). */
export function resolveFontFace(face: string): ResolvedFace {
  const fonts = projectRegistry();
  return fonts ? fonts.resolve(face, true) : noProject.resolve(face);
}

/** One line naming the face that measures `face` when it is a stand-in (also a metric-compatible one). */
export function standInNote(face: string): string | undefined {
  const by = resolveFontFace(face);
  return by.warning ?? describe(face, by);
}

/** Metrics of `face` in the current project's work (see FontRegistry.metrics). */
export function fontMetrics(face: string, bold = false, italic = false): FontMetrics {
  const fonts = projectRegistry();
  return fonts ? fonts.metrics(face, bold, italic, true) : noProject.metrics(face, bold, italic);
}

function loadMetrics(file: string, margin = 1): FontMetrics {
  let font: ReturnType<typeof readSfntMetrics>;
  try {
    font = readSfntMetrics(readFileSync(file));
  } catch (cause) {
    throw new TrappaError(`cannot read the font file ${file}: ${(cause as Error).message}`, { cause });
  }
  const perEm = margin / font.unitsPerEm;
  const measure = (cp: number): number => {
    if (ZERO_WIDTH.has(cp) || cp < 0x20) return 0;
    const glyph = font.glyphId(cp);
    // Rounded as the cache below stores it, so a first measurement equals every later one.
    return glyph === 0 ? MISSING_GLYPH_EM : Math.fround(font.advance(glyph) * perEm);
  };
  // NaN marks "not measured yet"; 64 Ki entries cover the Basic Multilingual Plane.
  // Float32 holds advance / unitsPerEm exactly when unitsPerEm is a power of two (2048 here).
  const bmp = new Float32Array(0x10000).fill(Number.NaN);
  const astral = new Map<number, number>();
  const advanceEm = (cp: number): number => {
    if (cp < 0x10000) {
      let em = bmp[cp]!;
      if (Number.isNaN(em)) bmp[cp] = em = measure(cp);
      return em;
    }
    let em = astral.get(cp);
    if (em === undefined) astral.set(cp, (em = measure(cp)));
    return em;
  };
  const textEm = (text: string): number => {
    let sum = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      sum += advanceEm(cp);
    }
    return sum;
  };
  return { advanceEm, textEm };
}

/** assets/fonts/ of this package, found upwards from this module (src/fonts/ or a build folder). */
function bundledFiles(): FontFiles {
  if (bundled) return bundled;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++, dir = dirname(dir)) {
    const fonts = join(dir, 'assets', 'fonts');
    if (existsSync(join(fonts, 'Carlito-Regular.ttf'))) {
      bundled = {
        regular: join(fonts, 'Carlito-Regular.ttf'),
        bold: join(fonts, 'Carlito-Bold.ttf'),
        italic: join(fonts, 'Carlito-Italic.ttf'),
        boldItalic: join(fonts, 'Carlito-BoldItalic.ttf'),
      };
      return bundled;
    }
  }
  throw new TrappaError('assets/fonts/Carlito-Regular.ttf is missing from the Trappa installation; reinstall Trappa');
}
