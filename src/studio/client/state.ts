/** What the page knows: the project's files, the edits not yet saved, and the last messages. */
import type { ColourPair } from './colour-field.js';
import { word } from './page-language.js';
import type { Json, Schema } from './form-util.js';
import type { Issue, LiveDeck } from './slides.js';

export interface DataFile {
  file: string;
  kind: 'strategy' | 'theme' | 'deck';
  value: Json;
  text: string;
  /** sha256 of the text the page loaded: a save says which version it started from. */
  version: string;
  /** Why the file cannot be read, or cannot be saved (a link out of the project). */
  problem?: string;
  readOnly?: boolean;
}

/** A deck as the user knows it: by its meeting (or audience), the id behind it. */
export interface DeckChoice {
  file: string;
  id: string;
  title: string;
}

export interface ProjectInfo {
  root: string;
  /** The Studio's language (`trappa studio --lang`): the page's words where it has them in three. */
  lang: 'nb' | 'nn' | 'en';
  files: DataFile[];
  decks: DeckChoice[];
  schemas: Record<'strategy' | 'theme' | 'deck', Schema>;
  /** The colour pairs the slides draw, as `trappa check` judges them. */
  colourPairs: ColourPair[];
}

export interface RenderResult {
  issues: Issue[];
  decks: LiveDeck[];
  /** The server's time for load → layout → SVG, milliseconds (shown to the benchmark). */
  ms: number;
}

export const state = {
  project: undefined as ProjectInfo | undefined,
  /** Edited values by file (a copy of the saved value once touched). */
  edits: new Map<string, { value: Json }>(),
  view: '',
  touched: new Set<string>(),
  global: [] as Issue[],
  deckIssues: new Map<string, Issue[]>(),
  /** `trappa check` findings by deck, from the last check of the edited data. */
  findings: new Map<string, Issue[]>(),
  /** Located problems only a build finds (a picture, the size budget), from the same check. */
  buildIssues: [] as Issue[],
};

export const copy = (v: Json): Json => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
export const fileOf = (rel: string): DataFile | undefined => state.project?.files.find((f) => f.file === rel);
export const titleOf = (f: DataFile): string =>
  f.kind === 'strategy'
    ? word('Strategi')
    : f.kind === 'theme'
      ? word('Tema')
      : word('Presentasjon: {title}', { title: deckTitle(f.value, f.file) });

/** A deck by its meeting and date ("Storledermøte 4.2.2004"), else its title, else its audience (and id). */
export function deckTitle(value: Json, file: string): string {
  const meeting = value?.meeting;
  const day = typeof meeting?.date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(meeting.date) : null;
  const date = day ? ` ${Number(day[3])}.${Number(day[2])}.${day[1]}` : '';
  if (typeof meeting?.name === 'string' && meeting.name.trim()) return `${meeting.name.trim()}${date}`;
  if (typeof value?.title === 'string' && value.title.trim()) return value.title.trim();
  const audience = typeof value?.audience?.name === 'string' ? value.audience.name.trim() : '';
  if (audience && value?.id) return `${audience} (${value.id})`;
  return String(value?.id ?? file);
}
export const allIssues = (): Issue[] => [
  ...state.global,
  ...[...state.deckIssues.values()].flat(),
  ...[...state.findings.values()].flat(),
  ...state.buildIssues,
];
/** Everything known about a deck beyond its layout: check findings and build problems. */
export const laterIssues = (id: string): Issue[] => [...(state.findings.get(id) ?? []), ...state.buildIssues];
