/** What changed in the current version (its history entry). */
import { defineKind } from './kind.js';

export const changes = defineKind({
  name: 'changes',
  origin: 'strategy',
  label: { nb: 'Endringer', nn: 'Endringar', en: 'Changes' },
  data: 'history',
  shows: ['version', 'history'],
  wording: ['title', 'entry', 'none'],
  parts: {},
});
