/**
 * The data field behind a laid-out element, for the TRAPPA_SOURCE tag on its shape
 * (pptx/source-tags.ts): elements a slide kind placed without a `source` get the field
 * their name shows they came from, else the kind's own part of the strategy. Names the
 * kinds change only make the source coarser (the kind's part), never wrong.
 */
import type { SourceLocation } from '../errors.js';
import type { LaidOutSlide, SlideElement } from '../layout/types.js';
import type { DeckPlan, PlannedSlide } from '../plan/resolve-deck.js';

/** The strategy field each built-in kind draws from. */
const KIND_DATA: Record<string, string> = {
  title: 'name',
  staircase: 'staircase',
  'what-why': 'mainMessage',
  model: 'model',
  'target-groups': 'targetGroups',
  profile: 'profile',
  messages: 'otherMessages',
  plan: 'actionPlan',
  changes: 'history',
};

/** Finer fields by element name, per kind: the path below the strategy's root. */
const BY_NAME: Record<string, [RegExp, (m: RegExpExecArray) => (string | number)[]][]> = {
  staircase: [
    [/^Step (\d+)( outcome)?$/, (m) => ['staircase', 'steps', Number(m[1]) - 1, ...(m[2] ? ['outcome'] : [])]],
    [/^Base$/, () => ['staircase', 'base']],
    [/^Top$/, () => ['staircase', 'top']],
    [/^Explanation$|^List$/, () => ['staircase', 'explanation']],
  ],
  model: [
    [/^Summary$/, () => ['model', 'summary']],
    [/^Outcome$/, () => ['model', 'outcome']],
    [/^Emphasis$/, () => ['model', 'emphasis']],
    [/^Tasks label$/, () => ['model', 'tasks']],
    [/^Joint body$/, () => ['organisation', 'name']],
  ],
  'target-groups': [[/list$/, () => ['targetGroups', 'groups']]],
};

function fieldOf(plan: DeckPlan, kind: string, name: string): SourceLocation | undefined {
  for (const [pattern, path] of BY_NAME[kind] ?? []) {
    const m = pattern.exec(name);
    if (m) return plan.locateStrategy(path(m));
  }
  if (kind === 'model') {
    const member = plan.strategy.organisation.members.findIndex((x) => name === `Member ${x.name}`);
    if (member >= 0) return plan.locateStrategy(['organisation', 'members', member, 'name']);
  }
  return undefined;
}

/**
 * Records the slide kind and every text's source on each built slide: the title's, and for
 * texts, diagram nodes and tables that the kind left without one, the field named above, else
 * the kind's data (a deck's own slide: its entry in the deck file).
 */
export function withSources(
  plan: DeckPlan,
  slide: PlannedSlide,
  slides: LaidOutSlide[],
  title: SourceLocation | undefined,
): LaidOutSlide[] {
  const data = KIND_DATA[slide.kind];
  const fallback = data ? plan.locateStrategy([data]) : slide.location;
  const sourced = (e: SlideElement): SlideElement => {
    if (e.type === 'text' && e.role === 'title') return !e.source && title ? { ...e, source: title } : e;
    if (e.type === 'text' || e.type === 'table' || (e.type === 'shape' && e.paragraphs)) {
      return e.source ? e : { ...e, source: fieldOf(plan, slide.kind, e.name) ?? fallback };
    }
    return e;
  };
  return slides.map((s) => ({ ...s, kind: slide.kind, elements: s.elements.map(sourced) }));
}
