/**
 * The Studio's edit loop without re-parsing or re-laying out what did not change (issue #27):
 * an edit is read from the saved file's kept parse (studio/edited-source.ts) and a slide whose
 * inputs did not change is reused (studio/slide-memo.ts). Whatever those caches do, the page
 * must see exactly what a cold run gives — the edited text parsed afresh, every slide laid
 * out and drawn — after every edit of a series (typing, rows added and removed so the slide
 * count changes, slides moved, the theme changed, a refused value), and a deck built from the
 * kept parse must be byte for byte the deck built from the parsed text.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderDeck } from '../src/build-deck.js';
import { loadProject } from '../src/data/load-project.js';
import { parseYaml } from '../src/data/load-yaml.js';
import { locateIn } from '../src/data/locate.js';
import { editYamlText } from '../src/data/yaml-edit.js';
import { ownLanguageStrategy } from '../src/data/strategy-languages.js';
import { resolveDeck } from '../src/plan/resolve-deck.js';
import { EditedFiles, type Edited, liveContext, type LiveContext, renderLive } from '../src/studio/live-render.js';
import { EditedSources } from '../src/studio/edited-source.js';
import { writeSyntheticProject } from '../scripts/bench/synthetic.js';
import { copyProjectToTemp } from './helpers/project-copy.js';
import { REPO } from './helpers/project.js';

// biome-ignore lint/suspicious/noExplicitAny: the data files' values, edited freely by the test
type Value = Record<string, any>;

/** The project's data files as the page holds them: saved text and (edited) value. */
class Page {
  readonly files = new Map<string, { saved: string; value: Value }>();
  readonly context: LiveContext = liveContext();

  constructor(readonly root: string) {}

  open(rel: string): Value {
    const abs = path.join(this.root, rel);
    let file = this.files.get(abs);
    if (!file) {
      const saved = readFileSync(abs, 'utf8');
      file = { saved, value: parse(saved) as Value };
      this.files.set(abs, file);
    }
    return file.value;
  }

  /** What the page sends: every opened file's saved text and value. */
  edited(): Map<string, Edited> {
    return new Map([...this.files].map(([abs, f]) => [abs, { saved: f.saved, value: structuredClone(f.value) }]));
  }

  /** As the old code read the edits: each edited text parsed afresh. */
  parsed(): Map<string, Edited> {
    return new Map([...this.files].map(([abs, f]) => [abs, { text: editYamlText(f.saved, f.value) }]));
  }

  /** A save: the edited text is on disk and becomes the saved text. */
  save(rel: string): void {
    const abs = path.join(this.root, rel);
    const file = this.files.get(abs)!;
    file.saved = editYamlText(file.saved, file.value);
    writeFileSync(abs, file.saved);
  }
}

/** The live render through the page's kept caches, and the same edits run cold: they must agree to the byte. */
async function sameAsCold(page: Page, what: string): Promise<void> {
  const warm = await renderLive({ root: page.root }, page.edited(), page.context);
  const cold = await renderLive({ root: page.root }, page.parsed(), liveContext());
  expect(warm.issues, what).toEqual(cold.issues);
  expect(
    warm.decks.map((d) => [d.id, d.slides.length, d.issues]),
    what,
  ).toEqual(cold.decks.map((d) => [d.id, d.slides.length, d.issues]));
  for (const [i, deck] of warm.decks.entries())
    for (const [j, slide] of deck.slides.entries()) {
      const other = cold.decks[i]!.slides[j]!;
      expect({ ...slide, svg: undefined }, `${what}: ${deck.id} slide ${j + 1}`).toEqual({ ...other, svg: undefined });
      // Not toEqual on 10-100 KB strings: the first slide that differs is the message.
      if (slide.svg !== other.svg) expect.fail(`${what}: ${deck.id} slide ${j + 1} has another SVG than a cold render`);
    }
}

/** Every deck built from the page's kept parses and from the edited texts parsed afresh: the same bytes. */
async function sameDecks(page: Page): Promise<void> {
  const warm = await loadProject({ root: page.root }, { cache: new EditedFiles(page.edited(), page.context) });
  const cold = await loadProject({ root: page.root }, { cache: new EditedFiles(page.parsed(), liveContext()) });
  if (!warm.ok || !cold.ok) throw new Error(`the project does not load: ${JSON.stringify(warm.ok || warm.issues)}`);
  for (const [i, source] of warm.value.decks.entries()) {
    const a = await renderDeck(warm.value, resolveDeck(warm.value, source), { check: false });
    const b = await renderDeck(cold.value, resolveDeck(cold.value, cold.value.decks[i]!), { check: false });
    expect(Buffer.compare(a.bytes, b.bytes), `deck ${source.deck.id}`).toBe(0);
  }
}

describe('the bundled project, edited', () => {
  let root: string;
  beforeAll(() => {
    root = copyProjectToTemp(REPO, 'trappa-incremental-');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('draws a slide once: a page holding it is sent its hash only, a page holding none its SVG as drawn', async () => {
    const context = liveContext();
    const first = await renderLive({ root }, new Map(), context);
    const svgs = (r: typeof first) => r.decks.map((d) => d.slides.map((s) => s.svg));
    const held = new Set(first.decks.flatMap((d) => d.slides.map((s) => s.hash)));
    const drawn = context.slides.stats.drawn;
    expect(drawn).toBe(svgs(first).flat().length);
    const again = await renderLive({ root }, new Map(), context, { wanted: (hash) => !held.has(hash) });
    expect(
      svgs(again)
        .flat()
        .filter((svg) => svg !== undefined),
    ).toEqual([]);
    // Another page (a reload, a second tab): every slide as first drawn, none drawn again.
    const fresh = await renderLive({ root }, new Map(), context);
    expect(svgs(fresh).flat()).toHaveLength(drawn);
    // Not toEqual on 10-100 KB strings: true or false is the message.
    expect(
      svgs(fresh)
        .flat()
        .every((svg, i) => svg !== undefined && svg === svgs(first).flat()[i]),
    ).toBe(true);
    expect(context.slides.stats.drawn).toBe(drawn);
  });

  it('writes each SVG as JSON where asked as it is drawn (as the worker renders), none held as text', async () => {
    const asText = (await renderLive({ root }, new Map(), liveContext())).decks.flatMap((d) => d.slides);
    const context = liveContext();
    // Drawn now, then taken from the slide cache: written both times, in the order drawn.
    for (const _ of ['drawn', 'kept']) {
      const written: string[] = [];
      const writeSvg = (svg: string) => Buffer.from(written[written.push(JSON.stringify(svg)) - 1]!);
      const slides = (await renderLive({ root }, new Map(), context, { writeSvg })).decks.flatMap((d) => d.slides);
      expect(slides.filter((s) => s.svg !== undefined)).toEqual([]);
      expect(slides).toHaveLength(asText.length);
      expect(slides.every((s, i) => s.json !== undefined && JSON.parse(s.json.toString()) === asText[i]!.svg)).toBe(
        true,
      );
      expect(written).toHaveLength(asText.length);
    }
    expect(context.slides.stats.drawn).toBe(asText.length);
  });

  it('shows after every edit what a cold render shows, reusing what did not change', async () => {
    const page = new Page(root);
    await sameAsCold(page, 'no edit');
    const strategy = page.open('data/strategy.yaml');
    const deck = page.open('data/decks/ansatte.yaml');
    const theme = page.open('data/theme.yaml');

    strategy.profile[0] = `${strategy.profile[0]} – skrevet om`;
    await sameAsCold(page, 'typing in the profile');
    strategy.profile[0] = `${strategy.profile[0]} igjen`;
    await sameAsCold(page, 'typing again');
    const { built, reused } = page.context.slides.stats;
    expect(reused, 'slides reused').toBeGreaterThan(built / 2);
    expect(page.context.sources.stats.spliced, 'edits read from the kept parse').toBeGreaterThanOrEqual(2);

    strategy.actionPlan[0].activity = 'Allmøte, flyttet';
    strategy.name = 'Strategien med nytt navn';
    await sameAsCold(page, 'a plan row and the name');
    const row = strategy.actionPlan[1];
    for (let i = 0; i < 30; i++) strategy.actionPlan.push({ ...row, id: `ny-${i}`, activity: `Ny aktivitet ${i}` });
    await sameAsCold(page, '30 plan rows added (more slides)');
    // The added rows and the last one, which no deck's meeting names.
    strategy.actionPlan.splice(strategy.actionPlan.length - 31, 31);
    await sameAsCold(page, '31 rows removed (fewer slides)');

    deck.slides.reverse();
    await sameAsCold(page, 'the deck’s slides in reverse order');
    deck.slides.splice(1, 2);
    deck.audience.name = 'Alle ansatte';
    await sameAsCold(page, 'two slides fewer, audience renamed');
    theme.colors.primary = '#1F3A5F';
    await sameAsCold(page, 'the theme’s primary colour');

    strategy.name = '';
    await sameAsCold(page, 'a refused value (empty name)');
    strategy.name = 'Navn\u0001med kontrolltegn';
    await sameAsCold(page, 'a control character');
    strategy.name = 'Et godt navn igjen';
    page.save('data/strategy.yaml');
    strategy.profile[1] = `${strategy.profile[1]} etter lagring`;
    await sameAsCold(page, 'typing after a save');
    await sameDecks(page);
  }, 600_000);
});

describe('a generated strategy of 400 plan rows, edited', () => {
  let root: string;
  let deckFile: string;
  beforeAll(async () => {
    root = path.join(os.tmpdir(), `trappa-incremental-large-${process.pid}-${Date.now()}`);
    deckFile = `data/decks/${(await writeSyntheticProject(REPO, root, 400)).deckId}.yaml`;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('shows after every edit what a cold render shows; a profile edit lays out one slide', async () => {
    const page = new Page(root);
    const strategy = page.open('data/strategy.yaml');
    await sameAsCold(page, 'no edit');
    const before = { ...page.context.slides.stats };
    strategy.profile[0] = 'Et nytt profilpunkt';
    await sameAsCold(page, 'typing in the profile');
    // One planned slide (the profile) laid out again; every other reused.
    expect(page.context.slides.stats.built - before.built).toBe(1);

    strategy.actionPlan[5].purpose = 'Et nytt formål';
    await sameAsCold(page, 'a row’s purpose');
    strategy.targetGroups.groups[0].name = 'Omdøpt gruppe';
    await sameAsCold(page, 'a group renamed');
    strategy.actionPlan.splice(0, 150);
    await sameAsCold(page, '150 rows removed');
    page.open(deckFile).slides.splice(0, 1);
    await sameAsCold(page, 'the deck’s first slide removed');
    await sameDecks(page);
  }, 600_000);
});

describe('an edited file read from its saved parse', () => {
  it('places every field where a parse of the edited text does', () => {
    const saved = readFileSync(path.join(REPO, 'data/strategy.yaml'), 'utf8');
    const value = parse(saved) as Value;
    value.profile[0] = 'Kort';
    value.actionPlan[1].activity = 'En mye lengre aktivitet enn den som sto der før, med «anførsel»';
    value.version = '0.3';
    value.history[1].version = '0.3';
    // In a flow list: the item after it moves along the same line.
    value.actionPlan[1].groups[0] = 'ansatte-i-hele-samkommunen';
    const sources = new EditedSources();
    const edited = sources.load('data/strategy.yaml', saved, value, ownLanguageStrategy);
    const parsed = parseYaml('data/strategy.yaml', editYamlText(saved, value));
    if (!edited.ok || !parsed.ok) throw new Error('does not load');
    expect(sources.stats).toEqual({ spliced: 1, parsed: 0 });
    expect(edited.value.source.text).toBe(parsed.value.text);
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, at: Array<string | number>): void => {
      paths.push(at);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    };
    walk(value, []);
    expect(paths.length).toBeGreaterThan(200);
    for (const at of [...paths, ['no', 'such', 'field']])
      for (const where of ['value', 'key'] as const)
        expect(locateIn(edited.value.source, at, where), `${at.join('.')} (${where})`).toEqual(
          locateIn(parsed.value, at, where),
        );
  });
});
