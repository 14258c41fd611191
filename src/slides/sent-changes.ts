/**
 * `changes: since-sent`: the differences from the version the audience last received, as a
 * list: each slide that differs as a point (its title), what changed on it as sub-points, so
 * a long list continues with each slide's changes kept together (layout/fit-text.ts groups).
 */
import type { Paragraph } from '../layout/types.js';
import type { SentChanges, SentSlideChange, SentTextChange } from '../plan/sent-changes.js';
import type { SlideInput } from './types.js';

const CELL = ' | ';

const point = (text: string, level: number): Paragraph => ({
  runs: [{ text, ...(level === 0 ? { bold: true } : {}) }],
  bullet: true,
  level,
  spaceBefore: level === 0 ? 8 : 2,
});

/**
 * A table row (cells joined by " | ") that changed in some cells: only those cells, after the
 * row's first cell when that stayed the same, so "Samkommunestyret: «Rådmann» (før: «Ordfører»)"
 * rather than two whole rows.
 */
function narrowed(change: SentTextChange): { label?: string; before: string; after: string } {
  const before = change.before!.split(CELL);
  const after = change.after!.split(CELL);
  if (before.length < 2 || before.length !== after.length) return { before: change.before!, after: change.after! };
  const differing = before.map((_, i) => i).filter((i) => before[i] !== after[i]);
  const label = differing.includes(0) ? undefined : before[0];
  return {
    ...(label ? { label } : {}),
    before: differing.map((i) => before[i]).join(CELL),
    after: differing.map((i) => after[i]).join(CELL),
  };
}

function changeText(input: SlideInput, change: SentTextChange): string {
  if (change.kind === 'added') return input.text('changes.added', { text: change.after });
  if (change.kind === 'removed') return input.text('changes.removed', { text: change.before });
  if (change.kind === 'moved') return input.text('changes.moved', { text: change.after });
  const { label, before, after } = narrowed(change);
  const text = input.text('changes.changed', { before, after });
  return label ? `${label}: ${text}` : text;
}

function slidePoints(input: SlideInput, slide: SentSlideChange): Paragraph[] {
  if (slide.status === 'removed') return [point(input.text('changes.slideRemoved', { title: slide.title }), 0)];
  const heading = slide.status === 'added' ? input.text('changes.slideAdded', { title: slide.title }) : slide.title;
  // A new slide's texts are all new: its title says so; listing them would repeat the slide.
  const changes = slide.status === 'added' ? [] : slide.changes;
  return [point(heading, 0), ...changes.map((c) => point(changeText(input, c), 1))];
}

/** The list the changes slide shows for `changes: since-sent` (bullets.ts lays it out). */
export function sentChangesList(
  input: SlideInput,
  sent: SentChanges,
): { title: string; intro?: string; items: Paragraph[] } {
  const title = input.title('changes.title');
  if (!sent.sent) return { title, items: [{ runs: [{ text: input.text('changes.neverSent') }] }] };
  const when = { version: sent.version, sentAt: sent.sentAt };
  if (sent.slides.length === 0) return { title, items: [{ runs: [{ text: input.text('changes.sameAsSent', when) }] }] };
  return {
    title,
    intro: input.text('changes.sinceSent', when),
    items: sent.slides.flatMap((slide) => slidePoints(input, slide)),
  };
}
