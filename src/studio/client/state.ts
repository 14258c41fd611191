/** What the page knows: the project's files, the edits not yet saved, and the last messages. */
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

export interface ProjectInfo {
  root: string;
  files: DataFile[];
  decks: Array<{ file: string; id: string }>;
  schemas: Record<'strategy' | 'theme' | 'deck', Schema>;
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
  f.kind === 'strategy' ? 'Strategi' : f.kind === 'theme' ? 'Tema' : `Presentasjon: ${String(f.value?.id ?? f.file)}`;
export const allIssues = (): Issue[] => [
  ...state.global,
  ...[...state.deckIssues.values()].flat(),
  ...[...state.findings.values()].flat(),
  ...state.buildIssues,
];
/** Everything known about a deck beyond its layout: check findings and build problems. */
export const laterIssues = (id: string): Issue[] => [...(state.findings.get(id) ?? []), ...state.buildIssues];
