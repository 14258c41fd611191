/**
 * The page's live slides: the data as edited in the browser (not yet saved) through the
 * CLI's own stages — load → validate → resolve → layout — and the SVG renderer. Nothing
 * is written: edited files are turned into YAML text in memory (yaml-edit.ts), so every
 * message has the line and column it will have once saved.
 */
import { withFonts } from '../fonts/fonts.js';
import type { z } from 'zod';
import type { Issue, Result } from '../errors.js';
import { loadProject, type ProjectPaths } from '../data/load-project.js';
import { parseYaml } from '../data/load-yaml.js';
import { validateYaml, YamlCache, type Validated } from '../data/yaml-cache.js';
import { layoutDeck } from '../deck/layout-deck.js';
import { resolveDeck } from '../plan/resolve-deck.js';
import type { PendingImageElement } from '../layout/types.js';
import { renderSlideSvg } from '../preview-svg/render-slide.js';

/** Edited files: path relative to the project root → the file's plain value. */
export type Edits = Record<string, unknown>;

interface LiveSlide {
  svg: string;
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
 * Edited files from memory; the rest through the studio's one cache of saved files, which
 * parses a file again only when its bytes on disk changed.
 */
export class EditedFiles extends YamlCache {
  constructor(
    readonly texts: Map<string, string>,
    readonly saved: YamlCache,
  ) {
    super();
  }

  override async load<S extends z.ZodType>(
    absPath: string,
    display: string,
    schema: S,
  ): Promise<Result<Validated<z.output<S>>>> {
    const text = this.texts.get(absPath);
    return text === undefined
      ? this.saved.load(absPath, display, schema)
      : validateYaml(parseYaml(display, text), schema);
  }
}

export interface LiveOptions {
  /** Kept between renders (one per studio). */
  saved: YamlCache;
  /** Only these decks are laid out (an edit of one deck file changes no other deck). @default every deck */
  decks?: readonly string[];
}

export async function renderLive(
  paths: ProjectPaths,
  texts: Map<string, string>,
  options: LiveOptions,
): Promise<LiveResult> {
  const started = performance.now();
  const loaded = await loadProject(paths, { cache: new EditedFiles(texts, options.saved) });
  if (!loaded.ok) return { issues: loaded.issues, decks: [], ms: performance.now() - started };
  const project = loaded.value;
  const chosen = project.decks.filter((d) => !options.decks || options.decks.includes(d.deck.id));
  // The SVG measures text again (its line breaks): with this project's faces, as the layout did.
  const decks = withFonts(project.fonts, () =>
    chosen.map((source): LiveDeck => {
      const plan = resolveDeck(project, source);
      const laid = layoutDeck(plan);
      if (!laid.ok) return { id: source.deck.id, file: source.source.file, slides: [], issues: laid.issues };
      const { size, slides } = laid.value;
      return {
        id: source.deck.id,
        file: source.source.file,
        issues: [],
        slides: slides.map((slide, i) => {
          const planned = slide.planned !== undefined ? plan.slides[slide.planned] : undefined;
          return {
            title: slide.title,
            svg: renderSlideSvg(slide, size, { imageHref, label: `Lysbilde ${i + 1}: ${slide.title}` }),
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
