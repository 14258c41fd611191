/** Kommunikasjonstrappa: the steps, their outcomes, the base and the top, and the explanation. */
import { commonParts } from './common-parts.js';
import { defineKind } from './kind.js';
import { part } from './part.js';

/** Step `n` (from 1) of the staircase; a name whose number is not one is not a step's. */
const step = (n: string) => (/^\d+$/.test(n) ? ['staircase', 'steps', Number(n) - 1] : undefined);

export const staircase = defineKind({
  name: 'staircase',
  origin: 'strategy',
  label: { nb: 'Kommunikasjonstrappa', nn: 'Kommunikasjonstrappa', en: 'Communication staircase' },
  data: 'staircase',
  shows: ['staircase'],
  wording: ['title', 'step', 'question'],
  parts: {
    /** Numbered from 1, as the slide shows them. */
    step: part('Step {}', step),
    stepOutcome: part('Step {} outcome', (n) => step(n)?.concat('outcome')),
    base: part('Base', () => ['staircase', 'base']),
    top: part('Top', () => ['staircase', 'top']),
    explanation: part('Explanation', () => ['staircase', 'explanation']),
    /** The explanation where it continues on a slide of its own. */
    explanationList: part(commonParts.list.template, () => ['staircase', 'explanation']),
  },
});
