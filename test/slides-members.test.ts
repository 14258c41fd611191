/**
 * Strategies with more (or fewer) members than the seed's two: the title slide's
 * logos, the model diagram and a photo slide with many points stay on the slide,
 * pass the build's own checks, and keep their structure.
 */
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { copyProject, editFile } from './helpers/project.js';
import { readPptx, type PptxParts } from './helpers/pptx-zip.js';

/** 13.333 × 7.5 in in EMU (914 400 per inch). */
const SLIDE = { w: 12_192_000, h: 6_858_000 };
const EXTRA = ['Frosta', 'Inderøy', 'Steinkjer', 'Snåsa', 'Meråker', 'Stjørdal'];
const LOGOS = ['isk', 'verdal', 'levanger'];

interface Placed {
  name: string;
  kind: 'sp' | 'pic';
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every shape and picture of a slide with its name and placement, in EMU. */
function placements(xml: string): Placed[] {
  return [...xml.matchAll(/<p:(sp|pic)>([\s\S]*?)<\/p:\1>/g)].map((m) => {
    const body = m[2] ?? '';
    const name = /<p:cNvPr [^>]*name="([^"]*)"/.exec(body)?.[1] ?? '';
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\s*\/>/.exec(body);
    const ext = /<a:ext cx="(-?\d+)" cy="(-?\d+)"\s*\/>/.exec(body);
    expect(off && ext, `${name} has a position and size`).toBeTruthy();
    return {
      name,
      kind: m[1] as Placed['kind'],
      x: Number(off![1]),
      y: Number(off![2]),
      w: Number(ext![1]),
      h: Number(ext![2]),
    };
  });
}

function expectInsideSlide(p: PptxParts, slide: number): Placed[] {
  const placed = placements(p.slideXml(slide));
  for (const e of placed) {
    const where = `slide ${slide}: ${e.name} at ${e.x},${e.y} ${e.w}×${e.h}`;
    expect(e.x, where).toBeGreaterThanOrEqual(0);
    expect(e.y, where).toBeGreaterThanOrEqual(0);
    expect(e.x + e.w, where).toBeLessThanOrEqual(SLIDE.w);
    expect(e.y + e.h, where).toBeLessThanOrEqual(SLIDE.h);
  }
  return placed;
}

const overlaps = (a: Placed, b: Placed): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** A project copy whose strategy has `count` members (1 … 8), each extra one with a logo and alt text. */
function projectWithMembers(count: number): { root: string; names: string[] } {
  const root = copyProject();
  const names = ['Verdal kommune', 'Levanger kommune'];
  if (count === 1) {
    editFile(root, 'data/strategy.yaml', / {4}- id: levanger\n(?: {6}.*\n)+/, '');
    names.pop();
  }
  const extra = EXTRA.slice(0, Math.max(0, count - 2)).map((place, i) => {
    names.push(`${place} kommune`);
    const logo = LOGOS[i % LOGOS.length]!;
    return `    - id: m${i}\n      name: ${place} kommune\n      shortName: ${place}\n      logo:\n        file: logos/${logo}.svg\n        alt: Logo for ${place} kommune\n`;
  });
  if (extra.length > 0) {
    const anchor = '        alt: Logo for Levanger kommune\n';
    editFile(root, 'data/strategy.yaml', anchor, anchor + extra.join(''));
  }
  return { root, names };
}

describe('strategies with other numbers of members', () => {
  it.each([1, 3, 5, 8])(
    '%i member(s): logos and model diagram stay on the slide and pass the checks',
    async (count) => {
      const { root, names } = projectWithMembers(count);
      // The build runs checkBuiltDeck and throws CheckFailedError on any error (contrast, overflow, …).
      const built = await buildDecks({ root, decks: ['strategi'] });
      const p = readPptx(built.decks[0]!.file);

      // Slide 1: the organisation's logo and one per member, all inside the slide, none overlapping.
      const logos = expectInsideSlide(p, 1).filter((e) => e.kind === 'pic' && e.name.startsWith('Logo '));
      expect(logos).toHaveLength(count + 1);
      logos.forEach((a, i) =>
        logos.slice(i + 1).forEach((b) => expect(overlaps(a, b), `${a.name} / ${b.name}`).toBe(false)),
      );

      // Slide 4: the model. Each member's arrow lies under its own box and drops into the joint body.
      expect(p.slideTexts(4)[0]).toBe('Bilde av samkommunen');
      const shapes = expectInsideSlide(p, 4);
      const named = (name: string): Placed => {
        const found = shapes.find((e) => e.name === name);
        expect(found, name).toBeDefined();
        return found!;
      };
      const joint = named('Joint body');
      for (const name of names) {
        const member = named(`Member ${name}`);
        const arrow = named(`Tasks from ${name}`);
        const cx = arrow.x + arrow.w / 2;
        expect(cx, name).toBeGreaterThanOrEqual(member.x);
        expect(cx, name).toBeLessThanOrEqual(member.x + member.w);
        expect(cx, name).toBeGreaterThan(joint.x);
        expect(cx, name).toBeLessThan(joint.x + joint.w);
        expect(arrow.y).toBeGreaterThanOrEqual(member.y + member.h);
        expect(arrow.y + arrow.h).toBeLessThanOrEqual(joint.y);
      }
      // The tasks label has no shape under (or over) it.
      const label = named('Tasks label');
      expect(p.slideTexts(4)).toContain('Oppgaver');
      for (const other of shapes.filter((e) => /^(Member |Tasks from |Joint body|Services|Outcome)/.test(e.name))) {
        expect(overlaps(label, other), `Tasks label / ${other.name}`).toBe(false);
      }
    },
  );

  it('two rows of logos once one row would make them small (8 members, 9 logos)', async () => {
    const { root } = projectWithMembers(8);
    const built = await buildDecks({ root, decks: ['strategi'] });
    const logos = placements(readPptx(built.decks[0]!.file).slideXml(1)).filter((e) => e.kind === 'pic');
    const rows = new Set(logos.map((e) => Math.round(e.y / 91_440)));
    expect(rows.size).toBeGreaterThanOrEqual(2);
  });
});

describe('photo slide with many points', () => {
  it('keeps the picture with the points that fit and continues the rest on "(forts.)" slides', async () => {
    const root = copyProject();
    const extra = Array.from(
      { length: 15 },
      (_, i) => `Punkt ${i + 4} om tjenestene, med litt tekst slik at det går over en linje`,
    );
    const anchor = '      - Det er samarbeidet, ikke en ny institusjon, som skal synes\n';
    editFile(root, 'data/decks/ansatte.yaml', anchor, anchor + extra.map((t) => `      - ${t}\n`).join(''));
    const built = await buildDecks({ root, decks: ['ansatte'] });
    const p = readPptx(built.decks[0]!.file);
    const title = 'Tjenestene er der de alltid har vært';
    const slides = Array.from({ length: p.slideCount() }, (_, i) => i + 1).filter((n) =>
      p.slideTexts(n)[0]?.startsWith(title),
    );
    expect(slides.length).toBeGreaterThanOrEqual(2);
    expect(p.slideTexts(slides[1]!)[0]).toBe(`${title} (forts.)`);

    const first = expectInsideSlide(p, slides[0]!);
    expect(first.some((e) => e.kind === 'pic' && e.name === 'Picture')).toBe(true);
    expect(first.some((e) => e.name === 'Points')).toBe(true);
    slides.slice(1).forEach((n) => expectInsideSlide(p, n));

    // Every point once, in order, across the photo slide and its continuations.
    const points = [
      'Brukerne møter fortsatt sin egen kommune',
      'Servicekontorene i Levanger og Verdal er inngangen for publikum',
      'Det er samarbeidet, ikke en ny institusjon, som skal synes',
      ...extra,
    ];
    const texts = slides.flatMap((n) => p.slideTexts(n).slice(1));
    expect(texts.filter((t) => points.includes(t))).toEqual(points);
  });
});
