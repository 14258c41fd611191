/** What changed: the current version's history entry, or (opt-in) what differs from the version the audience last received. */
import { defineKind } from './kind.js';

export const changes = defineKind({
  name: 'changes',
  origin: 'strategy',
  label: { nb: 'Endringer', nn: 'Endringar', en: 'Changes' },
  data: 'history',
  shows: ['version', 'history'],
  wording: ['title', 'entry', 'none'],
  optionWording: [
    'sinceSent',
    'neverSent',
    'sameAsSent',
    'slideAdded',
    'slideRemoved',
    'changed',
    'added',
    'removed',
    'moved',
  ],
  options: {
    changes: {
      values: ['history', 'since-sent'],
      description:
        "Changes slide: the current version's history entry (the default), or the texts that differ from the " +
        "version last sent to this deck's audience (read from the send records in the output folder).",
    },
  },
  parts: {},
});
