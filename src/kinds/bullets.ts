/** A deck's own list slide: a title, an optional intro and points. */
import { defineKind } from './kind.js';

export const bullets = defineKind({
  name: 'bullets',
  origin: 'deck',
  label: { nb: 'Punktliste', nn: 'Punktliste', en: 'Bullet list' },
  fields: ['intro', 'points'],
  parts: {},
});
