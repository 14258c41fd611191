/** A deck's own slide with a picture beside its points. */
import { defineKind } from './kind.js';
import { part } from './part.js';

export const photo = defineKind({
  name: 'photo',
  origin: 'deck',
  label: { nb: 'Bilde med punkter', nn: 'Bilete med punkt', en: 'Picture with points' },
  fields: ['intro', 'points', 'image'],
  parts: { points: part('Points'), picture: part('Picture') },
});
