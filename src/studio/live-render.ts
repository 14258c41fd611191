/**
 * The page's live slides: the data as edited in the browser (not yet saved) through the
 * CLI's own stages — load → validate → resolve → layout — and the SVG renderer. Nothing
 * is written: edited files are turned into YAML text in memory (yaml-edit.ts), so every
 * message has the line and column it will have once saved.
 */
import { withFonts } from '../fonts/fonts.js';
import type { z } from 'zod';
import { fail, ok, type Issue, type Result } from '../errors.js';
import { applyChanges, type PageChange } from './client/page-changes.js';
import { loadProject, type ProjectPaths } from '../data/load-project.js';
import { parseYaml } from '../data/load-yaml.js';
import { validateYaml, YamlCache, type Validated } from '../data/yaml-cache.js';
import { EditedSources } from './edited-source.js';
import { SlideCache, type SvgWriter } from './slide-memo.js';
import { layoutDeck } from '../deck/layout-deck.js';
import { resolveDeck } from '../plan/resolve-deck.js';
import type { PendingImageElement } from '../layout/types.js';
import { renderSlideSvg } from '../preview-svg/render-slide.js';

/** Edited files: path relative to the project root → the file's plain value. */
export type Edits = Record<string, unknown>;

interface LiveSlide {
  /** Absent for a slide the caller holds already (LiveOptions.wanted), or given as `json`. */
  svg?: string;
  /** In place of `svg` (LiveOptions.writeSvg): the bytes the SVG was written to as a JSON string. */
  json?: Buffer;
  /** Names the SVG (slide-memo.ts svgHash): the page holds slides by it and is sent only new ones. */
  hash: string;
  title: string;
  /** `slides[n]` of the deck file: the deck entry this slide comes from. */
  field?: string;
  /** Built-in slide name or custom kind ("plan", "bullets"). */
  kind?: string;
}

interface LiveDeck {
  id: string;
  /** The deck file, relative to the root. */
  file: string;
  slides: LiveSlide[];
  issues: Issue[];
}

export interface LiveResult {
  /** Problems that stop every deck (validation, references). */
  issues: Issue[];
  decks: LiveDeck[];
  ms: number;
}

/**
 * A file as the page edits it: its saved text and the page's value, or the fields the page
 * changed since the version it loaded (`base`, that version's text when it is not the saved
 * text: someone saved meanwhile); or, for a save being checked, the text to write.
 */
export type Edited =
  | { saved: string; value: unknown }
  | { saved: string; base?: string; changes: readonly PageChange[] }
  | { text: string };

/** What one studio keeps between jobs (its worker's caches): all keyed by content, none process-wide. */
export interface LiveContext {
  /** Saved files, parsed again only when their bytes on disk change. */
  saved: YamlCache;
  /** Edited files from their saved text's kept parse (edited-source.ts). */
  sources: EditedSources;
  /** Laid-out and drawn slides (slide-memo.ts). */
  slides: SlideCache;
}

/** `pace`: called after each slide laid out or drawn anew (slide-memo.ts). */
export function liveContext(pace?: () => void): LiveContext {
  const sources = new EditedSources();
  // Saved files and edits share one parse per text: a 2 MB strategy is held once, not twice.
  const saved = new YamlCache((display, text) => sources.parse(display, text));
  return { saved, sources, slides: new SlideCache(pace) };
}

/**
 * Edited files from memory; the rest through the studio's one cache of saved files, which
 * parses a file again only when its bytes on disk changed.
 */
export class EditedFiles extends YamlCache {
  constructor(
    readonly edited: ReadonlyMap<string, Edited>,
    readonly context: Pick<LiveContext, 'saved' | 'sources'>,
  ) {
    super();
  }

  override async load<S extends z.ZodType>(
    absPath: string,
    display: string,
    schema: S,
  ): Promise<Result<Validated<z.output<S>>>> {
    const edit = this.edited.get(absPath);
    if (edit === undefined) return this.context.saved.load(absPath, display, schema);
    if ('text' in edit) return validateYaml(parseYaml(display, edit.text), schema);
    const value = 'changes' in edit ? pageValue(this.context.sources, display, edit) : ok(edit.value);
    if (!value.ok) return value;
    return this.context.sources.load(display, edit.saved, value.value, schema);
  }
}

/** The page's value of a file from the version it loaded and the fields it changed since. */
export function pageValue(
  sources: EditedSources,
  display: string,
  edit: { saved: string; base?: string; changes: readonly PageChange[] },
): Result<unknown> {
  try {
    return ok(applyChanges(sources.plainOf(display, edit.base ?? edit.saved) ?? null, edit.changes));
  } catch (error) {
    return fail([{ file: display, message: (error as Error).message }]);
  }
}

export interface LiveOptions {
  /** Only these decks are laid out (an edit of one deck file changes no other deck). @default every deck */
  decks?: readonly string[];
  /**
   * Whether the SVG of a slide with this hash is wanted: not for slides the page holds, nor for
   * a save's check. @default every slide's
   */
  wanted?: (hash: string) => boolean;
  /**
   * Writes each wanted SVG (as a JSON string) as soon as it is drawn, and the slide holds the
   * bytes written (`json`) in place of `svg`: the studio's worker writes them into its answer
   * (studio-jobs.ts), so the first render of a 520-slide deck never holds 10 MB of SVG as
   * strings (18 MB of heap, two bytes a character where a dash or a bullet stands). @default none
   */
  writeSvg?: SvgWriter;
}

export async function renderLive(
  paths: ProjectPaths,
  edited: ReadonlyMap<string, Edited>,
  context: LiveContext,
  options: LiveOptions = {},
): Promise<LiveResult> {
  const started = performance.now();
  const loaded = await loadProject(paths, { cache: new EditedFiles(edited, context) });
  if (!loaded.ok) return { issues: loaded.issues, decks: [], ms: performance.now() - started };
  const project = loaded.value;
  const chosen = project.decks.filter((d) => !options.decks || options.decks.includes(d.deck.id));
  // The SVG measures text again (its line breaks): with this project's faces, as the layout did.
  const decks = withFonts(project.fonts, () =>
    chosen.map((source): LiveDeck => {
      const plan = resolveDeck(project, source);
      // Slides whose inputs did not change since the last render are neither laid out nor drawn again.
      const memo = context.slides.memo(plan);
      const laid = layoutDeck(plan, undefined, memo);
      if (!laid.ok) return { id: source.deck.id, file: source.source.file, slides: [], issues: laid.issues };
      const { size, slides } = laid.value;
      return {
        id: source.deck.id,
        file: source.source.file,
        issues: [],
        slides: slides.map((slide, i) => {
          const planned = slide.planned !== undefined ? plan.slides[slide.planned] : undefined;
          const label = `Lysbilde ${i + 1}: ${slide.title}`;
          const key = memo.keyOf(slide);
          const drawn = context.slides.drawn(
            key && `${key}|${JSON.stringify(size)}|${label}`,
            () => renderSlideSvg(slide, size, { imageHref, label }),
            options.wanted ?? (() => true),
            options.writeSvg,
          );
          return {
            title: slide.title,
            ...drawn,
            ...(planned ? { field: planned.location.field, kind: planned.kind } : {}),
          };
        }),
      };
    }),
  );
  return { issues: [], decks, ms: performance.now() - started };
}

/** Pictures come from the studio's /asset route, which serves files under assets/ only. */
function imageHref(image: PendingImageElement): string {
  return `/asset?file=${encodeURIComponent(image.ref.file)}`;
}
