/**
 * Valid strategies across the whole range Trappa promises to lay out, as fast-check
 * arbitraries: 1–12 members, 1–8 steps of 1–6 points, 0–60 plan rows, 0–40 target
 * groups, 0–12 services (words or compounds of up to 25 letters), texts of 1–400 characters
 * (names and labels shorter, as such fields are in practice) in the deck's language (nb, nn
 * or en words), with and without logos and photos.
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

/** Nynorsk and English words for decks in those languages (issue #23: texts in the deck's language). */
const NN_WORDS = [
  'samarbeid',
  'kommune',
  'innbyggjarar',
  'tenester',
  'og',
  'i',
  'for',
  'til',
  'med',
  'på',
  'tilsette',
  'leiarar',
  'næringsliv',
  'kommunikasjon',
  'målgrupper',
  'bodskap',
  'økonomi',
  'årshjul',
  'oppvekst',
  'helse',
  'å',
  'vere',
  'tillitsvalde',
  'forankring',
  'evaluering',
  'representantskapet',
  'informasjon',
  'dialog',
  'plan',
  'vi',
  'skal',
  'barnehagar',
  'skular',
  'kultur',
  'tydeleg',
  'open',
  'felles',
  'IKT',
  'PPT',
  'KS',
  'regionen',
  'fjord',
  'Ørsta',
  'Bø',
  'Ålesund',
  'medverknad',
  'beredskap',
  'kvalitet',
  'likeverdige',
  'sterke',
  'fagmiljø',
  'nærleik',
  'ikkje',
  'kva',
  'korleis',
  'eit',
  'dei',
  'frå',
];
const EN_WORDS = [
  'partnership',
  'municipality',
  'residents',
  'services',
  'and',
  'in',
  'for',
  'to',
  'with',
  'on',
  'staff',
  'leaders',
  'business',
  'communication',
  'audiences',
  'message',
  'economy',
  'calendar',
  'childhood',
  'health',
  'the',
  'be',
  'representatives',
  'grounding',
  'evaluation',
  'council',
  'information',
  'dialogue',
  'plan',
  'we',
  'will',
  'nurseries',
  'schools',
  'culture',
  'clear',
  'open',
  'shared',
  'ICT',
  'PPT',
  'KS',
  'region',
  'fjord',
  'Ørsta',
  'Bø',
  'Ålesund',
  'participation',
  'preparedness',
  'quality',
  'equal',
  'strong',
  'expertise',
  'proximity',
  'of',
  'our',
  'what',
  'how',
];
/** Service names as compounds of up to 25 letters («Skatteoppkrevjingskontoret»), the hard case for narrow boxes. */
const COMPOUND_PARTS = [
  'skatte',
  'oppkrevjing',
  'miljø',
  'retta',
  'helse',
  'vern',
  'barne',
  'brann',
  'rekneskap',
  'sak',
  'handsaming',
  'innkjøp',
  'landbruk',
  'kontor',
  'tenesta',
  'arkiv',
  'løn',
  'reform',
];

export const VOCABULARY = { nb: WORDS, nn: NN_WORDS, en: EN_WORDS } as const;
export type Vocabulary = keyof typeof VOCABULARY;

/** One compound word of 4–25 letters from COMPOUND_PARTS, capitalised. */
export const compound: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...COMPOUND_PARTS), { minLength: 1, maxLength: 4 })
  .map((parts) => {
    let word = '';
    for (const part of parts) if ((word + part).length <= 25) word += part;
    return word[0]!.toUpperCase() + word.slice(1);
  });

/**
 * Text of `min`–`max` characters made of words (cut at a word, never mid-word, unless one
 * word is longer). The length is drawn uniformly, so long texts are as likely as short
 * ones; the words come from a seed, so shrinking shortens the text rather than reshuffling it.
 */
export function text(min: number, max: number, words: readonly string[] = WORDS): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: 0x7fffffff })).map(([length, seed]) => {
    let state = seed || 1;
    let out = '';
    for (;;) {
      state = (state * 48_271) % 0x7fffffff;
      const word = words[state % words.length]!;
      const next = out ? `${out} ${word}` : word;
      if (next.length > length) break;
      out = next;
    }
    if (out.length < min) out = words[seed % words.length]!.slice(0, Math.max(min, 1));
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

const step = (w: readonly string[]) =>
  fc.record({
    question: text(1, 14, w).map((t) => `${t.toUpperCase()}?`),
    points: fc.integer({ min: 1, max: 6 }).chain((n) => exactly(text(1, 60, w), n)),
    outcome: fc.option(text(1, 16, w), { nil: undefined }),
  });

const planRow = (groupIds: string[], w: readonly string[]) =>
  fc.record({
    audience: text(1, 40, w),
    groups: fc.subarray(groupIds, { maxLength: Math.min(3, groupIds.length) }),
    activity: text(1, 120, w),
    purpose: fc.option(text(1, 60, w), { nil: undefined }),
    responsible: fc.option(text(1, 40, w), { nil: undefined }),
    date: fc.option(date, { nil: undefined }),
    when: fc.option(text(1, 14, w), { nil: undefined }),
  });

const point = (w: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: text(1, 400, w) },
    {
      weight: 1,
      arbitrary: fc.record({ text: text(1, 200, w), sub: fc.array(text(1, 120, w), { minLength: 1, maxLength: 3 }) }),
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
    language: fc.constantFrom<Vocabulary>('nb', 'nn', 'en'),
  })
  .chain((knobs) => {
    const groupIds = Array.from({ length: knobs.groups }, (_, i) => `g${i + 1}`);
    // Texts in the deck's language's words (nb, nn or en), so every vocabulary's word lengths are laid out.
    const w = VOCABULARY[knobs.language];
    const t = (min: number, max: number) => text(min, max, w);
    return fc.record({
      knobs: fc.constant(knobs),
      name: t(1, 90),
      memberNames: exactly(t(1, 40), knobs.members),
      steps: exactly(step(w), knobs.steps),
      top: fc.array(t(1, 16), { minLength: 1, maxLength: 4 }),
      base: t(1, 60),
      explanation: fc.array(t(1, 400), { maxLength: 3, size: 'max' }),
      what: t(1, 300),
      why: t(1, 300),
      summary: t(1, 300),
      tasks: fc.option(t(1, 30), { nil: undefined }),
      services: exactly(fc.oneof(t(1, 30), compound), knobs.services),
      outcome: t(1, 120),
      emphasis: fc.option(
        fc.tuple(t(1, 60), t(1, 30), t(0, 60)).map(([a, b, c]) => `${a} **${b}** ${c}`.trim()),
        { nil: undefined },
      ),
      groupNames: exactly(fc.tuple(t(1, 60), fc.boolean()), knobs.groups),
      profile: fc.array(point(w), { minLength: 1, maxLength: 10, size: 'max' }),
      messages: fc.array(point(w), { maxLength: 10, size: 'max' }),
      plan: exactly(planRow(groupIds, w), knobs.rows),
      history: fc.array(t(1, 200), { minLength: 1, maxLength: 4 }),
      audienceGroups: fc.subarray(groupIds, { maxLength: Math.min(6, groupIds.length) }),
      planMode: fc.constantFrom('all', 'mark', 'only'),
      meeting: fc.option(fc.record({ name: t(1, 60), date, presenter: fc.option(t(1, 40), { nil: undefined }) }), {
        nil: undefined,
      }),
      ownSlide: fc.array(t(1, 400), { minLength: 1, maxLength: 8, size: 'max' }),
    });
  })
  .map((g): GeneratedProject => {
    const { knobs } = g;
    const version = `1.${g.history.length - 1}`;
    const strategy = {
      language: knobs.language,
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
