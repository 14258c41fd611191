/** "Hva? – Hvorfor?": the main message's two statements beside their labels. */
import { defineKind } from './kind.js';
import { heading, part } from './part.js';

export const whatWhy = defineKind({
  name: 'what-why',
  origin: 'strategy',
  label: { nb: 'Hva? – Hvorfor?', nn: 'Kva? – Kvifor?', en: 'What? – Why?' },
  data: 'mainMessage',
  shows: ['mainMessage'],
  wording: ['title', 'what', 'why'],
  parts: {
    /** Named by the label the slide shows ("HVA? heading": a heading in the PDF), so in the deck's language. */
    label: heading('{} heading'),
    statement: part('{} statement'),
  },
});
