/**
 * What absorb could not take in from an edited deck, and its refusals, by their English form
 * (src/absorb/) → bokmål and nynorsk. Read by `trappa absorb` and the Studio's
 * «Ta inn fra PowerPoint» alike, through translateText (issue-text.ts).
 */
import type { Form } from './entry.js';

/** English form (anchored, with groups) → its translation, `$1`… the groups. */
export const ABSORB_FORMS: readonly Form[] = [
  [
    /^(«.*») → («.*»): the text has no data field$/,
    {
      nb: '$1 → $2: teksten hører ikke til noe felt i dataene',
      nn: '$1 → $2: teksten høyrer ikkje til noko felt i dataa',
    },
  ],
  [
    /^(«.*») → («.*»): a label or computed text, not a field of the data$/,
    {
      nb: '$1 → $2: en ledetekst eller utregnet tekst, ikke et felt i dataene',
      nn: '$1 → $2: ein leiartekst eller utrekna tekst, ikkje eit felt i dataa',
    },
  ],
  [
    /^(«.*») removed: the text is not an item of a list$/,
    { nb: '$1 fjernet: teksten er ikke et punkt i en liste', nn: '$1 fjerna: teksten er ikkje eit punkt i ei liste' },
  ],
  [
    /^(«.*») added: there is no list to add it to$/,
    { nb: '$1 lagt til: det finnes ingen liste å legge den i', nn: '$1 lagd til: det finst inga liste å leggje han i' },
  ],
  [
    /^rows or columns of a table were added or removed; change the rows in the data$/,
    {
      nb: 'rader eller kolonner i en tabell er lagt til eller fjernet; endre radene i dataene',
      nn: 'rader eller kolonnar i ein tabell er lagde til eller fjerna; endre radene i dataa',
    },
  ],
  [
    /^table cell («.*») → («.*»): a computed or combined value$/,
    {
      nb: 'tabellcelle $1 → $2: en utregnet eller sammensatt verdi',
      nn: 'tabellcelle $1 → $2: ein utrekna eller samansett verdi',
    },
  ],
  [
    /^(«.*») was deleted from the slide; put it in the data by hand$/,
    {
      nb: '$1 er slettet fra lysbildet; ta det bort i dataene for hånd',
      nn: '$1 er sletta frå lysbiletet; ta det bort i dataa for hand',
    },
  ],
  [
    /^(«.*») was added outside Trappa's shapes; put it in the data by hand$/,
    {
      nb: '$1 er lagt til utenfor Trappas felt på lysbildet; før det inn i dataene for hånd',
      nn: '$1 er lagt til utanfor felta til Trappa på lysbiletet; før det inn i dataa for hand',
    },
  ],
  [
    /^a slide continued from the one before was deleted; the data decides how many slides a list takes$/,
    {
      nb: 'et lysbilde som fortsatte det forrige, er slettet; det er dataene som avgjør hvor mange lysbilder en liste tar',
      nn: 'eit lysbilete som heldt fram det førre, er sletta; det er dataa som avgjer kor mange lysbilete ei liste tek',
    },
  ],
  [
    /^an added slide needs a title and bullet points \(no table\) to become a slide of the deck$/,
    {
      nb: 'et nytt lysbilde må ha tittel og punkter (ingen tabell) for å bli et lysbilde i presentasjonen',
      nn: 'eit nytt lysbilete må ha tittel og punkt (ingen tabell) for å bli eit lysbilete i presentasjonen',
    },
  ],
  [
    /^is not a PowerPoint file \((.+)\); trappa absorb takes .*$/,
    {
      nb: 'er ikke en PowerPoint-fil ($1); bare en presentasjon laget av Trappa kan tas inn',
      nn: 'er ikkje ei PowerPoint-fil ($1); berre ein presentasjon laga av Trappa kan takast inn',
    },
  ],
  [
    /^is not a Trappa deck: .*$/,
    {
      nb: 'er ikke en presentasjon laget av Trappa; bare en slik presentasjon kan tas inn',
      nn: 'er ikkje ein presentasjon laga av Trappa; berre ein slik presentasjon kan takast inn',
    },
  ],
  [
    /^the file is deck '(.+)', which is not in this project \(decks: (.*)\)$/,
    {
      nb: "filen er presentasjonen '$1', som ikke finnes i dette prosjektet (presentasjonene er: $2)",
      nn: "fila er presentasjonen '$1', som ikkje finst i dette prosjektet (presentasjonane er: $2)",
    },
  ],
  [
    /^--take (.+): write deck, data, or FIELD=deck\|data \(FIELD as absorb prints it\)$/,
    {
      nb: '--take $1: skriv deck, data eller FELT=deck|data (FELT slik absorb skriver det)',
      nn: '--take $1: skriv deck, data eller FELT=deck|data (FELT slik absorb skriv det)',
    },
  ],
];
