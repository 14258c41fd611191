/** What `trappa diff` prints and refuses, in bokmål, nynorsk and English. */
import { type Form, t } from './entry.js';

export const DIFF_TEXT = {
  'diff.slide': t('lysbilde {n}', 'lysbilete {n}', 'slide {n}'),
  'diff.slideNew': t('lysbilde {n} (nytt)', 'lysbilete {n} (nytt)', 'slide {n} (new)'),
  'diff.slideGone': t('lysbilde {n} (borte)', 'lysbilete {n} (borte)', 'slide {n} (gone)'),
  'diff.slideMoved': t('lysbilde {a} → {b}', 'lysbilete {a} → {b}', 'slide {a} → {b}'),
  'diff.moved': t('(flyttet)', '(flytta)', '(moved)'),
  'diff.same': t('tekstene er like', 'tekstane er like', 'the texts are the same'),
};

/** The sides' labels and refusals (diff/sides.ts) by their English form → bokmål and nynorsk. */
export const DIFF_FORMS: readonly Form[] = [
  [/^(\S+) \(working data\)$/, { nb: '$1 (dataene nå)', nn: '$1 (dataa no)' }],
  [/^([a-z0-9-]+) in (\S+)$/, { nb: '$1 i $2', nn: '$1 i $2' }],
  [
    /^no deck '(.+)' in (.+); known decks: (.*)$/,
    {
      nb: "ingen presentasjon '$1' i $2; presentasjonene er: $3",
      nn: "ingen presentasjon '$1' i $2; presentasjonane er: $3",
    },
  ],
  [
    /^(\S+) was never released or sent, so there is nothing to compare with; .*$/,
    {
      nb: '$1 er aldri frigitt eller sendt, så det finnes ingenting å sammenligne med; oppgi en .pptx i stedet (trappa list viser versjonene)',
      nn: '$1 er aldri frigjeven eller send, så det finst ingenting å samanlikne med; gje opp ein .pptx i staden (trappa list viser versjonane)',
    },
  ],
  [
    /^(.+) is a data folder: name the deck on the other side .*$/,
    {
      nb: '$1 er en datamappe: oppgi presentasjonen på den andre siden (id eller presentasjon@versjon)',
      nn: '$1 er ei datamappe: gje opp presentasjonen på den andre sida (id eller presentasjon@versjon)',
    },
  ],
  [
    /^'(.+)' is not a deck: .*$/,
    {
      nb: "'$1' er ikke en presentasjon: skriv presentasjon@versjon, id-en til en presentasjon eller en .pptx-fil",
      nn: "'$1' er ikkje ein presentasjon: skriv presentasjon@versjon, id-en til ein presentasjon eller ei .pptx-fil",
    },
  ],
  [
    /^(\S+) was never sent, so its audience has received nothing to compare with$/,
    {
      nb: '$1 er aldri sendt, så målgruppen har ikke fått noe å sammenligne med',
      nn: '$1 er aldri send, så målgruppa har ikkje fått noko å samanlikne med',
    },
  ],
];
