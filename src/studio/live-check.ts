/**
 * `trappa check`'s design rules on the data as edited: each deck is written in memory the
 * way a build writes it (build-deck.ts renderDeck, nothing saved) and the built bytes go
 * through the same rules. Slower than the live slides (images, the writer), so the page
 * asks for it when typing pauses. Findings name a slide, so the page shows them there.
 */
import { InputError, type Issue } from '../errors.js';
import { renderDeck } from '../build-deck.js';
import { loadProject, type ProjectPaths } from '../data/load-project.js';
import { checkBuiltDeck } from '../check/check-deck.js';
import { backdropPictures } from '../check/backdrop-pictures.js';
import { rasterCacheDir } from '../images/decode-raster.js';
import { resolveDeck } from '../plan/resolve-deck.js';
import { EditedFiles, type Edited, type LiveContext } from './live-render.js';

interface DeckFinding extends Issue {
  /** 1-based slide number; 0 for the package as a whole. */
  slide: number;
  rule: string;
}

export interface LiveCheck {
  decks: Array<{ id: string; findings: DeckFinding[] }>;
  /** Problems that stopped a deck from being written at all (images, size budget). */
  issues: Issue[];
}

export async function checkLive(
  paths: ProjectPaths,
  edited: ReadonlyMap<string, Edited>,
  context: Pick<LiveContext, 'saved' | 'sources'>,
): Promise<LiveCheck> {
  const loaded = await loadProject(paths, { cache: new EditedFiles(edited, context) });
  // The live slides already report what stops loading; the check has nothing to add then.
  if (!loaded.ok) return { decks: [], issues: [] };
  const project = loaded.value;
  const result: LiveCheck = { decks: [], issues: [] };
  for (const source of project.decks) {
    try {
      const built = await renderDeck(project, resolveDeck(project, source), { check: false });
      const pictures = await backdropPictures(built.bytes, { cacheDir: rasterCacheDir(project.root) });
      const findings = checkBuiltDeck(built.bytes, project.theme, { pictures }).map(
        (f): DeckFinding => ({
          file: source.source.file,
          slide: f.slide,
          rule: f.rule,
          severity: f.severity,
          message: `${f.rule}: ${f.message} («${f.element}»)`,
        }),
      );
      result.decks.push({ id: source.deck.id, findings });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      result.issues.push(...error.issues);
    }
  }
  return result;
}
