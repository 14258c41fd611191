/**
 * A strategy with deliberately long texts (profile statements doubled in number and length,
 * 25 plan rows, 20 target groups with long names): the build shrinks text or continues it
 * on "(forts.)" slides, and `trappa check` finds no overflow in any deck. Then the fitting is
 * undone in the written XML (sizes set larger than fitted), and the check must catch it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { buildDecks, type BuildResult } from '../src/build-deck.js';
import { checkBuiltDeck, checkDeck } from '../src/check/check-deck.js';
import { formatFindings } from '../src/check/format-findings.js';
import { PackageParts } from '../src/pptx/package-parts.js';
import { readPptx } from './helpers/pptx-zip.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const CONTINUED = '(forts.)';

/** Copies data/, templates/ and assets/ into a temp dir and makes every list long. */
async function longProject(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'trappa-long-'));
  for (const dir of ['data', 'templates', 'assets'])
    await cp(path.join(repo, dir), path.join(root, dir), { recursive: true });
  const file = path.join(root, 'data', 'strategy.yaml');
  const doc = parseDocument(await readFile(file, 'utf8'));
  const strategy = doc.toJS() as {
    profile: Array<string | { text: string; sub: string[] }>;
    targetGroups: { period?: string; groups: Array<{ id: string; name: string; priority: string }> };
    actionPlan: Array<Record<string, unknown>>;
    otherMessages: string[];
  };

  const doubled = (text: string): string => `${text} ${text}`;
  const profile = strategy.profile.map((p) => (typeof p === 'string' ? doubled(p) : { ...p, text: doubled(p.text) }));
  doc.set('profile', doc.createNode([...profile, ...profile]));

  const groups = [
    ...strategy.targetGroups.groups,
    { id: 'frivillige', name: 'Frivillige', priority: 'other' },
    { id: 'ungdomsrad', name: 'Ungdomsråd', priority: 'high' },
  ];
  const longGroups = groups.map((g) => ({
    ...g,
    name: `${g.name} – med kontaktpersoner, kanaler og ansvar avklart for hele vinteren`,
  }));
  doc.setIn(['targetGroups', 'groups'], doc.createNode(longGroups));

  const plan = [...strategy.actionPlan];
  for (let i = plan.length; i < 25; i++) {
    plan.push({
      audience: i % 3 === 0 ? 'Ledere ISK og Morkomm, tillvalgte' : `Målgruppe nummer ${i + 1} med et langt navn`,
      groups: i % 3 === 0 ? ['ledere', 'tillitsvalgte'] : i % 3 === 1 ? ['politikere'] : ['ansatte-isk'],
      activity: `Informasjonsmøte ${i + 1} om samkommunen, med spørsmål og svar, oppfølging og skriftlig referat til alle`,
      purpose: 'Informere om status, involvere og forankre strategien i hele organisasjonen',
      responsible: 'Rådmenn og kommunikasjonsrådgiver',
      when: `Uke ${6 + (i % 20)}`,
    });
  }
  doc.set('actionPlan', doc.createNode(plan));
  doc.set('otherMessages', doc.createNode([...strategy.otherMessages, ...strategy.otherMessages.map(doubled)]));
  await writeFile(file, doc.toString());
  return root;
}

function titlesOf(bytes: Uint8Array): string[] {
  const pptx = readPptx(bytes);
  return Array.from({ length: pptx.slideCount() }, (_, i) => {
    const xml = pptx.slideXml(i + 1);
    const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="title"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? '';
    return [...title.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
  });
}

/** The test seam for "fitting turned off": every run size in the named shapes (or table) × factor. */
function enlargeText(bytes: Uint8Array, slide: number, shapeName: string, factor: number): Uint8Array {
  const parts = PackageParts.read(bytes);
  const name = `ppt/slides/slide${slide}.xml`;
  const xml = parts.text(name)!;
  const element = new RegExp(
    `<p:(sp|graphicFrame)>(?:(?!</p:\\1>)[\\s\\S])*?name="${shapeName}"[\\s\\S]*?</p:\\1>`,
  ).exec(xml);
  if (!element) throw new Error(`no ${shapeName} on slide ${slide}`);
  const enlarged = element[0].replace(/ sz="(\d+)"/g, (_m, sz: string) => ` sz="${Math.round(Number(sz) * factor)}"`);
  parts.setText(name, xml.replace(element[0], enlarged));
  return parts.toZip(new Date(2004, 0, 26, 12));
}

describe('a strategy with long texts', () => {
  let root: string;
  let result: BuildResult;
  const bundled = new Map<string, number>();

  beforeAll(async () => {
    root = await longProject();
    result = await buildDecks({ root });
    for (const deck of (await buildDecks({ root: repo, dryRun: true })).decks)
      bundled.set(deck.deckId, deck.slideCount);
    return () => rm(root, { recursive: true, force: true });
  });

  it('builds every deck with more slides than the bundled strategy, continued as "(forts.)"', () => {
    expect(result.decks.map((d) => d.deckId).sort()).toEqual([...bundled.keys()].sort());
    const counts = Object.fromEntries(
      result.decks.map((d) => [d.deckId, `${bundled.get(d.deckId)} → ${d.slideCount}`]),
    );
    console.log('slides, bundled → long:', counts);
    for (const deck of result.decks) {
      expect(deck.slideCount).toBeGreaterThan(bundled.get(deck.deckId)!);
      expect(titlesOf(deck.bytes).some((t) => t.endsWith(CONTINUED))).toBe(true);
    }
  });

  it('continues the profile, the target groups and the plan on new slides', () => {
    const titles = titlesOf(result.decks.find((d) => d.deckId === 'strategi')!.bytes);
    const continued = titles.filter((t) => t.endsWith(CONTINUED));
    expect(continued.some((t) => /profil/i.test(t))).toBe(true);
    expect(continued.some((t) => /målgrupper/i.test(t))).toBe(true);
    expect(continued.some((t) => /kommunikasjonsplan/i.test(t))).toBe(true);
  });

  it('leaves no text that overflows, and no other errors, in any deck', () => {
    for (const deck of result.decks) {
      const errors = checkBuiltDeck(deck.bytes, result.project.theme).filter((f) => f.severity === 'error');
      expect(formatFindings(errors), deck.deckId).toBe('');
    }
  });

  it('detects overflow when a fitted list is drawn larger than fitted', () => {
    const deck = result.decks.find((d) => d.deckId === 'strategi')!;
    const titles = titlesOf(deck.bytes);
    const slide = titles.findIndex((t) => /profil/i.test(t)) + 1;
    const broken = enlargeText(deck.bytes, slide, 'List', 1.6);
    const overflow = checkDeck(broken, { minBodySize: 12 }).filter((f) => f.rule === 'overflow');
    expect(overflow).toEqual([expect.objectContaining({ severity: 'error', slide, element: 'List' })]);
    expect(overflow[0]!.message).toMatch(/the text needs \d+\.\d+ in at [\d.]+ pt but the frame has \d+\.\d+ in/);
  });

  it('detects a table that runs into the footer when its text is drawn larger than fitted', () => {
    const deck = result.decks.find((d) => d.deckId === 'strategi')!;
    const slide = titlesOf(deck.bytes).findIndex((t) => /kommunikasjonsplan/i.test(t)) + 1;
    const broken = enlargeText(deck.bytes, slide, 'Action plan', 1.5);
    const overflow = checkDeck(broken, { minBodySize: 12 }).filter((f) => f.rule === 'overflow');
    expect(overflow).toEqual([expect.objectContaining({ severity: 'error', slide, element: 'Action plan' })]);
    expect(overflow[0]!.message).toMatch(/rows end at \d+\.\d+ in, below the footer/);
  });
});
