/**
 * Which font file measures which face, and its advance widths.
 *
 * Decks name "Calibri"; PowerPoint draws it with Calibri and LibreOffice with Carlito,
 * which has the same advance widths. So "Calibri" and "Carlito" are measured with the
 * bundled Carlito files (assets/fonts/). A theme may register other faces with their files;
 * any other face is measured as Carlito, and `resolveFontFace` says so in a warning.
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
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrappaError } from '../errors.js';
import { readSfntMetrics } from './sfnt-metrics.js';

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

/** Carlito's metrics: read once per process, as its files ship with Trappa and never change. */
const bundledMetrics = new Map<string, FontMetrics>();
let bundled: FontFiles | undefined;

/** The faces one project's theme names (with their files), and the metrics read from those files. */
export class FontRegistry {
  readonly #faces = new Map<string, FontFiles>();
  readonly #metrics = new Map<string, FontMetrics>();
  /** Faces already reported as substituted (one debug line each). */
  readonly #substituted = new Set<string>();

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
    log('"%s" measured with %s', face, Object.values(absolute).join(', '));
  }

  /** The files that measure `face`, and a warning when Carlito stands in for an unknown face. */
  resolve(face: string): { files: FontFiles; warning?: string } {
    const key = face.trim().toLowerCase();
    const files = this.#faces.get(key);
    if (files) return { files };
    if (key === 'calibri' || key === 'carlito') return { files: bundledFiles() };
    if (log.enabled && !this.#substituted.has(key)) {
      this.#substituted.add(key);
      log('"%s" is not known: measured as Carlito (Calibri widths)', face);
    }
    return {
      files: bundledFiles(),
      warning:
        `the font "${face}" is not known to Trappa, so its text was measured as Calibri and may not fit; ` +
        'use Calibri, or give the font files in the theme',
    };
  }

  /** Metrics of the file that draws `face` in this weight and style (loaded on first use). */
  metrics(face: string, bold = false, italic = false): FontMetrics {
    const { files } = this.resolve(face);
    const file = bold
      ? italic
        ? (files.boldItalic ?? files.bold)
        : files.bold
      : italic
        ? (files.italic ?? files.regular)
        : files.regular;
    const cache = Object.values(bundledFiles()).includes(file) ? bundledMetrics : this.#metrics;
    let metrics = cache.get(file);
    if (!metrics) {
      metrics = loadMetrics(file);
      cache.set(file, metrics);
    }
    return metrics;
  }
}

const projectFonts = new AsyncLocalStorage<FontRegistry>();
/** Outside any project's work (a unit test of measuring, the Studio serving Carlito): Calibri and Carlito only. */
const noProject = new FontRegistry();

/** Runs `work` (and everything it awaits) with `fonts` as the faces text is measured with. */
export function withFonts<T>(fonts: FontRegistry, work: () => T): T {
  return projectFonts.run(fonts, work);
}

const currentFonts = (): FontRegistry => projectFonts.getStore() ?? noProject;

/** The files that measure `face` in the current project's work (see FontRegistry.resolve). */
export function resolveFontFace(face: string): { files: FontFiles; warning?: string } {
  return currentFonts().resolve(face);
}

/** Metrics of `face` in the current project's work (see FontRegistry.metrics). */
export function fontMetrics(face: string, bold = false, italic = false): FontMetrics {
  return currentFonts().metrics(face, bold, italic);
}

function loadMetrics(file: string): FontMetrics {
  let font: ReturnType<typeof readSfntMetrics>;
  try {
    font = readSfntMetrics(readFileSync(file));
  } catch (cause) {
    throw new TrappaError(`cannot read the font file ${file}: ${(cause as Error).message}`, { cause });
  }
  const perEm = 1 / font.unitsPerEm;
  const measure = (cp: number): number => {
    if (ZERO_WIDTH.has(cp) || cp < 0x20) return 0;
    const glyph = font.glyphId(cp);
    return glyph === 0 ? MISSING_GLYPH_EM : font.advance(glyph) * perEm;
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
