/**
 * Explicit emphasis in the data: `**stressed words**` inside a text. Nothing is guessed
 * from capitals or position; a text without marks is drawn plain.
 */
import type { TextRun } from '../layout/types.js';

/** Runs of `text`, bold where it was written between `**` pairs. An unpaired `**` stays as written. */
export function markedRuns(text: string, base: Omit<TextRun, 'text'> = {}): TextRun[] {
  const parts = text.split('**');
  // An even number of parts means an odd number of marks: the last one has no partner.
  const paired = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), `${parts.at(-2)}**${parts.at(-1)}`];
  return paired
    .map((part, i): TextRun => (i % 2 === 1 ? { ...base, text: part, bold: true } : { ...base, text: part }))
    .filter((run) => run.text.length > 0);
}
