/**
 * The pure stages on their own, over every fixture project: resolve (deck definition →
 * plan), layout of each slide kind in isolation, and layout of whole decks. No zip, no
 * files written: what these stages promise is checked where they make it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../src/data/load-project.js';
import { builtInSlides, ownSlideKinds, type SlideKindName } from '../../src/kinds/index.js';
import { layoutDeck } from '../../src/deck/layout-deck.js';
import type { Box, LaidOutDeck, LaidOutSlide, TextElement } from '../../src/layout/types.js';
import { resolveDeck, type DeckPlan, type PlannedSlide } from '../../src/plan/resolve-deck.js';
import { REPO } from '../helpers/project.js';

const fixtures = [
  { name: 'bundled', dataDir: 'data' },
  { name: 'fjellregionen', dataDir: 'test/fixtures/fjellregionen/data' },
] as const;

const projects = new Map<string, Project>();
for (const f of fixtures) {
  const loaded = await loadProject({ root: REPO, dataDir: f.dataDir });
  if (!loaded.ok) throw new Error(`${f.name}: ${JSON.stringify(loaded.issues)}`);
  projects.set(f.name, loaded.value);
}
const plans = (name: string): DeckPlan[] => {
  const project = projects.get(name)!;
  return project.decks.map((d) => resolveDeck(project, d));
};

const EPSILON = 0.005;
const inside = (box: Box, size: { w: number; h: number }): boolean =>
  box.x >= -EPSILON && box.y >= -EPSILON && box.x + box.w <= size.w + EPSILON && box.y + box.h <= size.h + EPSILON;

/** What every laid-out slide keeps, whatever its kind and content. */
function expectSoundSlide(slide: LaidOutSlide, deck: Pick<LaidOutDeck, 'size'>, plan: DeckPlan, label: string): void {
  const titles = slide.elements.filter((e): e is TextElement => e.type === 'text' && e.role === 'title');
  expect(titles, `${label}: one title`).toHaveLength(1);
  expect(slide.title.trim(), `${label}: title text`).not.toBe('');
  for (const e of slide.elements) {
    expect(inside(e.box, deck.size), `${label}: ${e.name} inside the slide`).toBe(true);
    const style = e.type === 'text' || e.type === 'shape' ? e.style : e.type === 'table' ? e.style : undefined;
    if (!style || (e.type === 'text' && e.role === 'footer')) continue;
    const floor = e.type === 'table' ? plan.theme.sizes.minTable : plan.theme.sizes.minBody;
    expect(style.fontSize, `${label}: ${e.name} at least the theme's floor`).toBeGreaterThanOrEqual(
      Math.min(floor, plan.theme.sizes.minTable),
    );
  }
}

describe.each(fixtures)('resolve ($name)', ({ name }) => {
  it('plans each deck: slides in order, the audience rows, file name and properties', async () => {
    const summary = plans(name).map((plan) => ({
      deck: plan.deck.id,
      baseName: plan.baseName,
      language: plan.properties.language,
      slides: plan.slides.map((s) => (s.kind === 'plan' ? `${s.kind}:${s.planMode}` : s.kind)),
      audienceGroups: [...plan.audienceGroups],
      audienceRows: [...plan.audienceRows],
      properties: plan.properties,
    }));
    await expect(`${JSON.stringify(summary, null, 2)}\n`).toMatchFileSnapshot(`__snapshots__/resolved-${name}.json`);
  });
});

/**
 * A plan of one slide of `kind`, taken from the first deck that has it, or made from the kind's
 * name (a deck-written kind gets a title and points of its own, so every kind is laid out in
 * every fixture and no case passes without asserting anything).
 */
function singleSlidePlan(plan: DeckPlan, kind: SlideKindName, from: PlannedSlide | undefined): DeckPlan {
  const own = (ownSlideKinds as readonly string[]).includes(kind);
  const ref = own
    ? { kind: kind as (typeof ownSlideKinds)[number], title: 'Egen side', points: ['Første punkt', 'Andre punkt'] }
    : { slide: kind as (typeof builtInSlides)[number] };
  const made: PlannedSlide = {
    kind,
    ref,
    location: plan.slides[0]!.location,
    planMode: 'all',
    ...(own ? { title: { source: ref.title as string, location: plan.slides[0]!.location } } : {}),
  };
  return { ...plan, slides: [from ?? made] };
}

describe.each(fixtures)('each slide kind on its own ($name)', ({ name }) => {
  const all = plans(name);
  const kinds: SlideKindName[] = [...builtInSlides, ...ownSlideKinds];
  it.each(kinds)('%s', (kind) => {
    const owner = all.find((p) => p.slides.some((s) => s.kind === kind));
    const plan = singleSlidePlan(
      owner ?? all[0]!,
      kind,
      owner?.slides.find((s) => s.kind === kind),
    );
    const laid = layoutDeck(plan);
    if (!laid.ok) throw new Error(JSON.stringify(laid.issues));
    expect(laid.value.slides.length).toBeGreaterThanOrEqual(1);
    laid.value.slides.forEach((s, i) => expectSoundSlide(s, laid.value, plan, `${kind} slide ${i + 1}`));
  });
});

describe.each(fixtures)('whole decks ($name)', ({ name }) => {
  it.each(plans(name).map((p) => [p.deck.id, p] as const))('%s: every slide sound', (_id, plan) => {
    const laid = layoutDeck(plan);
    if (!laid.ok) throw new Error(JSON.stringify(laid.issues));
    const deck = laid.value;
    expect(deck.slides.length).toBeGreaterThanOrEqual(plan.slides.length);
    deck.slides.forEach((s, i) => expectSoundSlide(s, deck, plan, `slide ${i + 1} (${s.title})`));
    expect(path.basename(plan.deckFile)).toMatch(/\.ya?ml$/);
  });
});
