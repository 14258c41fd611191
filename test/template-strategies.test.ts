/**
 * Issue #20: every strategy on every template, not only the bundled one (template-corpus.test.ts
 * builds that). The fixture strategies (Innafjords in nynorsk with its English decks, Fjellregionen,
 * Vestfjord) and a synthetic one of 20 target groups and plan rows are built on Trappa's own
 * design and on every template of the corpus (LibreOffice's 23 as .potx and the five made here);
 * variations of the bundled strategy that stress the general case (much longer names and titles,
 * one of everything, as many of everything as the schema allows) on a sample of them: dark ones,
 * a 4:3 one and those with a narrow body place. Each build runs `trappa check`'s refusing rules on
 * every deck (a deck with an error is not built); a deterministic share of the decks, rotating
 * by the day (TRAPPA_CORPUS_SHARE=k picks one), is also checked with every rule, validated
 * by the OOXML validator and converted by LibreOffice: validating all ~330 decks takes minutes.
 *
 * Last round two refusals of this kind were found by hand: Innafjords on Nature_Illustration (a
 * legend measured in the wrong place) and Fjellregionen on Yellow_Idea (outcomes measured at the
 * wrong width). This round's sweep found five more, fixed at their causes (template-placement
 * has a case for each): the joint body's long name, a long footer on the built-in design and
 * one grown over a legend, a title under the body (pptxgenjs-4x3), plan words too long for a
 * narrow table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { backdropPictures } from '../src/check/backdrop-pictures.js';
import { checkBuiltDeck } from '../src/check/check-deck.js';
import { InputError } from '../src/errors.js';
import { type FontRegistry, withFonts } from '../src/fonts/fonts.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import {
  type CorpusStrategy,
  fixtureStrategies,
  onTemplate,
  strategyVariants,
  syntheticStrategy,
} from './helpers/strategy-corpus.js';
import { libreOfficeTemplates, notConverted, ownTemplates } from './helpers/template-corpus.js';
import { hasSoffice } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-strategies-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

/** Trappa's own design: the strategy's project as it is. */
const BUILT_IN = 'built-in';
/** Templates the variations are built on: dark, 4:3, narrow body places, art beside the text. */
const SAMPLE = [
  BUILT_IN,
  'Progress',
  'Vintage',
  'Yellow_Idea',
  'Nature_Illustration',
  'Piano',
  'Midnightblue',
  'Lights',
  'Forestbird',
  'pptxgenjs-4x3',
  'dark-picture',
];
/** One deck in this many is validated and converted; which one rotates by the day. */
const SHARE = 8;
const share = Number(process.env.TRAPPA_CORPUS_SHARE ?? Math.floor(Date.now() / 86_400_000) % SHARE);

interface Outcome {
  strategy: string;
  template: string;
  decks?: BuiltDeck[];
  /** The project's faces, which `trappa check` measures with as the build did. */
  fonts?: FontRegistry;
  error?: Error;
}
const outcomes: Outcome[] = [];
const templateName = (file: string) => path.basename(file).replace(/\.(potx|pptx)$/, '');

async function buildOn(strategy: CorpusStrategy, file: string | undefined): Promise<Outcome> {
  const template = file ? templateName(file) : BUILT_IN;
  const root = file ? onTemplate(strategy, file, mkdtempSync(path.join(work, 'p-'))) : strategy.root;
  try {
    const { project, decks } = await buildDecks({ root, dryRun: true });
    return { strategy: strategy.name, template, decks, fonts: project.fonts };
  } catch (error) {
    return { strategy: strategy.name, template, error: error as Error };
  } finally {
    if (file) rmSync(root, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  const files = [...(await libreOfficeTemplates()), ...(await ownTemplates(path.join(work, 'own')))];
  const strategies = [...fixtureStrategies(path.join(work, 's')), await syntheticStrategy(path.join(work, 's'), 20)];
  for (const strategy of strategies)
    for (const file of [undefined, ...files]) outcomes.push(await buildOn(strategy, file));
  const sample = files.filter((f) => SAMPLE.includes(templateName(f)));
  for (const strategy of strategyVariants(path.join(work, 'v')))
    for (const file of [undefined, ...sample]) outcomes.push(await buildOn(strategy, file));
}, 900_000);

const failed = (o: Outcome) => `${o.strategy} × ${o.template}: ${o.error!.message}`;
const variants = new Set(['long-names', 'few-items', 'many-items']);

/**
 * A refusal as the issue allows it: a located input error (the build's adaptations found no
 * way), every line naming file, line, field, deck and slide. Never a deck the check refused.
 */
const locatedRefusal = (error: Error) =>
  error instanceof InputError &&
  error.message
    .split('\n')
    .every((line) => /^data\/[\w/.-]+:\d+:\d+ [\w.[\]]+: deck [\w-]+, slide \d+ \([\w-]+\): /.test(line));

/** Every built deck in order, numbered: the share is every SHARE-th from `share`. */
const sharedDecks = () =>
  outcomes.flatMap((o) => (o.decks ?? []).map((deck) => ({ o, deck }))).filter((_, i) => i % SHARE === share);

describe('every strategy on every template', () => {
  it('holds the corpus: 28 templates and the built-in design, four strategies, three variations on the sample', () => {
    const fixtures = outcomes.filter((o) => !variants.has(o.strategy));
    expect(new Set(fixtures.map((o) => o.template)).size).toBeGreaterThanOrEqual(29);
    expect(new Set(fixtures.map((o) => o.strategy))).toEqual(
      new Set(['innafjords', 'fjellregionen', 'vestfjord', 'synthetic-20']),
    );
    expect(new Set(outcomes.filter((o) => variants.has(o.strategy)).map((o) => o.template)).size).toBe(SAMPLE.length);
  });

  it('builds every deck of the fixture and synthetic strategies on every template, `trappa check` finding no error', () => {
    const refused = outcomes.filter((o) => !variants.has(o.strategy) && o.error).map(failed);
    expect(refused).toEqual([]);
    // Innafjords: its nynorsk deck, its English partners' deck and the nynorsk deck in English.
    for (const o of outcomes.filter((o) => o.strategy === 'innafjords'))
      expect(o.decks!.map((d) => d.plan.properties.language).sort(), o.template).toEqual(['en-GB', 'en-GB', 'nn-NO']);
  });

  it('builds the variations on the sample, or refuses only where nothing fits, naming deck, slide and field', () => {
    const checkRefused = outcomes.filter((o) => variants.has(o.strategy) && o.error && !locatedRefusal(o.error));
    expect(checkRefused.map(failed)).toEqual([]);
    // Refused where nothing fits: the long strategy name on the covers of Inspiration and Piano, whose title
    // stands on a band the master draws for it (0.9 and 1.0 in: three lines at the title's 20-pt floor need
    // 1.1 in). Listed, so a change shows; the variations on the other sample templates all build.
    const refused = outcomes
      .filter((o) => variants.has(o.strategy) && o.error)
      .map((o) => `${o.strategy} × ${o.template}`);
    console.log(`variations refused where nothing fits: ${refused.join(', ') || 'none'}`);
    expect(refused.filter((r) => !/^long-names × (Inspiration|Piano)$/.test(r))).toEqual([]);
    expect(outcomes.filter((o) => variants.has(o.strategy) && o.decks).length).toBeGreaterThanOrEqual(
      3 * SAMPLE.length - 3,
    );
  });
});

describe(`a share of the decks (every ${SHARE}th from ${share}), checked outside the build`, () => {
  const written: string[] = [];
  beforeAll(() => {
    for (const [i, { o, deck }] of sharedDecks().entries()) {
      const file = path.join(work, `${String(i).padStart(3, '0')}-${o.strategy}-${o.template}-${deck.deckId}.pptx`);
      writeFileSync(file, deck.bytes);
      written.push(file);
    }
  });

  it('has no error by every rule of `trappa check` (the build ran only those that can refuse)', async () => {
    expect(written.length).toBeGreaterThan(20);
    const errors: string[] = [];
    for (const { o, deck } of sharedDecks()) {
      const pictures = await backdropPictures(deck.bytes);
      const findings = withFonts(o.fonts!, () => checkBuiltDeck(deck.bytes, deck.plan.theme, { pictures }));
      for (const f of findings.filter((f) => f.severity === 'error'))
        errors.push(`${o.strategy} × ${o.template}/${deck.deckId}: slide ${f.slide} ${f.element} ${f.rule}`);
    }
    expect(errors).toEqual([]);
  });

  it.skipIf(missingValidator())(
    'passes the OOXML validator',
    async () => {
      expect((await validatePptx(...written)).filter((i) => i.severity === 'error')).toEqual([]);
    },
    600_000,
  );

  it.runIf(hasSoffice)(
    'converts in LibreOffice (one run for all)',
    async () => {
      expect(await notConverted(written, work)).toEqual([]);
    },
    900_000,
  );
});
