/**
 * Parts every slide or several kinds place: the title and its rule, the footer, the shared
 * list and column layouts. The finishing stage (pptx/slide-structure.ts) and an organisation's
 * design (template/) recognise them by these same parts, never by a second spelling.
 */
import { part } from './part.js';

export const commonParts = {
  title: part('Title'),
  /** Trappa's accent line under a title: decoration an organisation's template replaces. */
  titleRule: part('Title rule'),
  /** The white band behind the logos on the title slide: decoration, as the rule. */
  logoBand: part('Logo band'),
  logo: part('Logo {}'),
  footer: part('Footer'),
  footerLogo: part('Footer logo'),
  slideNumber: part('Slide number'),
  /** The shared list layout (slides/bullets.ts layoutList). */
  list: part('List'),
  intro: part('Intro'),
  /** The shared column layout (slides/column-flow.ts): a heading and a list per column. */
  columnHeading: part('Heading {}'),
  columnList: part('{} list'),
  legend: part('Legend'),
};

/** Trappa's own decoration, left out on a deck made with an organisation's template. */
export const decorationParts = [commonParts.titleRule, commonParts.logoBand];
