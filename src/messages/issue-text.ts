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

const CODES = ['nb', 'nn', 'en'] as const;
/** A language by its code in a Norwegian sentence, and as data/localize.ts names it in English. */
const NORWEGIAN = { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' } as const;
const ENGLISH = { nb: 'bokmål', nn: 'nynorsk', en: 'English' } as const;

/** The missing-translation messages (data/localize.ts missingMessage), one form per language. */
function translationForms(): Form[] {
  return CODES.flatMap((code): Form[] => {
    const name = NORWEGIAN[code];
    const missing = `^has no \\S+ text \\(${code}\\), which a deck in ${code} needs; add ${code}: … beside the other languages`;
    const nb = `mangler tekst på ${name} (${code}), som en presentasjon på ${name} trenger; legg til ${code}: … ved siden av de andre språkene`;
    const nn = `manglar tekst på ${name} (${code}), som ein presentasjon på ${name} treng; legg til ${code}: … ved sida av dei andre språka`;
    return [
      [new RegExp(`${missing}$`), { nb, nn }],
      [
        new RegExp(`${missing}, or set fallbackLanguage: .*$`),
        {
          nb: `${nb}, eller sett fallbackLanguage: i strategy.yaml for å bruke et annet språk med vilje`,
          nn: `${nn}, eller set fallbackLanguage: i strategy.yaml for å bruke eit anna språk med vilje`,
        },
      ],
      ...CODES.filter((used) => used !== code).map(
        (used): Form => [
          new RegExp(`^has no \\S+ text \\(${code}\\); the ${ENGLISH[used]} text is used, as fallbackLanguage says.*$`),
          {
            nb: `mangler tekst på ${name} (${code}); teksten på ${NORWEGIAN[used]} brukes, slik fallbackLanguage sier; legg til ${code}: … ved siden av de andre språkene`,
            nn: `manglar tekst på ${name} (${code}); teksten på ${NORWEGIAN[used]} blir brukt, slik fallbackLanguage seier; legg til ${code}: … ved sida av dei andre språka`,
          },
        ],
      ),
    ];
  });
}

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
    /^expected text, found (.+?); put the value in quotes to keep it as text$/,
    { nb: 'skal være tekst, men er $1', nn: 'skal vere tekst, men er $1' },
  ],
  [
    /^expected one of: (.+); found (.+?)( \(did you mean '(.+)'\?\))?$/,
    { nb: 'skal være ett av: $1; står $2$3', nn: 'skal vere eitt av: $1; står $2$3' },
  ],
  [/^must be at most (\d+) characters long$/, { nb: 'kan ha høyst $1 tegn', nn: 'kan ha høgst $1 teikn' }],
  [/^must be at least (\d+) characters long$/, { nb: 'må ha minst $1 tegn', nn: 'må ha minst $1 teikn' }],
  [/^needs at least (\d+) items?$/, { nb: 'trenger minst $1', nn: 'treng minst $1' }],
  [/^can have at most (\d+) items?$/, { nb: 'kan ha høyst $1', nn: 'kan ha høgst $1' }],
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
  [
    /^(.*?)has contrast ([\d.]+):1; WCAG AA needs ([\d.]+):1( for large text)? — (.+)$/,
    {
      nb: '$1har kontrast $2:1, men må ha minst $3:1 for å kunne leses av alle (WCAG AA) — $5',
      nn: '$1har kontrast $2:1, men må ha minst $3:1 for å kunne lesast av alle (WCAG AA) — $5',
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
  // A translation a deck's language needs (data/localize.ts missingMessage).
  ...translationForms(),
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
