import { describe, expect, it } from 'vitest';
import { CellMeasure, leastRowHeight, measureTableRows } from '../src/layout/fit-table.js';
import { leastHeight, leastHeightOf } from '../src/layout/least-height.js';
import { EMPTY_COLUMN, growColumn } from '../src/layout/column-height.js';
import { fitText, sizesFrom } from '../src/layout/fit-text.js';
import { layoutPrepared, prepareText } from '../src/layout/measure-text.js';
import { textHeight } from '../src/layout/text-box.js';
import type { Insets, Paragraph, TextStyle } from '../src/layout/types.js';

/** A fixed-seed generator: the same cases on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const NO_INSETS: Insets = { left: 0, right: 0, top: 0, bottom: 0 };

const WORDS = [
  'Kommunikasjonsstrategi',
  'kom\u00admu\u00adne\u00adstyre',
  'og',
  'Nord-Trøndelag',
  'og/eller',
  'innbyggerne',
  'i',
  'år',
  '2026–2027',
  'WWWWWWWWWWWWWWWWWWWWWWWW',
  'https://www.example.org/a/very/long/path',
  'ansvar',
  'lll',
  'M',
];

function textOf(next: () => number): string {
  const count = 1 + Math.floor(next() * 30);
  let out = '';
  for (let i = 0; i < count; i++) {
    out += WORDS[Math.floor(next() * WORDS.length)]!;
    const gap = next();
    out += gap < 0.05 ? '\n' : gap < 0.1 ? '  ' : ' ';
  }
  return out.trimEnd();
}

function caseOf(next: () => number): { paragraphs: Paragraph[]; style: TextStyle; width: number } {
  const insets: Insets = { left: next() * 0.2, right: next() * 0.2, top: next() * 0.1, bottom: next() * 0.1 };
  const paragraphs: Paragraph[] = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
    runs: Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
      text: textOf(next),
      ...(next() < 0.3 ? { bold: true } : {}),
      ...(next() < 0.1 ? { size: 6 + Math.floor(next() * 30) } : {}),
    })),
    ...(next() < 0.3 ? { bullet: true, level: Math.floor(next() * 2) } : {}),
    ...(next() < 0.3 ? { spaceBefore: next() * 12 } : {}),
  }));
  const style: TextStyle = {
    fontFace: next() < 0.8 ? 'Calibri' : 'Cambria',
    fontSize: 8 + Math.floor(next() * 40) / 2,
    color: '000000',
    insets,
    ...(next() < 0.3 ? { lineSpacing: 0.9 + next() * 0.6 } : {}),
  };
  // Some frames narrower than a letter, where even single characters do not fit.
  const inner = next() < 0.2 ? 0.02 + next() * 0.3 : 0.25 + next() * 5;
  return { paragraphs, style, width: insets.left + insets.right + inner };
}

describe('least height', () => {
  it('never exceeds the wrapped height', () => {
    const next = random(27);
    for (let i = 0; i < 3000; i++) {
      const { paragraphs, style, width } = caseOf(next);
      const prepared = prepareText(paragraphs, style);
      const wrapped = layoutPrepared(prepared, style.fontSize, width).height;
      const least = leastHeight(prepared, style.fontSize, width);
      expect(least, JSON.stringify({ paragraphs, style, width })).toBeLessThanOrEqual(wrapped);
    }
  });

  it('is close to the wrapped height for ordinary words in a wide enough frame', () => {
    const next = random(72);
    const ordinary = WORDS.filter((w) => w.length < 24);
    let close = 0;
    for (let i = 0; i < 500; i++) {
      const words = Array.from(
        { length: 10 + Math.floor(next() * 40) },
        () => ordinary[Math.floor(next() * ordinary.length)],
      );
      const style: TextStyle = {
        fontFace: 'Calibri',
        fontSize: 9 + Math.floor(next() * 20) / 2,
        color: '000000',
        insets: NO_INSETS,
      };
      const prepared = prepareText([{ runs: [{ text: words.join(' ') }] }], style);
      const width = 2 + next() * 3;
      const wrapped = layoutPrepared(prepared, style.fontSize, width).height;
      const least = leastHeight(prepared, style.fontSize, width);
      expect(least).toBeLessThanOrEqual(wrapped);
      if (least >= 0.6 * wrapped) close++;
    }
    // A bound that is mostly far under would rule nothing out.
    expect(close).toBeGreaterThan(450);
  });

  it('rules out a size when a long cell could not fit (several lines at least)', () => {
    const style: TextStyle = {
      fontFace: 'Calibri',
      fontSize: 12,
      color: '000000',
      insets: { left: 0.05, right: 0.05, top: 0.05, bottom: 0.05 },
    };
    const long = 'Alle innbyggerne i kommunen skal vite hva vi gjør, når vi gjør det og hvorfor vi gjør det. '.repeat(
      4,
    );
    const measure = new CellMeasure();
    const least = leastHeightOf(measure.words(long, style), style.fontSize, 1.5);
    const [wrapped = 0] = measureTableRows([1.5], [[long]], style, style.insets, measure);
    expect(least).toBeLessThanOrEqual(wrapped);
    // 1.2 em lines at 12 pt are 0.2 in: at least ten of them, where one line is the floor.
    expect(least).toBeGreaterThan(0.1 + 10 * 0.2);
  });

  it('bounds each table row from below, bold cells as bold', () => {
    const next = random(2027);
    const measure = new CellMeasure();
    const insets: Insets = { left: 0.08, right: 0.08, top: 0.04, bottom: 0.04 };
    for (let i = 0; i < 400; i++) {
      const style: TextStyle = {
        fontFace: 'Calibri',
        fontSize: 9 + Math.floor(next() * 24) / 2,
        color: '000000',
        insets,
      };
      const widths = Array.from({ length: 2 + Math.floor(next() * 5) }, () => 0.4 + next() * 3);
      const bold = next() < 0.5;
      const row = widths.map(() => ({ text: textOf(next), bold }));
      const [wrapped = 0] = measureTableRows(widths, [row], style, insets, measure);
      // Words summed at another size serve every size, as size-table.ts uses them.
      const words = row.map((cell) => measure.words(cell, { ...style, fontSize: 10 }, insets));
      const empty = measure.height('', style, widths[0]!, insets);
      expect(leastRowHeight(widths, words, style.fontSize, empty)).toBeLessThanOrEqual(wrapped);
    }
  });
});

describe('fitting text', () => {
  it('takes the size wrapping every size would take (sizes ruled out by their least height never fit)', () => {
    const next = random(31);
    let ruledOut = 0;
    for (let i = 0; i < 600; i++) {
      const { paragraphs, style, width } = caseOf(next);
      const box = { x: 0, y: 0, w: width, h: 0.2 + next() * 3 };
      const [maxSize, minSize] = [8 + Math.floor(next() * 40) / 2, 8];
      const prepared = prepareText(paragraphs, style);
      const wrapped = sizesFrom(maxSize, minSize, 0.5).find(
        (size) => layoutPrepared(prepared, size, width).height <= box.h + 1e-6,
      );
      const sizes = sizesFrom(maxSize, minSize, 0.5);
      ruledOut += sizes.filter((size) => leastHeight(prepared, size, width) > box.h + 1e-6).length;
      const fitted = fitText({ paragraphs, style, box, maxSize, minSize });
      expect(fitted.fits).toBe(wrapped !== undefined);
      expect(fitted.fontSize).toBe(wrapped ?? minSize);
    }
    expect(ruledOut).toBeGreaterThan(1000);
  });
});

describe('column height', () => {
  it("is the whole column's height as its paragraphs are added one by one, hyphenated or not", () => {
    const next = random(20);
    let hyphenated = 0;
    for (let i = 0; i < 150; i++) {
      const { style, width } = caseOf(next);
      const paragraphs = Array.from({ length: 2 + Math.floor(next() * 6) }, () => caseOf(next).paragraphs).flat();
      const language = next() < 0.8 ? 'nb' : undefined;
      let column = EMPTY_COLUMN;
      paragraphs.forEach((_, k) => {
        const shown = paragraphs.slice(0, k + 1);
        column = growColumn(column, shown, style, width, language);
        if (column.hyphenated) hyphenated++;
        expect(column.height, JSON.stringify({ shown, style, width, language })).toBe(
          textHeight(shown, style, width, language),
        );
      });
    }
    // Most columns break a word somewhere (a long word, a narrow frame), and are hyphenated from there on.
    expect(hyphenated).toBeGreaterThan(200);
  });
});
