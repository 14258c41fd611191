/** The title slide: the deck's name, the meeting, date and version, and the owners' logos. */
import { defineKind } from './kind.js';
import { part } from './part.js';

export const title = defineKind({
  name: 'title',
  origin: 'strategy',
  label: { nb: 'Tittel', nn: 'Tittel', en: 'Title' },
  data: 'name',
  shows: ['name', 'version', 'date', 'organisation'],
  wording: ['title', 'meeting', 'date', 'version', 'presenter'],
  parts: { subtitle: part('Subtitle') },
});
