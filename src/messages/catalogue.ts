/**
 * One catalogue of the messages a person reads, in bokmål, nynorsk and English: Trappa
 * Studio's words, for the page and the CLI alike; the exit codes' words come from the one
 * table in exit-codes.ts.
 * A message is looked up by key and filled in with named values (`{file}`); a language
 * lacking a message falls back to bokmål, then English, so nothing is ever shown blank.
 */
import { exitCodeEntry } from '../exit-codes.js';
import { ABSORB_TEXT } from './absorb-text.js';
import { CLI_TEXT, WATCH_TEXT } from './cli-text.js';
import { COMMAND_HELP } from './command-help.js';
import { type Entry, fill, type Lang, type Values } from './entry.js';
import { DIFF_TEXT } from './diff-text.js';
import { HELP } from './help-text.js';
import { SEND_TEXT } from './send-text.js';
import { TEMPLATE_TEXT } from './template-text.js';
import { PAGE_TEXT } from './page-text.js';
import { STAGE_TEXT, WORDS } from './stage-catalogue.js';
import { STUDIO_BOUNDS_TEXT } from './studio-bounds-text.js';
import { LIST_TEXT } from './value-text.js';

export type { Lang };

/** The Studio's own messages (the page and its server's answers). */
const STUDIO = {
  notDataFile: {
    nb: 'ikke en datafil i dette prosjektet: {file}',
    nn: 'ikkje ei datafil i dette prosjektet: {file}',
    en: 'not a data file of this project: {file}',
  },
  linkOutside: {
    nb: 'filen er en lenke som peker ut av prosjektet; Studio viser den, men lagrer aldri over den',
    nn: 'fila er ei lenkje som peikar ut av prosjektet; Studio viser ho, men lagrar aldri over ho',
    en: 'the file is a link that leads out of the project; the Studio shows it but never replaces it',
  },
  busy: {
    nb: 'Et annet arbeid pågår. Vent til det er ferdig.',
    nn: 'Eit anna arbeid går føre seg. Vent til det er ferdig.',
    en: 'Another job is running. Wait until it is done.',
  },
  unknownDeck: { nb: 'ukjent presentasjon: {deck}', nn: 'ukjend presentasjon: {deck}', en: 'unknown deck: {deck}' },
  unknownAction: { nb: 'ukjent handling: {action}', nn: 'ukjend handling: {action}', en: 'unknown action: {action}' },
  versionFormat: {
    nb: 'skriv versjonen som tall med punktum, f.eks. 0.3 eller 1.0',
    nn: 'skriv versjonen som tal med punktum, t.d. 0.3 eller 1.0',
    en: 'write the version as numbers with dots, e.g. 0.3 or 1.0',
  },
  noteEmpty: {
    nb: 'skriv hva som er endret i den nye versjonen',
    nn: 'skriv kva som er endra i den nye versjonen',
    en: 'write what changed in the new version',
  },
  noteControl: {
    nb: 'notatet har et usynlig kontrolltegn ({code}); skriv det inn på nytt uten å lime inn fra et annet program',
    nn: 'notatet har eit usynleg kontrollteikn ({code}); skriv det inn på nytt utan å lime inn frå eit anna program',
    en: 'the note holds an invisible control character ({code}); type it again instead of pasting it',
  },
  noteTooLong: {
    nb: 'notatet er {length} tegn; skriv det kortere enn {limit} tegn',
    nn: 'notatet er {length} teikn; skriv det kortare enn {limit} teikn',
    en: 'the note is {length} characters; keep it under {limit}',
  },
  unknownVersion: {
    nb: 'Siden din bygger på en utgave av filen som Studio ikke husker lenger. Last inn siden på nytt.',
    nn: 'Sida di byggjer på ei utgåve av fila som Studio ikkje hugsar lenger. Last inn sida på nytt.',
    en: 'Your page is based on a version of the file the Studio no longer remembers. Reload the page.',
  },
  mailNotSet: {
    nb: 'E-posttjeneren er ikke satt opp ennå, så ingenting ble sendt. Dataene er i orden. Be den som drifter Trappa sette TRAPPA_SMTP_HOST og TRAPPA_SMTP_FROM (se README: e-post).',
    nn: 'E-posttenaren er ikkje sett opp enno, så ingenting vart sendt. Dataa er i orden. Be den som driftar Trappa setje TRAPPA_SMTP_HOST og TRAPPA_SMTP_FROM (sjå README: e-post).',
    en: 'No mail server is set up yet, so nothing was sent. The data is fine. Ask whoever looks after Trappa to set TRAPPA_SMTP_HOST and TRAPPA_SMTP_FROM (README: e-mail).',
  },
  internal: {
    nb: 'Intern feil i Trappa Studio; se terminalen.',
    nn: 'Intern feil i Trappa Studio; sjå terminalen.',
    en: 'Internal error in Trappa Studio; see the terminal.',
  },
  requestTooLarge: {
    nb: 'forespørselen er for stor',
    nn: 'førespurnaden er for stor',
    en: 'the request is too large',
  },
  internalCli: {
    nb: 'intern feil i Trappa (meld den fra med linjene under)',
    nn: 'intern feil i Trappa (meld han frå med linjene under)',
    en: 'internal error (please report it with the lines below)',
  },
  badRequest: { nb: 'forespørselen er ikke JSON', nn: 'førespurnaden er ikkje JSON', en: 'the request is not JSON' },
  absorbNoFile: { nb: 'ingen fil', nn: 'inga fil', en: 'no file' },
  theFile: { nb: 'filen', nn: 'fila', en: 'the file' },
} satisfies Record<string, Entry>;

/** The one catalogue: the Studio's messages, the CLI's help and usage errors, the commands' own lines. */
const M = {
  ...STUDIO,
  ...STUDIO_BOUNDS_TEXT,
  ...LIST_TEXT,
  ...HELP,
  ...COMMAND_HELP,
  ...CLI_TEXT,
  ...WATCH_TEXT,
  ...ABSORB_TEXT,
  ...SEND_TEXT,
  ...DIFF_TEXT,
  ...TEMPLATE_TEXT,
  ...STAGE_TEXT,
  ...WORDS,
  ...PAGE_TEXT,
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof M;

/**
 * A stage's message as a value: its key and what fills its holes (a hole may hold another
 * `Said`, a word such as a language's name, said in the same language). The stage keeps the
 * English text beside it (tests and scripts read it); the reader's `Messages` says it.
 */
export interface Said {
  readonly key: MessageKey;
  readonly values: SaidValues;
}
export type SaidValues = Readonly<Record<string, string | number | Said>>;

export const said = (key: MessageKey, values: SaidValues = {}): Said => ({ key, values });

/** A `Said` in English: the text a stage keeps as its message. */
export const english = (message: Said): string => tell(message, 'en');

/** The keys whose English form `translateText` recognises in a stage's text (read-back.ts). */
export const stageEntries = (): ReadonlyArray<readonly [MessageKey, Entry]> =>
  Object.entries(STAGE_TEXT) as Array<[MessageKey, Entry]>;
/** The words a stage's message may hold (a language's name, an edge), by their English text. */
export const wordEntries = (): ReadonlyArray<readonly [MessageKey, Entry]> =>
  Object.entries(WORDS) as Array<[MessageKey, Entry]>;

/** Every key with its three texts, for tests that hold the languages to the same keys and holes. */
export const catalogueEntries = (): ReadonlyArray<readonly [MessageKey, Entry]> =>
  Object.entries(M) as Array<[MessageKey, Entry]>;

/**
 * The messages of one reader: one command run (the CLI's --lang or locale) or one Studio (its
 * page's language). Each holds its own language, so a Studio and a command in one process, or two
 * Studios, never change each other's words; there is no language of the process.
 */
export interface Messages {
  readonly lang: Lang;
  /** The message `key`, with `{name}` filled in from `values`. */
  say(key: MessageKey, values?: Values): string;
  /** A stage's message (a key and its values) in this reader's language. */
  tell(message: Said): string;
  /** What an exit code means and what to do. */
  exitExplanation(code: number): string;
}

export function messagesIn(lang: Lang): Messages {
  return {
    lang,
    say: (key, values = {}) => say(key, values, lang),
    tell: (message) => tell(message, lang),
    exitExplanation: (code) => exitExplanation(code, lang),
  };
}

/**
 * --lang if given, else the locale as POSIX reads it: the first set of LC_ALL, LC_MESSAGES and
 * LANG (nn_NO → nn, nb_NO or no_NO → nb, en_GB, C or POSIX → en), else `fallback`.
 */
export function languageFrom(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallback: Lang = 'nb',
): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  for (const value of [flag, locale]) {
    const code = value?.toLowerCase().split(/[_.@-]/)[0];
    if (code === 'nn') return 'nn';
    if (code === 'nb' || code === 'no') return 'nb';
    if (code === 'en' || code === 'c' || code === 'posix') return 'en';
  }
  return fallback;
}

/** The message `key` in `lang`, with `{name}` filled in from `values` (entry.ts `fill`). */
function say(key: MessageKey, values: Values, lang: Lang): string {
  const entry: Entry = M[key];
  return fill(entry[lang] || entry.nb || entry.en, values);
}

/** `message` in `lang`, a value that is itself a `Said` said in `lang` too. */
function tell(message: Said, lang: Lang): string {
  const values = Object.fromEntries(
    Object.entries(message.values).map(([name, v]) => [name, typeof v === 'object' ? tell(v, lang) : v]),
  );
  return say(message.key, values, lang);
}

/** What an exit code of the CLI means and what to do, in words: the one table in exit-codes.ts. */
function exitExplanation(code: number, lang: Lang): string {
  const entry = exitCodeEntry(code);
  return `${entry.meaning[lang]}. ${entry.todo[lang]}`.replace(/\.\. /, '. ').trim();
}
