/**
 * Issue #23: one strategy, several languages. test/fixtures/innafjords is written in nynorsk
 * (`language: nn`) with English translations beside its texts; its deck `alle` has no language
 * of its own, `partnarar` is in English. Asserted on the built decks' XML.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuildResult } from '../src/build-deck.js';
import { checkDeck } from '../src/check/check-deck.js';
import { loadProject } from '../src/data/load-project.js';
import { readPptx } from './helpers/pptx-zip.js';
import { runMain } from './helpers/in-process.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { copyProject, editFile, REPO } from './helpers/project.js';

const DATA = 'test/fixtures/innafjords/data';
let built: BuildResult;
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'trappa-languages-'));
  built = await buildDecks({ root: REPO, dataDir: DATA, outDir });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const deck = (id: string) => readPptx(built.decks.find((d) => d.deckId === id)!.bytes);
const allText = (id: string): string => {
  const p = deck(id);
  return Array.from({ length: p.slideCount() }, (_, i) => p.slideTexts(i + 1).join(' ')).join('\n');
};
const langTags = (id: string): Set<string> => {
  const p = deck(id);
  const tags = new Set<string>();
  for (let n = 1; n <= p.slideCount(); n++) for (const m of p.slideXml(n).matchAll(/ lang="([^"]+)"/g)) tags.add(m[1]!);
  return tags;
};

/** A copy of the fixture to break. */
function fixtureCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'trappa-languages-'));
  cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  cpSync(path.join(REPO, DATA), path.join(root, 'data'), { recursive: true });
  return root;
}

describe('one strategy told in nynorsk and English', () => {
  it('builds the English deck with English texts, labels, dates and en-GB tags', () => {
    const text = allText('partnarar');
    expect(text).toContain('a binding partnership');
    expect(text).toContain('Child welfare');
    expect(text).toContain('Partner meeting on the new company');
    expect(text).toContain('12 October 2027');
    // The plan's short date in English, not «12.10.».
    expect(
      deck('partnarar')
        .tables(4)[0]!
        .rows.flatMap((r) => r.cells.map((c) => c.text.paragraphs.flatMap((p) => p.runs.map((x) => x.text)).join(''))),
    ).toContain('12 Oct');
    expect(text).not.toMatch(/Barnevern|samarbeid mellom|Partnarmøte om/);
    expect(langTags('partnarar')).toEqual(new Set(['en-GB']));
  });

  it("builds the deck without a language of its own in the strategy's: nynorsk labels and nn-NO tags", () => {
    const text = allText('alle');
    expect(text).toContain('Barnevern');
    expect(text).toContain('Versjon');
    expect(text).toContain('1. september 2027');
    expect(text).not.toMatch(/Child welfare|HØYEST PRIORITERTE/);
    expect(text).toMatch(/HØGAST PRIORITERTE|Høgast prioriterte/i);
    expect(langTags('alle')).toEqual(new Set(['nn-NO']));
  });

  it.skipIf(missingValidator())('both decks pass the OOXML validator', async () => {
    expect(await validatePptx(...built.decks.map((d) => d.file))).toEqual([]);
  });

  it('warns once about texts written without an English translation, naming where', () => {
    expect(built.project.notices.map((n) => `${n.file}:${n.line} ${n.field}: ${n.message}`)).toEqual([
      expect.stringMatching(/strategy\.yaml:\d+ organisation\.shortName: 8 texts have no en translation/),
    ]);
  });

  it("a text without the deck's language is a located error, and nothing is written", async () => {
    const root = fixtureCopy();
    try {
      const file = path.join(root, 'data/strategy.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('  tasks: { nn: Oppgåver, en: Tasks }', '  tasks: { nn: Oppgåver }'),
      );
      const run = await runMain(['build', '--root', root], root);
      expect(run.status).toBe(2);
      expect(existsSync(path.join(root, 'output'))).toBe(false);
      expect(run.stderr).toMatch(
        /data\/strategy\.yaml:\d+:\d+ model\.tasks: has no English text \(en\), which a deck in en needs/,
      );
      // With a declared fallback the build goes on, and says which text it filled in.
      writeFileSync(file, readFileSync(file, 'utf8').replace('language: nn\n', 'language: nn\nfallbackLanguage: nn\n'));
      const again = await runMain(['build', '--root', root], root);
      expect(again.status).toBe(0);
      expect(again.stderr).toMatch(
        /warning: data\/strategy\.yaml:\d+:\d+ model\.tasks: has no English text \(en\); the nynorsk text is used/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("warns when a deck's meeting date and its plan row disagree", async () => {
    const root = fixtureCopy();
    try {
      const file = path.join(root, 'data/decks/partnarar.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2027-10-12', 'date: 2027-10-14'));
      const loaded = await loadProject({ root });
      expect(
        loaded.ok && loaded.value.notices.map((n) => `${n.file}:${n.line} ${n.field}: ${n.message}`),
      ).toContainEqual(
        expect.stringMatching(
          /partnarar\.yaml:3 meeting\.date: the meeting is on 2027-10-14, but its plan row 'partnarmote' says 2027-10-12 \(data\/strategy\.yaml:\d+\)/,
        ),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the language check', () => {
  it('warns on each slide of bokmål text in a deck tagged en, naming the slide', async () => {
    const root = copyProject();
    editFile(root, 'data/decks/strategi.yaml', 'id: strategi\n', 'id: strategi\nlanguage: en\n');
    const result = await buildDecks({ root, decks: ['strategi'] });
    const findings = checkDeck(result.decks[0]!.bytes, { minBodySize: 12 }).filter((f) => f.rule === 'text-language');
    const slides = findings.map((f) => f.slide);
    // The staircase, what-why, model, target groups, profile, messages and plan slides: bokmål in every one.
    expect(slides).toEqual(expect.arrayContaining([2, 3, 4, 6, 7, 8]));
    expect(findings[0]!.message).toMatch(/reads as bokmål, but the deck is tagged en-GB/);
    // A build's check (errors only) does not run this warning-only rule, and finds the same errors.
    const all = checkDeck(result.decks[0]!.bytes, { minBodySize: 12 });
    const errorsOnly = checkDeck(result.decks[0]!.bytes, { minBodySize: 12, errorsOnly: true });
    expect(errorsOnly.filter((f) => f.rule === 'text-language')).toEqual([]);
    expect(errorsOnly.filter((f) => f.severity === 'error')).toEqual(all.filter((f) => f.severity === 'error'));
    // The same deck in its own language: no such warning.
    const own = await buildDecks({ root: REPO, decks: ['strategi'], dryRun: true });
    expect(checkDeck(own.decks[0]!.bytes, { minBodySize: 12 }).filter((f) => f.rule === 'text-language')).toEqual([]);
    // Both decks of the nynorsk fixture read as what they are tagged.
    for (const d of built.decks)
      expect(checkDeck(d.bytes, { minBodySize: 12 }).filter((f) => f.rule === 'text-language')).toEqual([]);
  });
});

describe('the label files', () => {
  it('of nb, nn and en hold the same keys', () => {
    const keys = (language: string) =>
      Object.keys(parse(readFileSync(path.join(REPO, 'templates', language, 'labels.yaml'), 'utf8'))).sort();
    expect(keys('nn')).toEqual(keys('nb'));
    expect(keys('en')).toEqual(keys('nb'));
  });
});
