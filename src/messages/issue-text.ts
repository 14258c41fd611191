/**
 * Trappa's located messages in the reader's language. The stages word their issues in
 * English (the CLI's text, which tests and scripts read); the studio shows them in bokmål or
 * nynorsk through this table of the common forms. A message no entry matches is shown as
 * it is, never dropped. The English original stays beside it (`original`) for a bug report.
 */
import type { Issue } from '../errors.js';
import type { Form, Lang } from './entry.js';
import { ABSORB_FORMS } from './absorb-forms.js';
import { CHECK_FORMS } from './check-forms.js';
import { DIFF_FORMS } from './diff-text.js';
import { messagesIn } from './catalogue.js';
import { OS_FORMS } from './os-forms.js';
import { readBack } from './read-back.js';
import { SEND_FORMS } from './send-text.js';
import { STAGE_FORMS } from './stage-text.js';

/** English form (anchored, with groups) → its translation, `$1`… the groups. */
const FORMS: readonly Form[] = [
  [
    /^expected a version like "(.+)" or "(.+)", found (.+)$/,
    { nb: 'skriv versjonen som «$1» eller «$2», ikke $3', nn: 'skriv versjonen som «$1» eller «$2», ikkje $3' },
  ],
  [/^must not be empty$/, { nb: 'må fylles ut', nn: 'må fyllast ut' }],
  [/^missing field '(.+)'$/, { nb: "feltet '$1' mangler", nn: "feltet '$1' manglar" }],
  [/^missing value$/, { nb: 'verdien mangler', nn: 'verdien manglar' }],
  [
    /^'(.*)' is not a real date; expected a date like (\S+)$/,
    {
      nb: "'$1' er ikke en gyldig dato; skriv datoen som $2 (år-måned-dag)",
      nn: "'$1' er ikkje ein gyldig dato; skriv datoen som $2 (år-månad-dag)",
    },
  ],
  [
    /^expected a date like (\S+), found (.+)$/,
    { nb: 'skriv datoen som $1 (år-måned-dag), ikke $2', nn: 'skriv datoen som $1 (år-månad-dag), ikkje $2' },
  ],
  [
    /^expected an e-mail address, found (.+)$/,
    { nb: 'skal være en e-postadresse, men står $1', nn: 'skal vere ei e-postadresse, men står $1' },
  ],
  [/^(.+) is not in the expected form$/, { nb: '$1 har ikke riktig form', nn: '$1 har ikkje rett form' }],
  [/^unknown field (.+)$/, { nb: 'ukjent felt $1', nn: 'ukjend felt $1' }],
  [
    /^contains (U\+[0-9A-F]+) \((.+?)\), which a slide cannot hold.*$/,
    {
      nb: 'har et tegn som et lysbilde ikke kan vise ($1, ofte med tekst limt inn fra Word eller PDF); slett det',
      nn: 'har eit teikn som eit lysbilete ikkje kan vise ($1, ofte med tekst lima inn frå Word eller PDF); slett det',
    },
  ],
  // A manifest.json that is no file Trappa wrote (versions/manifest.ts).
  [
    /^is not an ordinary file \(a folder, pipe, device or socket\); move it away and run the command again$/,
    {
      nb: 'er ikke en vanlig fil (en mappe, pipe, enhet eller socket); flytt den bort og kjør kommandoen på nytt',
      nn: 'er ikkje ei vanleg fil (ei mappe, pipe, eining eller socket); flytt ho bort og køyr kommandoen på nytt',
    },
  ],
  [
    /^is over 64 MB, more than any manifest Trappa writes; move it away and run the command again$/,
    {
      nb: 'er over 64 MB, mer enn noe manifest Trappa skriver; flytt den bort og kjør kommandoen på nytt',
      nn: 'er over 64 MB, meir enn noko manifest Trappa skriv; flytt ho bort og køyr kommandoen på nytt',
    },
  ],
  [
    /^changed while it was read; run the command again$/,
    {
      nb: 'ble endret mens den ble lest; kjør kommandoen på nytt',
      nn: 'vart endra medan ho vart lesen; køyr kommandoen på nytt',
    },
  ],
  [
    /^is not an ordinary file.*$/,
    {
      nb: 'er ikke en vanlig fil (en pipe, enhet eller socket); Trappa leser bare vanlige filer',
      nn: 'er ikkje ei vanleg fil (ei pipe, eining eller socket); Trappa les berre vanlege filer',
    },
  ],
  [
    /^is ([\d.]+ [KM]B), over the limit of ([\d.]+ [KM]B) for one input file.*$/,
    {
      nb: 'er $1, over grensen på $2 for én fil; gjør den mindre',
      nn: 'er $1, over grensa på $2 for éi fil; gjer ho mindre',
    },
  ],
  [/^file not found(.*)$/, { nb: 'filen finnes ikke$1', nn: 'fila finst ikkje$1' }],
];

/** One message in `lang` (English as it is); a form the catalogue and the tables do not know stays English. */
export function translateText(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const known = readBack(message, (inner) => translateText(inner, lang));
  if (known) return messagesIn(lang).tell(known.message) + known.after;
  for (const [form, words] of [
    ...FORMS,
    ...CHECK_FORMS,
    ...ABSORB_FORMS,
    ...DIFF_FORMS,
    ...STAGE_FORMS,
    ...OS_FORMS,
    ...SEND_FORMS,
  ])
    if (form.test(message)) return message.replace(form, words[lang]);
  // A message after the name of its file (`templates/x.potx: …`), when the whole line is no form of its own.
  const after = /^(\S+: )(.+)$/s.exec(message);
  if (after) {
    const rest = translateText(after[2]!, lang);
    if (rest !== after[2]) return after[1] + rest;
  }
  return message;
}

/** A message of several lines (`trappa: ` before each after the first), each line in `lang`. */
export function translateLines(message: string, lang: Lang): string {
  return message
    .split('\n')
    .map((line) => {
      const prefix = /^trappa: /.exec(line)?.[0] ?? '';
      return prefix + translateText(line.slice(prefix.length), lang);
    })
    .join('\n');
}

/** Issues with their messages in `lang`, each keeping its English text as `original`. */
export function translateIssues<T extends Issue>(issues: readonly T[], lang: Lang): T[] {
  return issues.map((issue) => {
    const message = translateText(issue.message, lang);
    return message === issue.message ? issue : { ...issue, message, original: issue.message };
  });
}
