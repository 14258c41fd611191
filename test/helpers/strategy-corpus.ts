/**
 * The strategies the template corpus is built with besides the bundled one (issue #20): the
 * fixture strategies, a synthetic one of moderate size, and variations of the bundled strategy
 * that stress the general case (much longer names and titles, one of everything, as many of
 * everything as the schema allows). Each is a project folder: the repository's templates/ and
 * assets/ with the strategy's data/, put on a template by `onTemplate`. No vitest here, so a
 * script can sweep with it too.
 */
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { writeSyntheticProject } from '../../scripts/bench/synthetic.js';
import { copyProjectInto, REPO } from './project-copy.js';

export interface CorpusStrategy {
  /** Short name, as the test reports it. */
  name: string;
  /** A project folder with this strategy (not yet on a template). */
  root: string;
}

// biome-ignore lint/suspicious/noExplicitAny: YAML documents of the strategy's shape, changed field by field
type Doc = Record<string, any>;

const readYaml = (file: string): Doc => parse(readFileSync(file, 'utf8')) as Doc;
const writeYaml = (file: string, doc: Doc): void => writeFileSync(file, stringify(doc, { lineWidth: 0 }));

/** The repository's templates/ and assets/ with the fixture's data/ (test/fixtures/<name>/data). */
function fixtureProject(name: string, into: string): string {
  copyProjectInto(into);
  rmSync(path.join(into, 'data'), { recursive: true });
  cpSync(path.join(REPO, 'test/fixtures', name, 'data'), path.join(into, 'data'), { recursive: true });
  return into;
}

/**
 * Innafjords (nynorsk), with one deck more: every slide of its nynorsk deck in English (every
 * text of the fixture has an English translation), so the corpus builds English wording whole.
 */
function innafjords(into: string): string {
  fixtureProject('innafjords', into);
  const alle = readYaml(path.join(into, 'data/decks/alle.yaml'));
  writeYaml(path.join(into, 'data/decks/all-en.yaml'), { ...alle, id: 'all-en', language: 'en' });
  return into;
}

/** Each word of `text` and its phrase `extra`, so a name or title is 2–3 times as long in real words. */
const longer = (text: string, extra: string): string => `${text} ${extra}`;

/**
 * The bundled strategy with much longer names and titles: the strategy's and organisation's
 * names, the staircase's questions, points and top, every target group, the main message, the
 * plan's activities and audiences, the decks' audiences, and slide titles in the wording.
 */
function longNames(doc: Doc, decks: Map<string, Doc>): void {
  doc.name = longer(doc.name, 'for perioden 2004–2008, vedtatt av samkommunestyret og begge kommunestyrene');
  doc.organisation.name = longer(doc.organisation.name, 'og de to morkommunene Verdal og Levanger');
  for (const member of doc.organisation.members) member.name = longer(member.name, 'i Nord-Trøndelag fylke');
  for (const step of doc.staircase.steps) {
    step.question = longer(step.question, 'SPØR VI OSS');
    step.points = step.points.map((p: string) => longer(p, 'for alle enhetene i samkommunen'));
  }
  doc.staircase.top = doc.staircase.top.map((t: string) => longer(t, 'i alt vi gjør'));
  doc.staircase.base = longer(doc.staircase.base, 'om hvorfor og hvordan vi kommuniserer');
  doc.mainMessage.what = longer(doc.mainMessage.what, 'der begge kommunene beholder ansvaret for tjenestene sine');
  doc.mainMessage.why = longer(doc.mainMessage.why, 'enn hver kommune kunne gitt alene, uten å slå seg sammen');
  doc.model.outcome = longer(doc.model.outcome, 'i hele Innherred, samme dag og med samme kvalitet');
  doc.targetGroups.period = longer(doc.targetGroups.period, 'og våren 2005');
  for (const group of doc.targetGroups.groups) group.name = longer(group.name, 'i begge kommunene og i samkommunen');
  for (const row of doc.actionPlan) {
    row.activity = longer(row.activity, 'med oppfølging i etterkant og referat til alle');
    row.audience = longer(row.audience, 'og deres stedfortredere');
  }
  doc.wording = {
    ...doc.wording,
    'model.title': 'Bilde av samkommunen: slik henger morkommunene og Innherred Samkommune sammen',
    'messages.title': 'Andre budskap vi bruker overfor alle målgruppene i begge kommunene og i samkommunen',
  };
  for (const deck of decks.values()) deck.audience.name = longer(deck.audience.name, 'i begge kommunene og i ISK');
}

/** The bundled strategy with one of everything: one member, one step, one target group, one plan row. */
function fewItems(doc: Doc, decks: Map<string, Doc>): void {
  doc.organisation.members = doc.organisation.members.slice(0, 1);
  doc.staircase.steps = doc.staircase.steps.slice(0, 1);
  doc.staircase.top = doc.staircase.top.slice(0, 1);
  doc.targetGroups.groups = doc.targetGroups.groups.slice(0, 1);
  const group = doc.targetGroups.groups[0].id;
  doc.actionPlan = [{ ...doc.actionPlan[0], groups: [group] }];
  doc.profile = doc.profile.slice(0, 1);
  doc.otherMessages = doc.otherMessages.slice(0, 1);
  for (const deck of decks.values()) {
    deck.audience.groups = [group];
    if (deck.meeting) deck.meeting.planRow = doc.actionPlan[0].id;
  }
}

/**
 * The bundled strategy with as many as the schema allows where it has a bound and a dozen where
 * it has none: 8 steps (the schema's most) with outcomes, 12 target groups (6 of them high),
 * 12 services, 6 members, 12 plan rows.
 */
function manyItems(doc: Doc): void {
  const words = ['Hvorfor', 'Hvem', 'Hva', 'Hvordan', 'Når', 'Hvor', 'Med hvem', 'Virket det'];
  const outcomes = ['Retning', 'Målgrupper', 'Innhold', 'Tiltak', 'Plan', 'Kanaler', 'Samarbeid', 'Forbedring'];
  doc.staircase.steps = words.map((question, i) => ({
    question: `${question.toUpperCase()}?`,
    points: [`Punkt ${i + 1} om ${outcomes[i]!.toLowerCase()}`, 'Ansvar og frister'],
    outcome: outcomes[i],
  }));
  const names = ['Tynset', 'Alvdal', 'Folldal', 'Rendalen', 'Os', 'Tolga'];
  doc.organisation.members = names.map((name, i) => ({ id: `m${i}`, name: `${name} kommune`, shortName: name }));
  doc.targetGroups.groups = doc.targetGroups.groups
    .slice(0, 12)
    .map((g: Doc, i: number) => ({ ...g, priority: i < 6 ? 'high' : 'other' }));
  doc.model.services = [
    'Barnevern',
    'PPT',
    'Innkjøp',
    'IKT',
    'Lønn',
    'Regnskap',
    'Arkiv',
    'Brannvern',
    'Landbruk',
    'Skatt',
    'Legevakt',
    'Kulturskole',
  ];
  const kept = new Set(doc.targetGroups.groups.map((g: Doc) => g.id));
  const rows = doc.actionPlan.map((r: Doc) => ({ ...r, groups: r.groups.filter((g: string) => kept.has(g)) }));
  // The bundled rows keep their ids, so the decks' meetings still point at theirs.
  doc.actionPlan = Array.from({ length: 12 }, (_, i) => ({
    ...rows[i % rows.length],
    id: i < rows.length ? rows[i].id : `rad-${i + 1}`,
  }));
}

/** The bundled project with its strategy (and decks) changed by `change`. */
function bundledVariant(into: string, change: (doc: Doc, decks: Map<string, Doc>) => void): string {
  copyProjectInto(into);
  const file = path.join(into, 'data/strategy.yaml');
  const doc = readYaml(file);
  const decks = new Map(
    ['ansatte', 'samkommunestyre', 'storledermote', 'strategi'].map((id) => [
      id,
      readYaml(path.join(into, `data/decks/${id}.yaml`)),
    ]),
  );
  change(doc, decks);
  writeYaml(file, doc);
  for (const [id, deck] of decks) writeYaml(path.join(into, `data/decks/${id}.yaml`), deck);
  return into;
}

/** The fixture strategies, every deck of each (Innafjords with an all-English deck more). */
export function fixtureStrategies(dir: string): CorpusStrategy[] {
  return [
    { name: 'innafjords', root: innafjords(path.join(dir, 'innafjords')) },
    { name: 'fjellregionen', root: fixtureProject('fjellregionen', path.join(dir, 'fjellregionen')) },
    { name: 'vestfjord', root: fixtureProject('vestfjord', path.join(dir, 'vestfjord')) },
  ];
}

/** A synthetic strategy of `n` target groups and plan rows, one deck with every built-in slide. */
export async function syntheticStrategy(dir: string, n: number): Promise<CorpusStrategy> {
  const root = path.join(dir, `synthetic-${n}`);
  await writeSyntheticProject(REPO, root, n);
  return { name: `synthetic-${n}`, root };
}

/** The variations of the bundled strategy: long names, one of everything, many of everything. */
export function strategyVariants(dir: string): CorpusStrategy[] {
  return [
    { name: 'long-names', root: bundledVariant(path.join(dir, 'long-names'), longNames) },
    { name: 'few-items', root: bundledVariant(path.join(dir, 'few-items'), fewItems) },
    { name: 'many-items', root: bundledVariant(path.join(dir, 'many-items'), manyItems) },
  ];
}

/** A copy of `strategy`'s project at `into`, on the template `file` (copied in, named in theme.yaml). */
export function onTemplate(strategy: CorpusStrategy, file: string, into: string): string {
  cpSync(strategy.root, into, { recursive: true });
  mkdirSync(path.join(into, 'assets/templates'), { recursive: true });
  copyFileSync(file, path.join(into, 'assets/templates', path.basename(file)));
  appendFileSync(path.join(into, 'data/theme.yaml'), `\ntemplate: templates/${path.basename(file)}\n`);
  return into;
}
