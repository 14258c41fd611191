/**
 * Synthetic projects for the scale benchmark: the bundled strategy with its target groups
 * and action plan replaced by N generated ones, in a temporary project folder with
 * the real templates/, assets/ and theme. Text lengths follow the seed's (a plan row is
 * five cells of 5–60 characters; a group name 10–45 characters); the words are Norwegian.
 * A seeded generator keeps every run's content the same.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { builtInSlides } from '../../src/kinds/index.js';

/** The strategy as written in YAML (before validation), enough for the generators here. */
export type StrategyDoc = Record<string, unknown> & {
  name: string;
  version: string;
  date: string;
  targetGroups: { period?: string; groups: { id: string; name: string; priority: 'high' | 'other' }[] };
  actionPlan: PlanRowDoc[];
};

export interface PlanRowDoc {
  id?: string;
  audience: string;
  groups?: string[];
  activity: string;
  purpose?: string;
  responsible?: string;
  date?: string;
  dates?: string[];
  when?: string;
}

export interface SyntheticProject {
  root: string;
  strategy: StrategyDoc;
  deckId: string;
  /** Every built-in slide, in the seed's order. */
  slides: string[];
}

/** Mulberry32: small, seeded, the same sequence everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUP_HEADS = [
  'Ansatte i',
  'Ledere i',
  'Tillitsvalgte i',
  'Brukere av',
  'Innbyggere i',
  'Politikere i',
  'Frivillige i',
  'Pårørende i',
  'Samarbeidspartnere i',
  'Elever og foreldre i',
];
const UNITS = [
  'helse og omsorg',
  'barnehagene',
  'grunnskolen',
  'teknisk drift',
  'NAV Innherred',
  'plan og byggesak',
  'landbrukskontoret',
  'servicekontoret',
  'barnevernet',
  'PP-tjenesten',
  'kulturskolen',
  'skatteoppkreveren',
  'innkjøpskontoret',
  'IKT-tjenesten',
  'legevakta',
  'Verdal',
  'Levanger',
  'Nord-Trøndelag',
];
const ACTIVITIES = [
  'Møte i enhetene',
  'Informasjonsmøte',
  'Arbeidsmøte om kommunikasjonsstrategien',
  'Orientering i formannskapet',
  'Artikkel i personalavisa',
  'Innspillsrunde',
  'Nyhetsbrev på intranett',
  'Dialogmøte med tillitsvalgte',
  'Pressemelding og pressemøte',
  'Temamøte for ledere',
  'Åpent møte for innbyggere',
  'Samling for servicekontorene',
];
const PURPOSES = [
  'Informere status, involvere',
  'Ferdigstille komm.str., involvere',
  'Forankre komm.strategi',
  'Status, involvering, beslutninger',
  'Skape eierskap til målene',
  'Gi og få innspill',
];
const RESPONSIBLE = [
  'Enhetsledere',
  'Rådmenn',
  'Rådmann',
  'Rådmenn-/MHD',
  'Kommunikasjonsrådgiver',
  'Personalsjef',
  'Ordfører',
  'Prosjektleder',
];
const WHEN = ['Løpende', 'Uke 4 (5)', 'F.møter', 'Før sommeren', 'Hver måned', 'Etter behov'];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

const isoDay = (dayOfYear: number): string => new Date(Date.UTC(2004, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

/** N target groups (about a third of them high priority) and N plan rows pointing at them. */
export function syntheticContent(n: number, seed = 2004): Pick<StrategyDoc, 'targetGroups' | 'actionPlan'> {
  const rnd = random(seed + n);
  const groups = Array.from({ length: n }, (_, i) => ({
    id: `gruppe-${i + 1}`,
    name: `${pick(rnd, GROUP_HEADS)} ${pick(rnd, UNITS)}${rnd() < 0.3 ? ` og ${pick(rnd, UNITS)}` : ''}`,
    priority: (i % 3 === 0 ? 'high' : 'other') as 'high' | 'other',
  }));
  const actionPlan = Array.from({ length: n }, (_, i): PlanRowDoc => {
    const g1 = groups[Math.floor(rnd() * n)]!;
    const g2 = groups[Math.floor(rnd() * n)]!;
    const row: PlanRowDoc = {
      id: `rad-${i + 1}`,
      audience: rnd() < 0.5 ? g1.name : `${g1.name.split(' ').slice(0, 3).join(' ')}, ${pick(rnd, UNITS)}`,
      groups: g1.id === g2.id ? [g1.id] : [g1.id, g2.id],
      activity:
        rnd() < 0.4 ? `${pick(rnd, ACTIVITIES)} / ${pick(rnd, ACTIVITIES).toLowerCase()}` : pick(rnd, ACTIVITIES),
      purpose: pick(rnd, PURPOSES),
      responsible: pick(rnd, RESPONSIBLE),
    };
    const kind = rnd();
    if (kind < 0.6) row.date = isoDay(Math.floor(rnd() * 360));
    else if (kind < 0.8) row.dates = [isoDay(Math.floor(rnd() * 180)), isoDay(180 + Math.floor(rnd() * 180))];
    else row.when = pick(rnd, WHEN);
    return row;
  });
  return { targetGroups: { period: 'vinter 2004', groups }, actionPlan };
}

/** Every built-in slide kind, from the one list the schema and the registry use. */
const ALL_SLIDES = [...builtInSlides];

/**
 * Writes a project with N plan rows and N target groups to `root` (replaced if present):
 * templates/, assets/ and data/theme.yaml copied from `source`, a generated data/strategy.yaml,
 * and one deck with every slide, whose audience is the first few groups (so rows get marked).
 */
export async function writeSyntheticProject(source: string, root: string, n: number): Promise<SyntheticProject> {
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(root, 'data', 'decks'), { recursive: true });
  await cp(path.join(source, 'templates'), path.join(root, 'templates'), { recursive: true });
  await cp(path.join(source, 'assets'), path.join(root, 'assets'), { recursive: true });
  await cp(path.join(source, 'data', 'theme.yaml'), path.join(root, 'data', 'theme.yaml'));

  const base = parse(await readFile(path.join(source, 'data', 'strategy.yaml'), 'utf8')) as StrategyDoc;
  const strategy: StrategyDoc = { ...base, ...syntheticContent(n) };
  await writeFile(path.join(root, 'data', 'strategy.yaml'), stringify(strategy, { lineWidth: 0 }));

  const deckId = 'alt';
  const audienceGroups = strategy.targetGroups.groups.slice(0, Math.min(3, n)).map((g) => g.id);
  const deck = {
    id: deckId,
    audience: { name: 'Syntetisk publikum', groups: audienceGroups },
    slides: ALL_SLIDES.map((slide) => (slide === 'plan' ? { slide, plan: 'mark' } : slide)),
  };
  await writeFile(path.join(root, 'data', 'decks', `${deckId}.yaml`), stringify(deck));
  return { root, strategy, deckId, slides: ALL_SLIDES };
}
