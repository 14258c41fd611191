/**
 * The deck checks' most common findings (src/check/rules/) by their English form → bokmål and
 * nynorsk, for `trappa check`, a refused build and the Studio's live check. Each form keeps
 * what stands before and after the finding (`$1` … the last group): the Studio shows a finding
 * as `rule: message («element»)`.
 */
import type { Form } from './entry.js';

/** A text frame past one of the slide's edges, one form per edge. */
const EDGES = (
  [
    ['left', 'venstre', 'venstre'],
    ['right', 'høyre', 'høgre'],
    ['top', 'øvre', 'øvre'],
    ['bottom', 'nedre', 'nedre'],
  ] as const
).map(
  ([edge, nb, nn]) =>
    [
      new RegExp(`^(.*?)the text frame reaches past the slide's ${edge} edge(.*)$`),
      {
        nb: `$1tekstfeltet går utenfor ${nb} kant av lysbildet$2`,
        nn: `$1tekstfeltet går utanfor ${nn} kant av lysbiletet$2`,
      },
    ] as const,
);

export const CHECK_FORMS: readonly Form[] = [
  [
    /^(.*?)the text needs (\S+ in) at (.+?) but the frame has (\S+ in); it runs (\S+ in) out of its frame(.*)$/,
    {
      nb: '$1teksten trenger $2 med $3, men feltet har $4; den går $5 utenfor feltet$6',
      nn: '$1teksten treng $2 med $3, men feltet har $4; han går $5 utanfor feltet$6',
    },
  ],
  [
    /^(.*?)the text needs (\S+ in) but the frame has (\S+ in); it runs (\S+ in) out of its frame(.*)$/,
    {
      nb: '$1teksten trenger $2, men feltet har $3; den går $4 utenfor feltet$5',
      nn: '$1teksten treng $2, men feltet har $3; han går $4 utanfor feltet$5',
    },
  ],
  ...EDGES,
  [
    /^(.*?)text is (\S+ pt) \((.*)\); the theme's minimum is (\S+ pt)(.*)$/,
    {
      nb: '$1teksten er $2 ($3); temaet krever minst $4$5',
      nn: '$1teksten er $2 ($3); temaet krev minst $4$5',
    },
  ],
  [
    /^(.*?)text is (\S+ pt) \((.*)\); the theme's table minimum is (\S+ pt)(.*)$/,
    {
      nb: '$1teksten er $2 ($3); temaet krever minst $4 i tabeller$5',
      nn: '$1teksten er $2 ($3); temaet krev minst $4 i tabellar$5',
    },
  ],
  [/^(.*?)the title placeholder is empty(.*)$/, { nb: '$1tittelfeltet er tomt$2', nn: '$1tittelfeltet er tomt$2' }],
  [
    /^(.*?)the slide has no title \(no title placeholder\)(.*)$/,
    { nb: '$1lysbildet har ingen tittel$2', nn: '$1lysbiletet har ingen tittel$2' },
  ],
  [
    /^(.*?)the slide has (\d+) titles; keep one(.*)$/,
    { nb: '$1lysbildet har $2 titler; behold én$3', nn: '$1lysbiletet har $2 titlar; behald éin$3' },
  ],
  [
    /^(.*?)the title («.*») is also slide (\d+)'s title(.*)$/,
    { nb: '$1tittelen $2 er også tittelen på lysbilde $3$4', nn: '$1tittelen $2 er òg tittelen på lysbilete $3$4' },
  ],
  [
    /^(.*?)the picture has no alt text and is not marked decorative(.*)$/,
    {
      nb: '$1bildet har ingen alternativ tekst og er ikke merket som pynt$2',
      nn: '$1biletet har ingen alternativ tekst og er ikkje merkt som pynt$2',
    },
  ],
  [
    /^(.*?)the picture's alt text is a file name \((".*")\); describe what it shows(.*)$/,
    {
      nb: '$1den alternative teksten til bildet er et filnavn ($2); beskriv hva bildet viser$3',
      nn: '$1den alternative teksten til biletet er eit filnamn ($2); skildre kva biletet viser$3',
    },
  ],
  [
    /^(.*?)the table has no header row \(.*\)(.*)$/,
    { nb: '$1tabellen har ingen overskriftsrad$2', nn: '$1tabellen har inga overskriftsrad$2' },
  ],
  [
    /^(.*?)the table's header row is empty(.*)$/,
    { nb: '$1overskriftsraden i tabellen er tom$2', nn: '$1overskriftsrada i tabellen er tom$2' },
  ],
];
