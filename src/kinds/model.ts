/** The model of the joint body: members, tasks, services, the joint body and its outcome. */
import { defineKind } from './kind.js';
import { label, part } from './part.js';

export const model = defineKind({
  name: 'model',
  origin: 'strategy',
  label: { nb: 'Bilde av samkommunen', nn: 'Bilete av samkommunen', en: 'Model of the joint body' },
  data: 'model',
  shows: ['model', 'organisation'],
  wording: ['title', 'body'],
  parts: {
    summary: part('Summary', () => ['model', 'summary']),
    outcome: part('Outcome', () => ['model', 'outcome']),
    emphasis: part('Emphasis', () => ['model', 'emphasis']),
    tasksLabel: label('Tasks label', () => ['model', 'tasks']),
    jointBody: part('Joint body', () => ['organisation', 'name']),
    member: part('Member {}', (name, strategy) => {
      const at = strategy.organisation.members.findIndex((m) => m.name === name);
      return at >= 0 ? ['organisation', 'members', at, 'name'] : undefined;
    }),
    /** The arrow from the members of one column ("Tasks from Levanger / Verdal"). */
    tasksArrow: part('Tasks from {}'),
    service: part('Service {}'),
  },
});
