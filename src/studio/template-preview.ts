/**
 * What a Handlebars text in the data (a wording override, notes, the footer) turns into on a
 * slide, so the page can show `{{strategy.organisation.shortName}} – profil` as "ISK – profil".
 * Runs the deck's own renderer (the one the layout uses) on the
 * data as edited: the deck of the file, or for the strategy and theme the first deck.
 * A text that needs a slide's own values (a row, a page number) says so instead.
 */
import { loadProject, type ProjectPaths } from '../data/load-project.js';
import { templateContext } from '../deck/layout-deck.js';
import { resolveDeck } from '../plan/resolve-deck.js';
import { createRenderer } from '../render/render-text.js';
import { EditedFiles, type Edited, type LiveContext } from './live-render.js';

export interface TemplateAsk {
  /** The data file (relative to the root) whose texts these are. */
  file: string;
  /** Template texts written in the file, by their field. */
  texts: Array<{ field: string; source: string }>;
}

export interface Produced {
  /** What the text becomes, or undefined when only a slide can fill it in. */
  text?: string;
}

export async function previewTemplates(
  paths: ProjectPaths,
  edited: ReadonlyMap<string, Edited>,
  context: Pick<LiveContext, 'saved' | 'sources'>,
  ask: TemplateAsk,
): Promise<{ texts: Produced[] } | undefined> {
  const loaded = await loadProject(paths, { cache: new EditedFiles(edited, context) });
  if (!loaded.ok) return undefined;
  const project = loaded.value;
  const source = project.decks.find((d) => d.source.file === ask.file) ?? project.decks[0];
  if (!source) return undefined;
  const plan = resolveDeck(project, source);
  const renderer = createRenderer(plan.templates, templateContext(plan), plan.wording);
  const attempt = (run: () => string): string | undefined => {
    try {
      return run();
    } catch {
      return undefined;
    }
  };
  return {
    texts: ask.texts.map((t) => ({
      text: attempt(() => renderer.inline(t.source, { file: ask.file, field: t.field })),
    })),
  };
}
