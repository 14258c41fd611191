/** The main message in a panel, the other messages beside it. */
import { defineKind } from './kind.js';
import { heading, part } from './part.js';

export const messages = defineKind({
  name: 'messages',
  origin: 'strategy',
  label: { nb: 'Viktige budskap', nn: 'Viktige bodskap', en: 'Key messages' },
  data: 'otherMessages',
  shows: ['mainMessage', 'otherMessages'],
  wording: ['title', 'main', 'what', 'why', 'others'],
  parts: {
    others: part('Other messages', () => ['otherMessages']),
    othersHeading: heading('Other messages heading'),
    panel: part('Main message panel'),
    mainHeading: heading('Main message heading'),
    /** Its source is the main message's own field, set by the layout. */
    main: part('Main message'),
  },
});
