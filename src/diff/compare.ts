/**
 * Two versions of a deck's texts → per slide, the texts changed, added and removed. Slides
 * and shapes are paired as absorb pairs them (absorb/match.ts); within a shape, paragraphs
 * (a table: its rows, cells joined by " | ") are paired by a common subsequence. Pure.
 */
import { messagesIn } from '../messages/catalogue.js';
import { translateText } from '../messages/issue-text.js';
import { alignParagraphs } from '../absorb/map-texts.js';
import { type ElementPair, matchSlides, titleText } from '../absorb/match.js';
import type { ElementText, SlideTexts } from '../absorb/read-texts.js';

export interface TextChange {
  /** `moved`: the same text gone from one place on the slide and come in another (another list, another order). */
  kind: 'changed' | 'added' | 'removed' | 'moved';
  before?: string;
  after?: string;
}

export interface SlideDiff {
  /** 1-based slide numbers in A and B; one is absent for a slide only the other has. */
  a?: number;
  b?: number;
  title: string;
  status: 'same' | 'changed' | 'added' | 'removed';
  changes: TextChange[];
}

/** A shape's lines: its paragraphs, or a table's rows. Footers (the same on every slide) and empty lines are not content. */
function lines(e: ElementText | undefined): string[] {
  if (!e || /^(ftr|dt|sldNum)\b/.test(e.placeholder ?? '')) return [];
  const all = e.kind === 'text' ? e.paragraphs : e.rows.map((r) => r.join(' | '));
  return all.map((l) => l.trim()).filter(Boolean);
}

function elementChanges(pair: ElementPair): TextChange[] {
  const a = lines(pair.base);
  const b = lines(pair.edited);
  return alignParagraphs(a, b).flatMap(([i, j]): TextChange[] => {
    const before = i === undefined ? undefined : a[i];
    const after = j === undefined ? undefined : b[j];
    if (before === after) return [];
    if (before !== undefined && after !== undefined) return [{ kind: 'changed', before, after }];
    return before !== undefined ? [{ kind: 'removed', before }] : [{ kind: 'added', after }];
  });
}

/** A text removed in one place and added in another on the same slide is one move, listed where it now is. */
function withMoves(changes: TextChange[]): TextChange[] {
  const removed = new Map<string, number>();
  for (const c of changes) if (c.kind === 'removed') removed.set(c.before!, (removed.get(c.before!) ?? 0) + 1);
  const moved = new Map<string, number>();
  for (const c of changes) {
    if (c.kind !== 'added' || (removed.get(c.after!) ?? 0) === 0) continue;
    removed.set(c.after!, removed.get(c.after!)! - 1);
    moved.set(c.after!, (moved.get(c.after!) ?? 0) + 1);
  }
  const left = new Map(moved);
  const take = (text: string, from: Map<string, number>): boolean => {
    const n = from.get(text) ?? 0;
    if (n > 0) from.set(text, n - 1);
    return n > 0;
  };
  return changes.flatMap((c): TextChange[] => {
    if (c.kind === 'removed' && take(c.before!, left)) return [];
    if (c.kind === 'added' && take(c.after!, moved)) return [{ kind: 'moved', before: c.after, after: c.after }];
    return [c];
  });
}

/**
 * Slides of one planned slide: a continuation's title is its first slide's title and a suffix
 * ("Viktige budskap (forts.)", in any language), so one title starts with the other.
 */
const sameSeries = (x: string, y: string): boolean => x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x));

/**
 * A text removed from one slide and added on another slide of the same planned slide is one
 * move, listed where it now is: a list that now continues a slide earlier or later moved its
 * items, the reader did not lose and regain them.
 */
function withMovesAcrossSlides(diffs: SlideDiff[]): SlideDiff[] {
  const out = diffs.map((d) => ({ ...d, changes: [...d.changes] }));
  for (const to of out) {
    to.changes = to.changes.map((c): TextChange => {
      if (c.kind !== 'added') return c;
      for (const from of out) {
        if (from === to || !sameSeries(from.title, to.title)) continue;
        const gone = from.changes.findIndex((x) => x.kind === 'removed' && x.before === c.after);
        if (gone < 0) continue;
        from.changes.splice(gone, 1);
        return { kind: 'moved', before: c.after, after: c.after };
      }
      return c;
    });
  }
  return out.map((d) => (d.status === 'changed' && d.changes.length === 0 ? { ...d, status: 'same' } : d));
}

export function compareDecks(a: SlideTexts[], b: SlideTexts[]): SlideDiff[] {
  return withMovesAcrossSlides(slideDiffs(a, b));
}

function slideDiffs(a: SlideTexts[], b: SlideTexts[]): SlideDiff[] {
  return matchSlides(a, b).map((pair): SlideDiff => {
    const left = pair.base === undefined ? undefined : a[pair.base];
    const right = pair.edited === undefined ? undefined : b[pair.edited];
    const title = titleText(right ?? left!);
    const changes = withMoves(pair.elements.flatMap(elementChanges));
    const status = !left ? 'added' : !right ? 'removed' : changes.length > 0 ? 'changed' : 'same';
    return { ...(left ? { a: left.number } : {}), ...(right ? { b: right.number } : {}), title, status, changes };
  });
}

/** The diff as text: one block per slide that differs. */
export function formatDiff(diff: SlideDiff[], labels: [string, string], messages = messagesIn('en')): string {
  const { say, lang } = messages;
  const out = [`--- ${translateText(labels[0], lang)}`, `+++ ${translateText(labels[1], lang)}`];
  const differing = diff.filter((d) => d.status !== 'same');
  for (const d of differing) {
    const where =
      d.status === 'added'
        ? say('diff.slideNew', { n: d.b ?? '' })
        : d.status === 'removed'
          ? say('diff.slideGone', { n: d.a ?? '' })
          : d.a === d.b
            ? say('diff.slide', { n: d.a ?? '' })
            : say('diff.slideMoved', { a: d.a ?? '', b: d.b ?? '' });
    out.push('', `${where}: ${d.title}`);
    for (const c of d.changes) {
      if (c.kind === 'changed') out.push(`  ~ ${c.before}`, `    → ${c.after}`);
      else if (c.kind === 'added') out.push(`  + ${c.after}`);
      else if (c.kind === 'moved') out.push(`  ↕ ${c.after} ${say('diff.moved')}`);
      else out.push(`  - ${c.before}`);
    }
  }
  if (differing.length === 0) out.push('', say('diff.same'));
  return out.join('\n');
}
