/** The profile statements, as a list. */
import { defineKind } from './kind.js';

export const profile = defineKind({
  name: 'profile',
  origin: 'strategy',
  label: { nb: 'Profil', nn: 'Profil', en: 'Profile' },
  data: 'profile',
  shows: ['profile'],
  wording: ['title'],
  parts: {},
});
