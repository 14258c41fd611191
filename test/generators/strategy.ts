/**
 * Valid strategies across the whole range Trappa promises to lay out, as fast-check
 * arbitraries: 1–12 members, 1–8 steps of 1–6 points, 0–60 plan rows, 0–40 target
 * groups, 0–12 services, texts of 1–400 characters (names and labels shorter, as such
 * fields are in practice), nb/nn/en, with and without logos and photos.
 * `writeProject` turns one into a project folder that `buildDecks` reads.
 */
import { mkdirSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { builtInSlides } from '../../src/kinds/index.js';

/** Words with Norwegian letters, long compounds and short ones, as strategies have them. */
const WORDS = [
  'samarbeid',
  'kommune',
  'innbyggere',
  'tjenester',
  'og',
  'i',
  'for',
  'til',
  'med',
  'på',
  'ansatte',
  'ledere',
  'næringsliv',
  'kommunikasjon',
  'målgrupper',
  'budskap',
  'økonomi',
  'årshjul',
  'oppvekst',
  'helse',
  'å',
  'være',
  'tillitsvalgte',
  'forankring',
  'evaluering',
  'samkommunestyret',
  'informasjon',
  'dialog',
  'plan',
  'vi',
  'skal',
  'barnehager',
  'skoler',
  'kultur',
  'tydelig',
  'åpen',
  'felles',
  'IKT',
  'PPT',
  'KS',
  'regionen',
  'fjord',
  'Ørsta',
  'Bø',
  'Ålesund',
  'medvirkning',
  'beredskap',
  'kvalitet',
  'likeverdige',
  'robuste',
  'fagmiljø',
  'nærhet',
];

/**
 * Text of `min`–`max` characters made of words (cut at a word, never mid-word, unless one
 * word is longer). The length is drawn uniformly, so long texts are as likely as short
 * ones; the words come from a seed, so shrinking shortens the text rather than reshuffling it.
 */
export function text(min: number, max: number): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: 0x7fffffff })).map(([length, seed]) => {
    let state = seed || 1;
    let out = '';
    for (;;) {
      state = (state * 48_271) % 0x7fffffff;
      const word = WORDS[state % WORDS.length]!;
      const next = out ? `${out} ${word}` : word;
      if (next.length > length) break;
      out = next;
    }
    if (out.length < min) out = WORDS[seed % WORDS.length]!.slice(0, Math.max(min, 1));
    const trimmed = out.trim() || 'Tekst';
    return trimmed[0]!.toUpperCase() + trimmed.slice(1);
  });
}

/** An array of exactly `count` items (the counts are knobs, drawn uniformly over their whole range). */
const exactly = <T>(item: fc.Arbitrary<T>, count: number): fc.Arbitrary<T[]> =>
  fc.array(item, { minLength: count, maxLength: count });

const date = fc
  .integer({ min: 0, max: 3650 })
  .map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const LOGOS = ['logos/isk.svg', 'logos/levanger.svg', 'logos/verdal.svg'];

export interface GeneratedProject {
  strategy: Record<string, unknown>;
  deck: Record<string, unknown>;
  /** For the gallery's file names and the printed counterexample. */
  summary: string;
}

const step = fc.record({
  question: text(1, 14).map((t) => `${t.toUpperCase()}?`),
  points: fc.integer({ min: 1, max: 6 }).chain((n) => exactly(text(1, 60), n)),
  outcome: fc.option(text(1, 16), { nil: undefined }),
});

const planRow = (groupIds: string[]) =>
  fc.record({
    audience: text(1, 40),
    groups: fc.subarray(groupIds, { maxLength: Math.min(3, groupIds.length) }),
    activity: text(1, 120),
    purpose: fc.option(text(1, 60), { nil: undefined }),
    responsible: fc.option(text(1, 40), { nil: undefined }),
    date: fc.option(date, { nil: undefined }),
    when: fc.option(text(1, 14), { nil: undefined }),
  });

const point = fc.oneof(
  { weight: 3, arbitrary: text(1, 400) },
  {
    weight: 1,
    arbitrary: fc.record({ text: text(1, 200), sub: fc.array(text(1, 120), { minLength: 1, maxLength: 3 }) }),
  },
);

/** The size knobs first, so shrinking walks toward small strategies. */
export const projectArbitrary: fc.Arbitrary<GeneratedProject> = fc
  .record({
    members: fc.integer({ min: 1, max: 12 }),
    steps: fc.integer({ min: 1, max: 8 }),
    rows: fc.integer({ min: 0, max: 60 }),
    groups: fc.integer({ min: 0, max: 40 }),
    services: fc.integer({ min: 0, max: 12 }),
    logos: fc.boolean(),
    photo: fc.boolean(),
    language: fc.constantFrom('nb', 'nn', 'en'),
  })
  .chain((knobs) => {
    const groupIds = Array.from({ length: knobs.groups }, (_, i) => `g${i + 1}`);
    return fc.record({
      knobs: fc.constant(knobs),
      name: text(1, 90),
      memberNames: exactly(text(1, 40), knobs.members),
      steps: exactly(step, knobs.steps),
      top: fc.array(text(1, 16), { minLength: 1, maxLength: 4 }),
      base: text(1, 60),
      explanation: fc.array(text(1, 400), { maxLength: 3, size: 'max' }),
      what: text(1, 300),
      why: text(1, 300),
      summary: text(1, 300),
      tasks: fc.option(text(1, 30), { nil: undefined }),
      services: exactly(text(1, 30), knobs.services),
      outcome: text(1, 120),
      emphasis: fc.option(
        fc.tuple(text(1, 60), text(1, 30), text(0, 60)).map(([a, b, c]) => `${a} **${b}** ${c}`.trim()),
        { nil: undefined },
      ),
      groupNames: exactly(fc.tuple(text(1, 60), fc.boolean()), knobs.groups),
      profile: fc.array(point, { minLength: 1, maxLength: 10, size: 'max' }),
      messages: fc.array(point, { maxLength: 10, size: 'max' }),
      plan: exactly(planRow(groupIds), knobs.rows),
      history: fc.array(text(1, 200), { minLength: 1, maxLength: 4 }),
      audienceGroups: fc.subarray(groupIds, { maxLength: Math.min(6, groupIds.length) }),
      planMode: fc.constantFrom('all', 'mark', 'only'),
      meeting: fc.option(
        fc.record({ name: text(1, 60), date, presenter: fc.option(text(1, 40), { nil: undefined }) }),
        { nil: undefined },
      ),
      ownSlide: fc.array(text(1, 400), { minLength: 1, maxLength: 8, size: 'max' }),
    });
  })
  .map((g): GeneratedProject => {
    const { knobs } = g;
    const version = `1.${g.history.length - 1}`;
    const strategy = {
      name: g.name,
      version,
      date: '2026-01-15',
      history: g.history.map((change, i) => ({
        version: `1.${i}`,
        date: `2025-0${Math.min(9, i + 1)}-01`,
        changes: [change],
      })),
      organisation: {
        name: g.memberNames.length > 1 ? 'Vestfjord samkommune' : 'Vestfjord kommunesamarbeid',
        ...(knobs.logos ? { logo: { file: LOGOS[0], alt: 'Logo for samarbeidet' } } : {}),
        members: g.memberNames.map((name, i) => ({
          id: `m${i + 1}`,
          name,
          ...(knobs.logos ? { logo: { file: LOGOS[1 + (i % 2)], alt: `Logo for ${name}` } } : {}),
        })),
      },
      staircase: { base: g.base, steps: g.steps, top: g.top, explanation: g.explanation },
      mainMessage: { what: g.what, why: g.why },
      model: { summary: g.summary, tasks: g.tasks, services: g.services, outcome: g.outcome, emphasis: g.emphasis },
      targetGroups: {
        groups: g.groupNames.map(([name, high], i) => ({
          id: `g${i + 1}`,
          name: `${name} ${i + 1}`,
          priority: high ? 'high' : 'other',
        })),
      },
      profile: g.profile,
      otherMessages: g.messages,
      actionPlan: g.plan.map((row, i) => ({ id: `r${i + 1}`, ...row })),
    };
    // Every built-in slide, from the one list the schema and the registry use; the plan with its mode.
    const slides: unknown[] = builtInSlides.map((kind) =>
      kind === 'plan' ? { slide: 'plan', plan: g.planMode } : kind,
    );
    slides.push({ kind: 'bullets', title: 'Dette ber vi om', points: g.ownSlide });
    if (knobs.photo)
      slides.push({
        kind: 'photo',
        title: 'Der tjenestene er',
        image: { file: 'photos/fjord.jpg', alt: 'En fjord med fjell' },
        points: g.ownSlide.slice(0, 3),
      });
    const deck = {
      id: 'generert',
      audience: { name: 'Ledere og tillitsvalgte', groups: g.audienceGroups },
      ...(g.meeting
        ? {
            meeting: {
              name: g.meeting.name,
              date: g.meeting.date,
              ...(g.meeting.presenter ? { presenter: g.meeting.presenter } : {}),
            },
          }
        : {}),
      language: knobs.language,
      slides,
    };
    const summary = `${knobs.members}m-${g.steps.length}s-${g.plan.length}r-${knobs.groups}g-${g.services.length}sv-${knobs.language}${knobs.logos ? '-logos' : ''}${knobs.photo ? '-photo' : ''}`;
    return { strategy: JSON.parse(JSON.stringify(strategy)), deck, summary };
  });

/** Writes the project into `root` (data/, theme; assets and templates point at the repository's). */
export function writeProject(root: string, repo: string, project: GeneratedProject): void {
  mkdirSync(path.join(root, 'data', 'decks'), { recursive: true });
  writeFileSync(path.join(root, 'data', 'strategy.yaml'), stringify(project.strategy));
  writeFileSync(path.join(root, 'data', 'decks', 'generert.yaml'), stringify(project.deck));
  copyFileSync(path.join(repo, 'data', 'theme.yaml'), path.join(root, 'data', 'theme.yaml'));
  symlinkSync(path.join(repo, 'assets'), path.join(root, 'assets'), 'dir');
  symlinkSync(path.join(repo, 'templates'), path.join(root, 'templates'), 'dir');
}
