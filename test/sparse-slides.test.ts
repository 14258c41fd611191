/**
 * Issue #23: sparse slides are laid out, not left. test/fixtures/innafjords has a one-line
 * profile, one change, two plan rows and three target groups; variants have one target
 * group and a plan with nothing for the audience. No slide of theirs, in nynorsk or English,
 * is more than two thirds empty in one stretch (rule `sparse`), and `trappa check` names a
 * slide that is.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { checkBuiltDeck } from '../src/check/check-deck.js';
import { readDeck } from '../src/check/read-deck.js';
import type { Theme } from '../src/data/schema.js';
import { PackageParts } from '../src/pptx/package-parts.js';
import { CLI_ARGS, REPO } from './helpers/project.js';

const DATA = 'test/fixtures/innafjords/data';
/** The body's top on every content slide (src/layout/page.ts), inches. */
const BODY_TOP = 1.6;
const LAYOUT_RULES = new Set(['sparse', 'sparse-shrunk', 'near-empty-continuation']);

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A copy of the fixture with `edit` applied to its strategy and its deck `alle` (as plain data). */
interface StrategyData {
  targetGroups: { groups: { id: string }[] };
  actionPlan: { groups?: string[] }[];
}
interface DeckData {
  audience: { groups: string[] };
  slides: unknown[];
}

function fixture(edit: (strategy: StrategyData, alle: DeckData) => void): string {
  const root = mkdtempSync(path.join(tmpdir(), 'trappa-sparse-'));
  roots.push(root);
  cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  cpSync(path.join(REPO, DATA), path.join(root, 'data'), { recursive: true });
  const files = ['strategy.yaml', 'decks/alle.yaml'].map((name) => path.join(root, 'data', name));
  const [strategy, alle] = files.map((file) => parse(readFileSync(file, 'utf8')) as unknown);
  edit(strategy as StrategyData, alle as DeckData);
  writeFileSync(files[0]!, stringify(strategy));
  writeFileSync(files[1]!, stringify(alle));
  return root;
}

const layoutFindings = (deck: BuiltDeck, theme: Theme) =>
  checkBuiltDeck(deck.bytes, theme).filter((f) => LAYOUT_RULES.has(f.rule));

/** The named element's box on a slide, as the check reads it. */
function boxOf(deck: BuiltDeck, slide: number, name: RegExp) {
  const element = readDeck(deck.bytes).slides[slide - 1]!.elements.find((e) => name.test(e.name));
  expect(element?.box, `${name} on slide ${slide}`).toBeDefined();
  return element!.box!;
}

const slideOf = (deck: BuiltDeck, title: RegExp): number =>
  1 +
  readDeck(deck.bytes).slides.findIndex((s) =>
    s.elements.some(
      (e) =>
        e.kind === 'shape' &&
        title.test(e.text?.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ') ?? ''),
    ),
  );

describe('sparse slides are laid out, not left', () => {
  let decks: BuiltDeck[];
  let theme: Theme;
  beforeAll(async () => {
    const built = await buildDecks({ root: REPO, dataDir: DATA, dryRun: true });
    decks = built.decks;
    theme = built.project.theme;
  });

  it('a two-row plan, three groups, a one-line profile and one change: no slide two thirds empty (nn, en)', () => {
    expect(decks.map((d) => d.deckId).sort()).toEqual(['alle', 'partnarar']);
    for (const deck of decks) expect(layoutFindings(deck, theme), deck.deckId).toEqual([]);
    // The plan's two rows are balanced on the slide, not left under the title.
    const alle = decks.find((d) => d.deckId === 'alle')!;
    const plan = slideOf(alle, /^Arbeidet med kommunikasjonsplan/);
    expect(boxOf(alle, plan, /^Action plan$/).y).toBeGreaterThan(BODY_TOP + 1);
    // One change: the version line and its change are balanced as one block, the line right above the change.
    const changes = slideOf(alle, /^Endringar sidan førre versjon$/);
    const [intro, list] = [boxOf(alle, changes, /^Intro$/), boxOf(alle, changes, /^List$/)];
    expect(intro.y).toBeGreaterThan(BODY_TOP + 1);
    expect(list.y - (intro.y + intro.h)).toBeLessThan(0.1);
  });

  it('one target group and no activity for the audience: a lone column in the middle, the statement centred', async () => {
    const root = fixture((strategy, alle) => {
      // Only the partners are a target group, and no plan row concerns the deck's audience.
      strategy.targetGroups.groups = strategy.targetGroups.groups.filter((g) => g.id === 'partnarar');
      for (const row of strategy.actionPlan) row.groups = [];
      alle.audience.groups = ['partnarar'];
      alle.slides = alle.slides.map((s) => (s === 'plan' ? { slide: 'plan', plan: 'only' } : s));
    });
    const built = await buildDecks({ root, dryRun: true, decks: ['alle'] });
    const deck = built.decks[0]!;
    expect(layoutFindings(deck, built.project.theme)).toEqual([]);
    const groups = slideOf(deck, /^Målgrupper$/);
    const column = boxOf(deck, groups, /^Heading 2$/);
    // One column on a 13.333 in slide: its middle is the slide's middle.
    expect(Math.abs(column.x + column.w / 2 - 13.333 / 2)).toBeLessThan(0.05);
    expect(column.y).toBeGreaterThan(BODY_TOP + 1);
  });

  it('trappa check names a slide left two thirds empty (a warning, exit 0)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'trappa-sparse-check-'));
    roots.push(root);
    const alle = decks.find((d) => d.deckId === 'alle')!;
    const profile = slideOf(alle, /– profil$/);
    // The one-line profile as an older layout left it: at the top of its frame, at body size.
    const parts = PackageParts.read(alle.bytes);
    const part = `ppt/slides/slide${profile}.xml`;
    const xml = parts.text(part)!;
    const list = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?name="List"[\s\S]*?<\/p:sp>/.exec(xml)![0];
    parts.setText(
      part,
      xml.replace(list, list.replace(/anchor="ctr"/g, 'anchor="t"').replace(/ sz="\d+"/g, ' sz="2000"')),
    );
    const file = path.join(root, 'alle-v1.0-2027-09-01.pptx');
    writeFileSync(file, parts.toZip(new Date(2027, 8, 1)));
    const r = await run(root, 'check', file);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`slide ${profile} · List · warning sparse: \\d+ % of the slide's content area is empty`),
    );
  });
});

function run(cwd: string, ...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}
