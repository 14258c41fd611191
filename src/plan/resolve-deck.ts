/**
 * Resolve: one deck definition + the strategy → the plan of one deck: which slides,
 * in which order, with which notes and wording, under which file name and properties.
 * Pure: no files, no clock.
 */
import type { FontRegistry } from '../fonts/fonts.js';
import type { SourceLocation } from '../errors.js';
import type { DeckSource, Project } from '../data/load-project.js';
import type { Deck, SlideRef, Strategy, Theme } from '../data/schema.js';
import { locateIn } from '../data/validate.js';
import type { DeckProperties } from './deck-properties.js';
import type { SlideKindName } from '../kinds/index.js';
import type { SentChanges } from './sent-changes.js';
import type { TemplateSet, TemplateSource } from '../render/render-text.js';

/** How the plan slide treats the audience's rows. */
export type PlanMode = 'all' | 'mark' | 'only';

export interface PlannedSlide {
  /** Built-in slide name, or the custom kind. */
  kind: SlideKindName;
  /** The slide as written in the deck file, in object form. */
  ref: Exclude<SlideRef, string>;
  location: SourceLocation;
  notes?: TemplateSource;
  title?: TemplateSource;
  planMode: PlanMode;
}

export interface DeckPlan {
  deck: Deck;
  deckFile: string;
  strategy: Strategy;
  /** Where a field of the strategy was written, for located errors (images, templates). */
  locateStrategy(path: (string | number)[]): SourceLocation;
  locateTheme(path: (string | number)[]): SourceLocation;
  locateDeck(path: (string | number)[]): SourceLocation;
  theme: Theme;
  templates: TemplateSet;
  /** Wording overrides from the deck file, keyed like the templates ("plan.title"). */
  wording: Map<string, TemplateSource>;
  /** Target-group ids of the audience. */
  audienceGroups: ReadonlySet<string>;
  /** Action-plan row ids that concern the audience (by group, or the deck's own meeting row). */
  audienceRows: ReadonlySet<string | number>;
  slides: PlannedSlide[];
  properties: DeckProperties;
  /** File name without extension: deck, version and date, e.g. "storledermote-v0.2-2004-02-04". */
  baseName: string;
  /** The project's faces: the deck's text is measured with these (fonts/fonts.ts withFonts). */
  fonts: FontRegistry;
  /**
   * What differs from the version last sent to the audience, for a changes slide with
   * `changes: since-sent`; filled in before layout by diff/sent-changes.ts (absent: the slide
   * shows the history entry, as previews that cannot read the send records do).
   */
  sentChanges?: SentChanges;
}

/** Whether a deck's changes slide asks for the differences since the version last sent. */
export function wantsSentChanges(plan: Pick<DeckPlan, 'slides'>): boolean {
  return plan.slides.some((s) => s.kind === 'changes' && 'slide' in s.ref && s.ref.changes === 'since-sent');
}

function normaliseRef(ref: SlideRef): Exclude<SlideRef, string> {
  return typeof ref === 'string' ? { slide: ref } : ref;
}

function planSlide(ref: SlideRef, index: number, source: DeckSource): PlannedSlide {
  const object = normaliseRef(ref);
  const at = (field: string): TemplateSource | undefined => {
    const value = (object as Record<string, unknown>)[field];
    return typeof value === 'string'
      ? { source: value, location: locateIn(source.source, ['slides', index, field]) }
      : undefined;
  };
  const kind = 'slide' in object ? object.slide : object.kind;
  const planMode: PlanMode =
    'slide' in object && object.plan ? object.plan : source.deck.audience.groups.length > 0 ? 'mark' : 'all';
  return {
    kind,
    ref: object,
    location: locateIn(source.source, ['slides', index]),
    notes: at('notes'),
    title: at('title'),
    planMode,
  };
}

/** Rows of the action plan that concern the audience: shared target groups, or the deck's own meeting. */
function audienceRowKeys(strategy: Strategy, deck: Deck): Set<string | number> {
  const groups = new Set(deck.audience.groups);
  const keys = new Set<string | number>();
  strategy.actionPlan.forEach((row, i) => {
    const concerns =
      row.groups.some((g) => groups.has(g)) || (row.id !== undefined && row.id === deck.meeting?.planRow);
    if (concerns) keys.add(row.id ?? i);
  });
  return keys;
}

/** Revision = position of the current version in the history (1-based), so 0.1 → 1, 0.2 → 2. */
function revisionOf(strategy: Strategy): number {
  const i = strategy.history.findIndex((h) => h.version === strategy.version);
  return i >= 0 ? i + 1 : Math.max(1, strategy.history.length);
}

function deckBaseName(deck: Deck, strategy: Strategy): string {
  return `${deck.id}-v${strategy.version}-${deck.meeting?.date ?? strategy.date}`;
}

export function resolveDeck(project: Project, source: DeckSource): DeckPlan {
  const { deck } = source;
  const { theme } = project;
  // The strategy's texts in the deck's language (the loader made one per language the decks use).
  const strategy = project.strategies.get(deck.language) ?? project.strategy;
  const templates = project.templates.get(deck.language);
  if (!templates) throw new Error(`templates for language ${deck.language} were not loaded`);
  // The strategy's wording applies to every deck; a deck's own wording wins.
  const wording = new Map<string, TemplateSource>([
    ...Object.entries(strategy.wording).map(([key, value]): [string, TemplateSource] => [
      key,
      { source: value, location: locateIn(project.strategySource, ['wording', key]) },
    ]),
    ...Object.entries(deck.wording).map(([key, value]): [string, TemplateSource] => [
      key,
      { source: value, location: locateIn(source.source, ['wording', key]) },
    ]),
  ]);
  const title = deck.title ?? strategy.name;
  const org = strategy.organisation;
  return {
    fonts: project.fonts,
    deck,
    deckFile: source.source.file,
    strategy,
    locateStrategy: (at) => locateIn(project.strategySource, at),
    locateTheme: (at) => locateIn(project.themeSource, at),
    locateDeck: (at) => locateIn(source.source, at),
    theme,
    templates,
    wording,
    audienceGroups: new Set(deck.audience.groups),
    audienceRows: audienceRowKeys(strategy, deck),
    slides: deck.slides.map((ref, i) => planSlide(ref, i, source)),
    baseName: deckBaseName(deck, strategy),
    properties: {
      title: deck.meeting ? `${title} – ${deck.meeting.name}` : title,
      subject: deck.audience.name,
      author: org.name,
      company: org.name,
      version: strategy.version,
      revision: revisionOf(strategy),
      date: strategy.date,
      language: templates.labels.language,
      keywords: [org.shortName, deck.id, deck.meeting?.name].filter(Boolean).join('; '),
      deckId: deck.id,
    },
  };
}

export function findDeck(project: Project, id: string): DeckSource | undefined {
  return project.decks.find((d) => d.deck.id === id);
}
