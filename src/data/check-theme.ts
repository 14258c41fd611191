/**
 * Theme rules a schema cannot express, each broken rule one located issue:
 * a floor size above the size it shrinks from, and a colour pair the slides draw that fails
 * WCAG 2.1 AA (one line here instead of a contrast error on every slide of every deck).
 * A font face is never refused: it is found on the machine or stood in for (fonts/fonts.ts).
 * `checkTheme` is pure; `registerThemeFonts` reads the font files of `fonts.files` and registers them for text measurement.
 */
import { confinePath, refusalText } from '../io/confine.js';
import { readInputFile } from '../io/read-input.js';
import { contrastRatio, relativeLuminance } from '../contrast.js';
import type { Issue } from '../errors.js';
import type { FontFiles, FontRegistry } from '../fonts/fonts.js';
import { resolvePaths } from '../project-paths.js';
import { readSfntMetrics } from '../fonts/sfnt-metrics.js';
import type { YamlSource } from './load-yaml.js';
import { themeSchema, type Theme } from './schema.js';
import { locateIn } from './validate.js';
import { english, type MessageKey, type Said, said } from '../messages/catalogue.js';

type ColorName = keyof Theme['colors'];

/** A text colour drawn on a fill colour somewhere in the slides, and who to blame when it fails. */
interface ColorPair {
  /** What is drawn, e.g. headings: a word of the catalogue. */
  what: MessageKey;
  text: ColorName;
  on: ColorName;
  /** WCAG AA: 4.5:1, or 3:1 for large text (≥ 18 pt, or ≥ 14 pt bold). */
  min: number | ((theme: Theme) => number);
  /** The colour to change, unless only the other one was changed from its default. */
  blame: ColorName;
}

export const COLOR_PAIRS: readonly ColorPair[] = [
  // Title slide, table header, first panel.
  { what: 'word.kind.text', text: 'onPrimary', on: 'primary', min: 4.5, blame: 'primary' },
  { what: 'word.drawn.titles', text: 'primary', on: 'background', min: 3, blame: 'primary' }, // slide titles, large
  { what: 'word.kind.text', text: 'text', on: 'background', min: 4.5, blame: 'text' },
  { what: 'word.drawn.muted', text: 'muted', on: 'background', min: 4.5, blame: 'muted' }, // captions, "no activities"
  { what: 'word.kind.text', text: 'text', on: 'secondary', min: 4.5, blame: 'secondary' }, // panels, marked plan rows
  { what: 'word.drawn.headings', text: 'primary', on: 'secondary', min: 4.5, blame: 'secondary' }, // headings on light panels
  { what: 'word.kind.text', text: 'text', on: 'accent', min: 4.5, blame: 'accent' }, // the model's outcome box, the staircase top
  { what: 'word.kind.text', text: 'text', on: 'highlight', min: 4.5, blame: 'highlight' }, // the audience's own rows and groups
  {
    what: 'word.drawn.subtitles',
    text: 'secondary',
    on: 'primary',
    min: (t) => (t.sizes.subtitle >= 18 ? 3 : 4.5),
    blame: 'secondary',
  }, // title slide
];

export function checkTheme(theme: Theme, source: YamlSource): Issue[] {
  return [...checkSizes(theme, source), ...checkColors(theme, source)];
}

function checkSizes({ sizes }: Theme, source: YamlSource): Issue[] {
  const pairs = [
    ['minBody', 'body'],
    ['minTable', 'table'],
  ] as const;
  return pairs.flatMap(([floor, size]) =>
    sizes[floor] > sizes[size]
      ? [
          {
            ...locateIn(source, ['sizes', floor]),
            message:
              `${floor} ${sizes[floor]} is larger than ${size} ${sizes[size]}; text shrinks from ${size} down ` +
              `to ${floor}, so make ${floor} at most ${sizes[size]}`,
          },
        ]
      : [],
  );
}

function checkColors(theme: Theme, source: YamlSource): Issue[] {
  const issues: Issue[] = [];
  // A colour blamed once is the likely culprit of its other failing pairs too (a pale primary
  // fails on white, on the panels and under the subtitle): say so at the same place.
  const suspects = new Set<ColorName>();
  for (const pair of COLOR_PAIRS) {
    const text = theme.colors[pair.text];
    const on = theme.colors[pair.on];
    if (text === undefined || on === undefined) continue;
    const min = typeof pair.min === 'number' ? pair.min : pair.min(theme);
    const ratio = contrastRatio(text, on);
    if (ratio >= min) continue;
    const blame = suspects.has(pair.text) ? pair.text : suspects.has(pair.on) ? pair.on : blamed(theme, pair);
    suspects.add(blame);
    const other = blame === pair.text ? pair.on : pair.text;
    const shade = text === 'FFFFFF' ? 'word.white' : text === '000000' ? 'word.black' : undefined;
    // A failing ratio never prints as the required one (4.497 → 4.49, not 4.50).
    const rounded = Math.round(ratio * 100) / 100;
    const shown = (rounded < min ? rounded : Math.floor(ratio * 100) / 100).toFixed(2);
    const values = {
      drawnWord: said(pair.what),
      textWord: colorWord(pair.text),
      textHex: text,
      onWord: colorWord(pair.on),
      onHex: on,
      ratio: shown,
      min,
      message: advice(theme, blame, other, min),
      ...(shade ? { shadeWord: said(shade) } : {}),
    };
    const key = shade
      ? min < 4.5
        ? 'theme.contrastShadeLarge'
        : 'theme.contrastShade'
      : min < 4.5
        ? 'theme.contrastLarge'
        : 'theme.contrast';
    issues.push({ ...locateIn(source, ['colors', blame]), message: english(said(key, values)) });
  }
  return issues;
}

/** A theme colour as its message says it: by its label in the form (value-text.ts `word.color.*`). */
const colorWord = (name: ColorName): Said => said(`word.color.${name}`);

/**
 * The pair's usual suspect, unless the other colour is the one changed from its default
 * (white text turned blue, a grey background) while the suspect was not.
 */
function blamed(theme: Theme, pair: ColorPair): ColorName {
  const other = pair.blame === pair.text ? pair.on : pair.text;
  const fallback = (name: ColorName): string | undefined => {
    const parsed = themeSchema.shape.colors.shape[name].safeParse(undefined);
    return parsed.success ? parsed.data : undefined;
  };
  const changed = (name: ColorName): boolean => fallback(name) !== undefined && fallback(name) !== theme.colors[name];
  const untouched = (name: ColorName): boolean => fallback(name) === undefined || fallback(name) === theme.colors[name];
  return changed(other) && untouched(pair.blame) ? other : pair.blame;
}

/**
 * Darker or lighter: away from the other colour when that can reach `min`, else across it
 * (light grey text on orange wants black, not white); both colours when neither can.
 */
function advice(theme: Theme, blame: ColorName, other: ColorName, min: number): Said {
  const b = theme.colors[other]!;
  const away = relativeLuminance(theme.colors[blame]!) >= relativeLuminance(b) ? 'word.lighter' : 'word.darker';
  const across = away === 'word.lighter' ? 'word.darker' : 'word.lighter';
  const reaches = (direction: MessageKey): boolean =>
    contrastRatio(direction === 'word.lighter' ? 'FFFFFF' : '000000', b) >= min;
  if (reaches(away)) return said('theme.useOne', { directionWord: said(away), colorWord: colorWord(blame) });
  if (reaches(across)) return said('theme.useOne', { directionWord: said(across), colorWord: colorWord(blame) });
  return said('theme.useBoth', {
    directionWord: said(away),
    colorWord: colorWord(blame),
    otherDirectionWord: said(across),
    otherWord: colorWord(other),
  });
}

const STYLES = ['regular', 'bold', 'italic', 'boldItalic'] as const;

/**
 * Checks each file of `fonts.files` (inside `<root>/assets/fonts/`, a readable TTF/OTF) and
 * registers the faces whose files are all good in `fonts` (the project's own registry), so text
 * in them is measured with their own widths.
 */
export async function registerThemeFonts(
  root: string,
  theme: Theme,
  source: YamlSource,
  fonts: FontRegistry,
): Promise<Issue[]> {
  const issues: Issue[] = [];
  const fontsDir = resolvePaths({ root }).fontsDir;
  for (const [face, files] of Object.entries(theme.fonts.files ?? {})) {
    const found: Partial<FontFiles> = {};
    let usable = true;
    for (const style of STYLES) {
      const file = files[style];
      if (file === undefined) continue;
      const result = await readFontFile(fontsDir, file);
      if (typeof result === 'string') {
        issues.push({ ...locateIn(source, ['fonts', 'files', face, style]), message: result });
        usable = false;
      } else found[style] = result.path;
    }
    if (usable && found.regular !== undefined && found.bold !== undefined)
      fonts.register(face, { ...found, regular: found.regular, bold: found.bold });
  }
  return issues;
}

/** Font files are bigger than data files: a full CJK face is ~20 MB. */
const FONT_LIMIT_BYTES = 64 * 1024 * 1024;

/** The absolute path of a usable font file, or what is wrong with it. */
async function readFontFile(fontsDir: string, file: string): Promise<{ path: string } | string> {
  // The same confinement as image paths (io/confine.ts): no absolute paths, no '..', no links that lead out.
  const confined = confinePath(fontsDir, file);
  if (!confined.ok) {
    if (confined.reason === 'absolute')
      return `${file} is an absolute path; write the path relative to assets/fonts/, e.g. FirmaSans-Regular.ttf`;
    if (confined.reason === 'outside' || confined.reason === 'link-outside')
      return `${file} points outside assets/fonts/; copy the font file into assets/fonts/`;
    return `font file ${refusalText(file, confined.reason, 'assets/fonts/')}`;
  }
  const display = `assets/fonts/${confined.relative}`;
  const absolute = confined.path;
  const read = await readInputFile(absolute, display, FONT_LIMIT_BYTES);
  if (!read.ok) {
    const message = read.issues.map((i) => i.message).join('; ');
    if (message === 'file not found') return english(said('out.fontNotFound', { filePath: display }));
    if (message.startsWith('expected a file, found a folder')) return `${display} is a folder, not a font file`;
    return `${display} ${message}`;
  }
  const bytes = read.value;
  try {
    readSfntMetrics(bytes);
  } catch (cause) {
    return `${display} is not a usable font file: ${(cause as Error).message}`;
  }
  return { path: absolute };
}
