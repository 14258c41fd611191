/** The target groups in two columns, highest priority first; the audience's own marked. */
import { commonParts } from './common-parts.js';
import { defineKind } from './kind.js';
import { part } from './part.js';

export const targetGroups = defineKind({
  name: 'target-groups',
  origin: 'strategy',
  label: { nb: 'Målgrupper', nn: 'Målgrupper', en: 'Target groups' },
  data: 'targetGroups',
  shows: ['targetGroups'],
  wording: ['title', 'high', 'other', 'own', 'none'],
  parts: { groups: part(commonParts.columnList.template, () => ['targetGroups', 'groups']) },
});
