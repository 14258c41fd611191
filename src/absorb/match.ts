/**
 * Which slide of an edited deck is which slide Trappa wrote, and which shape on it is which.
 * Slides are aligned in order by their text (an edit changes some words, not the order of
 * the deck); shapes by their source tag and name, and where a tool dropped the tags and
 * renamed placeholders (LibreOffice), by placeholder and text. Pure.
 */
import { distance } from 'fastest-levenshtein';
import type { ElementText, SlideTexts } from './read-texts.js';

export interface ElementPair {
  base?: ElementText;
  edited?: ElementText;
}

export interface SlidePair {
  /** Index into the base's slides; absent for a slide added in the deck. */
  base?: number;
  /** Index into the edited deck's slides; absent for a slide deleted there. */
  edited?: number;
  elements: ElementPair[];
}

/** All of an element's text, for comparing. */
function elementText(e: ElementText): string {
  return e.kind === 'text' ? e.paragraphs.join('\n') : e.rows.map((r) => r.join('\t')).join('\n');
}

const slideText = (s: SlideTexts): string => s.elements.map(elementText).join('\n');

/** The text of the slide's title placeholder ('' when it has none). */
export function titleText(s: SlideTexts): string {
  const title = s.elements.find((e) => e.kind === 'text' && /^(title|ctrTitle)\b/.test(e.placeholder ?? ''));
  return title?.kind === 'text' ? title.paragraphs.join(' ').trim() : '';
}

/** 1 for equal texts, 0 for nothing in common (edit distance over the longer length). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** The two slides may be the same one: enough text in common. */
const SAME_SLIDE = 0.45;

/** Aligns slides in order, maximising the summed similarity of the pairs (a longest common subsequence by weight). */
export function matchSlides(base: SlideTexts[], edited: SlideTexts[]): SlidePair[] {
  const a = base.map(slideText);
  const b = edited.map(slideText);
  const ta = base.map(titleText);
  const tb = edited.map(titleText);
  // The same title makes a slide whose body was rewritten the same slide still.
  const sim = a.map((x, i) =>
    b.map((y, j) => {
      const text = similarity(x, y);
      return ta[i] && ta[i] === tb[j] ? Math.max(text, SAME_SLIDE + (1 - SAME_SLIDE) * text) : text;
    }),
  );
  const score = Array.from({ length: a.length + 1 }, () => new Float64Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const s = sim[i]![j]!;
      const pair = s >= SAME_SLIDE ? s + score[i + 1]![j + 1]! : -1;
      score[i]![j] = Math.max(pair, score[i + 1]![j]!, score[i]![j + 1]!);
    }
  }
  const pairs: SlidePair[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (
      i < a.length &&
      j < b.length &&
      sim[i]![j]! >= SAME_SLIDE &&
      score[i]![j] === sim[i]![j]! + score[i + 1]![j + 1]!
    ) {
      pairs.push({ base: i, edited: j, elements: matchElements(base[i]!.elements, edited[j]!.elements) });
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && score[i + 1]![j]! >= score[i]![j + 1]!)) {
      pairs.push({ base: i, elements: base[i]!.elements.map((e) => ({ base: e })) });
      i++;
    } else {
      pairs.push({ edited: j, elements: edited[j]!.elements.map((e) => ({ edited: e })) });
      j++;
    }
  }
  return pairs;
}

/** How sure a pairing is: the tag and name, the name, the placeholder, then the text. */
function pairScore(a: ElementText, b: ElementText): number {
  if (a.kind !== b.kind) return 0;
  let score = 0;
  if (a.source && a.source === b.source) score += 1;
  if (a.name && a.name === b.name) score += 2;
  else if (a.placeholder && a.placeholder === b.placeholder) score += 2;
  return score + similarity(elementText(a), elementText(b));
}

/** Greedy by score: an identified pair first, then the closest texts; a text alone must be half the same. */
function matchElements(base: ElementText[], edited: ElementText[]): ElementPair[] {
  const candidates: [number, number, number][] = [];
  base.forEach((a, i) =>
    edited.forEach((b, j) => {
      const s = pairScore(a, b);
      if (s >= 0.5) candidates.push([s, i, j]);
    }),
  );
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const byBase = new Map<number, number>();
  const taken = new Set<number>();
  for (const [, i, j] of candidates) {
    if (byBase.has(i) || taken.has(j)) continue;
    byBase.set(i, j);
    taken.add(j);
  }
  const pairs: ElementPair[] = base.map((a, i) => {
    const j = byBase.get(i);
    return j === undefined ? { base: a } : { base: a, edited: edited[j] };
  });
  edited.forEach((b, j) => {
    if (!taken.has(j)) pairs.push({ edited: b });
  });
  return pairs;
}
