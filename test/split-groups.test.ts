/**
 * A point and its sub-points are split across slides as one: a continuation slide never
 * starts with a sub-point whose point is on the slide before, unless the point with its
 * sub-points is too tall for a slide on its own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { buildDecks } from '../src/build-deck.js';
import { paragraphGroups, splitParagraphs } from '../src/layout/fit-text.js';
import type { Paragraph, TextStyle } from '../src/layout/types.js';
import { copyProject } from './helpers/project.js';
import { readPptx } from './helpers/pptx-zip.js';

const style = (fontSize: number): TextStyle => ({
  fontFace: 'Calibri',
  fontSize,
  color: '000000',
  insets: { left: 0, right: 0, top: 0, bottom: 0 },
});
/** One line each at 20 pt in a 5 in frame: 24 pt a paragraph, so 9 fit a 3 in box. */
const point = (t: string): Paragraph => ({ runs: [{ text: t }], bullet: true, level: 0 });
const sub = (t: string): Paragraph => ({ runs: [{ text: t }], bullet: true, level: 1 });
const group = (n: number, subs: number): Paragraph[] => [
  point(`Punkt ${n}`),
  ...Array.from({ length: subs }, (_, i) => sub(`Underpunkt ${n}.${i + 1}`)),
];
const box = { x: 0, y: 0, w: 5, h: 3 };
const ranges = (chunks: Array<{ start: number; end: number }>) => chunks.map((c) => [c.start, c.end]);

describe('paragraphGroups', () => {
  it('keeps each indented paragraph with the paragraph before it', () => {
    const items = [point('a'), sub('a.1'), sub('a.2'), point('b'), point('c'), sub('c.1')];
    expect(paragraphGroups(items)).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 4 },
      { start: 4, end: 6 },
    ]);
  });

  it('starts a group at a leading sub-point, since there is nothing before it', () => {
    expect(paragraphGroups([sub('x'), point('a')])).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
    ]);
  });
});

describe('splitParagraphs with sub-points', () => {
  it('moves a group that would straddle the boundary whole to the next chunk', () => {
    // 1 + 3 + 3 lines fill 7 of 9; the next group of 3 would end on the next chunk.
    const items = [...group(1, 0), ...group(2, 2), ...group(3, 2), ...group(4, 2), ...group(5, 0)];
    const chunks = splitParagraphs(items, style(20), box, 20);
    expect(chunks.map((c) => [c.start, c.end, c.fontSize, c.overflow])).toEqual([
      [0, 7, 20, false],
      [7, 11, 20, false],
    ]);
    // Without levels the boundary may fall inside Punkt 4, and the two chunks are balanced (6 + 5 lines), not 9 + 2.
    const flat = items.map((p) => ({ ...p, level: 0 }));
    expect(ranges(splitParagraphs(flat, style(20), box, 20))).toEqual([
      [0, 6],
      [6, 11],
    ]);
  });

  it('never starts a later chunk with a sub-point, at any size', () => {
    const items = Array.from({ length: 14 }, (_, i) => group(i + 1, (i % 3) + 1)).flat();
    for (const [size, min] of [
      [20, 14],
      [20, 20],
      [16, 12],
    ] as const) {
      const chunks = splitParagraphs(items, style(size), box, min);
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks) expect(chunk.paragraphs[0]!.level, `${size}/${min} at ${chunk.start}`).toBe(0);
      expect(chunks.at(-1)!.end).toBe(items.length);
    }
  });

  it('still splits a group too tall for the box on its own, between its paragraphs', () => {
    // Punkt 2 with 12 sub-points is 13 lines; the box holds 9. The 15 lines are balanced 7 + 8.
    const items = [...group(1, 0), ...group(2, 12), ...group(3, 0)];
    const chunks = splitParagraphs(items, style(20), box, 20);
    expect(chunks.map((c) => [c.start, c.end, c.overflow])).toEqual([
      [0, 7, false],
      [7, 15, false],
    ]);
  });

  it('flags a single paragraph too tall for the box as overflow, in a group or not', () => {
    const long = sub('Samkommunen er et alternativ til kommunesammenslåing. '.repeat(20));
    const items = [point('Punkt 1'), long, point('Punkt 2')];
    const chunks = splitParagraphs(items, style(20), box, 14);
    expect(chunks.map((c) => [c.start, c.end, c.overflow])).toEqual([
      [0, 1, false],
      [1, 2, true],
      [2, 3, false],
    ]);
  });

  it('uses the fewest chunks at minSize, then the largest size that needs no more, the same for every chunk', () => {
    const items = Array.from({ length: 10 }, (_, i) => group(i + 1, 2)).flat();
    const chunks = splitParagraphs(items, style(20), box, 14);
    const size = chunks[0]!.fontSize;
    expect(chunks.every((c) => c.fontSize === size)).toBe(true);
    expect(size).toBeGreaterThan(14);
    expect(size).toBeLessThan(20);
    expect(chunks).toHaveLength(splitParagraphs(items, style(14), box, 14).length);
    expect(splitParagraphs(items, style(size + 0.5), box, size + 0.5).length).toBeGreaterThan(chunks.length);
    for (const chunk of chunks) expect(chunk.height).toBeLessThanOrEqual(box.h + 1e-6);
  });
});

/** Per slide: the title, and the bullet levels (`<a:pPr lvl>`) of its list frames: each frame's first, and all. */
function listStarts(
  bytes: Uint8Array,
): Array<{ slide: number; title: string; firstLevels: number[]; levels: number[] }> {
  const pptx = readPptx(bytes);
  return Array.from({ length: pptx.slideCount() }, (_, i) => {
    const xml = pptx.slideXml(i + 1);
    const shapes = xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? [];
    const title = shapes.find((s) => s.includes('<p:ph type="title"')) ?? '';
    const bodies = shapes.filter((s) => s.includes('<a:buChar'));
    const levelOf = (p: string): number => Number(/<a:pPr[^>]*\blvl="(\d+)"/.exec(p)?.[1] ?? 0);
    const paragraphsOf = (s: string): string[] => s.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? [];
    return {
      slide: i + 1,
      title: [...title.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''),
      firstLevels: bodies.map((s) => levelOf(paragraphsOf(s)[0] ?? '')),
      levels: bodies.flatMap((s) => paragraphsOf(s).map(levelOf)),
    };
  });
}

describe('a long profile and long messages with sub-points', () => {
  it('starts no continuation slide with a sub-point', async () => {
    const root = copyProject();
    const file = path.join(root, 'data', 'strategy.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    // Every third point is longer, and 31 of them do not pack evenly: split by paragraphs alone,
    // several continuation slides would start with a sub-point.
    const statement = (label: string, i: number) => ({
      text: `${label} ${i + 1}: samarbeidet mellom to selvstendige nabokommuner skal${i % 3 === 0 ? ' tydelig og konsekvent, i alle kanaler, på alle møter og overfor alle målgrupper, både interne og eksterne, lokalt og nasjonalt,' : ''} profileres`,
      sub: [
        `Begrunnelse ${i + 1}a: Morkommunene skal ha høyere profil enn ISK`,
        `Begrunnelse ${i + 1}b: brukerne forholder seg til sin kommune${i % 3 === 0 ? ', ikke til et nytt nivå' : ''}`,
      ],
    });
    doc.set('profile', doc.createNode(Array.from({ length: 31 }, (_, i) => statement('Profilutsagn', i))));
    doc.set('otherMessages', doc.createNode(Array.from({ length: 16 }, (_, i) => statement('Budskap', i))));
    writeFileSync(file, doc.toString());

    const result = await buildDecks({ root, dryRun: true });
    const deck = result.decks.find((d) => d.deckId === 'strategi')!;
    const slides = listStarts(deck.bytes);
    const continued = slides.filter((s) => s.title.includes('(forts.'));
    expect(continued.some((s) => /profil/i.test(s.title))).toBe(true);
    expect(continued.some((s) => /budskap/i.test(s.title))).toBe(true);
    for (const s of continued) {
      expect(s.levels, `slide ${s.slide} has sub-points`).toContain(1);
      expect(s.firstLevels, `slide ${s.slide} "${s.title}"`).not.toContain(1);
    }
    for (const d of result.decks) {
      for (const s of listStarts(d.bytes)) expect(s.firstLevels, `${d.deckId} slide ${s.slide}`).not.toContain(1);
    }
  });
});
