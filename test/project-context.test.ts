/**
 * Fonts belong to the loaded project, not to the process: two projects loaded in one process
 * (the Studio and a test, two Studios, watch mode) each lay out with their own theme's faces,
 * whichever was loaded last.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadProject, type Project } from '../src/data/load-project.js';
import { layoutDeck } from '../src/deck/layout-deck.js';
import { resolveDeck } from '../src/plan/resolve-deck.js';
import { startStudio, type Studio } from '../src/studio/server.js';
import { runMain } from './helpers/in-process.js';
import { copyProject, editFile } from './helpers/project.js';
import { call } from './helpers/studio-http.js';

/** A project copy whose body text is the face "Firma", measured with `regular` (a file in assets/fonts/). */
async function projectWithFirma(regular: string): Promise<Project> {
  const root = copyProject();
  editFile(
    root,
    'data/theme.yaml',
    '  body: Calibri\n',
    `  body: Firma\n  files:\n    Firma: { regular: ${regular}, bold: Carlito-Bold.ttf }\n`,
  );
  const loaded = await loadProject({ root });
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
  return loaded.value;
}

/** What measuring decided on every slide: each text's size and box. */
function measured(project: Project) {
  const laid = layoutDeck(resolveDeck(project, project.decks.find((d) => d.deck.id === 'strategi')!));
  if (!laid.ok) throw new Error(laid.issues.map((i) => i.message).join('\n'));
  return laid.value.slides.map((s) =>
    s.elements.flatMap((e) => (e.type === 'text' ? [`${e.name} ${e.style.fontSize} ${e.box.h.toFixed(3)}`] : [])),
  );
}

describe('project context', () => {
  it("lays out each project with its own theme's faces, whichever was loaded last", async () => {
    const wide = await projectWithFirma('Carlito-Bold.ttf');
    const alone = measured(wide);
    const narrow = await projectWithFirma('Carlito-Regular.ttf');
    const narrowLayout = measured(narrow);
    // The two faces measure differently, so the layouts differ …
    expect(narrowLayout).not.toEqual(alone);
    // … and loading the second project changed nothing about the first one's layout.
    expect(measured(wide)).toEqual(alone);
    expect(measured(narrow)).toEqual(narrowLayout);
  });
});

describe('messages belong to their reader', () => {
  it('two Studios in one process each answer in their own language, whatever a command run between them chose', async () => {
    const root = copyProject();
    const bokmal = await startStudio({ root });
    onTestFinished(() => bokmal.close());
    const english = await startStudio({ root, lang: 'en' });
    onTestFinished(() => english.close());
    const refusal = async (studio: Studio) =>
      (await call(studio, 'POST', '/api/action', { action: 'nope' })).json.refusal;
    expect(await refusal(bokmal)).toBe('ukjent handling: nope');
    expect(await refusal(english)).toBe('unknown action: nope');
    // A command in this process in nynorsk (the CLI's own reader) changes neither Studio.
    const run = await runMain(['--lang', 'nn', 'build', '--deck', 'nope'], root);
    expect(run.stderr).toContain('trappa: ');
    expect(run.status).not.toBe(0);
    expect(await refusal(bokmal)).toBe('ukjent handling: nope');
    expect(await refusal(english)).toBe('unknown action: nope');
  });
});
