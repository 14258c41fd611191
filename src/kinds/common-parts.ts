/**
 * Parts every slide or several kinds place: the title and its rule, the footer, the shared
 * list and column layouts. The finishing stage (pptx/slide-structure.ts) and an organisation's
 * design (template/) recognise them by these same parts, never by a second spelling.
 */
import { decoration, heading, label, part } from './part.js';

export const commonParts = {
  title: part('Title'),
  /** Trappa's accent line under a title: decoration an organisation's template replaces. */
  titleRule: decoration('Title rule'),
  /** The white band behind the logos on the title slide: decoration, as the rule. */
  logoBand: decoration('Logo band'),
  /** On a template whose title slide is dark where the logos go: a light backing behind their row (kept). */
  logoBacking: part('Logo backing'),
  logo: part('Logo {}'),
  footer: part('Footer'),
  footerLogo: part('Footer logo'),
  slideNumber: part('Slide number'),
  /** The shared list layout (slides/bullets.ts layoutList). */
  list: part('List'),
  intro: part('Intro'),
  /** The shared column layout (slides/column-flow.ts): a heading and a list per column. */
  columnHeading: heading('Heading {}'),
  columnList: part('{} list'),
  legend: label('Legend'),
};
