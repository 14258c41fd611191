/** The action plan as a table: all rows, the audience's first and marked, or only theirs. */
import { defineKind } from './kind.js';
import { part } from './part.js';

export const plan = defineKind({
  name: 'plan',
  origin: 'strategy',
  label: { nb: 'Handlingsplan', nn: 'Handlingsplan', en: 'Action plan' },
  data: 'actionPlan',
  shows: ['actionPlan', 'targetGroups'],
  wording: ['title', 'audience', 'activity', 'purpose', 'responsible', 'when', 'marked', 'empty', 'noneForAudience'],
  options: {
    plan: {
      values: ['all', 'mark', 'only'],
      description: "Plan slide: show all rows, mark the audience's rows first, or only theirs.",
    },
  },
  parts: { table: part('Action plan'), empty: part('No activities') },
});
