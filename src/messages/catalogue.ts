/**
 * One catalogue of the messages a person reads, in bokmål, nynorsk and English: Trappa
 * Studio's words and the explanation of each exit code, for the page and the CLI alike.
 * A message is looked up by key and filled in with named values (`{file}`); a language
 * lacking a message falls back to bokmål, then English, so nothing is ever shown blank.
 */
export type Lang = 'nb' | 'nn' | 'en';

type Entry = Record<Lang, string>;

const M = {
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
  badRequest: { nb: 'forespørselen er ikke JSON', nn: 'førespurnaden er ikkje JSON', en: 'the request is not JSON' },
  'exit.0': { nb: 'Ferdig.', nn: 'Ferdig.', en: 'Done.' },
  'exit.1': {
    nb: 'Det lot seg ikke gjøre slik det ble bedt om. Les meldingen under.',
    nn: 'Det let seg ikkje gjere slik det vart bede om. Les meldinga under.',
    en: 'It could not be done as asked. Read the message below.',
  },
  'exit.2': {
    nb: 'Dataene må rettes først: meldingen under viser fil, linje og felt.',
    nn: 'Dataa må rettast først: meldinga under viser fil, linje og felt.',
    en: 'The data must be fixed first: the message below names file, line and field.',
  },
  'exit.3': {
    nb:
      'Denne versjonen er frosset (frigitt eller sendt) og kan ikke erstattes med annet innhold. ' +
      'Lag en ny versjon med «Ny versjon» og bygg den, eller bygg uten endringer.',
    nn:
      'Denne versjonen er frosen (frigitt eller send) og kan ikkje bytast ut med anna innhald. ' +
      'Lag ein ny versjon med «Ny versjon» og bygg han, eller bygg utan endringar.',
    en:
      'This version is frozen (released or sent) and cannot be replaced by other content. ' +
      'Make a new version with «New version» and build it, or build without changes.',
  },
  'exit.4': {
    nb: 'Presentasjonen besto ikke kontrollen, så ingenting ble lagret. Rett det meldingen under peker på.',
    nn: 'Presentasjonen stod ikkje kontrollen, så ingenting vart lagra. Rett det meldinga under peikar på.',
    en: 'The deck failed its check, so nothing was saved. Fix what the message below points at.',
  },
  'exit.5': {
    nb: 'LibreOffice eller pdftoppm mangler på denne maskinen. Installer LibreOffice for å lage PDF.',
    nn: 'LibreOffice eller pdftoppm manglar på denne maskina. Installer LibreOffice for å lage PDF.',
    en: 'LibreOffice or pdftoppm is missing on this machine. Install LibreOffice to make PDFs.',
  },
  'exit.6': {
    nb:
      'E-posten kom ikke fram til alle, eller e-posttjeneren ville ikke ta imot den. Sjekk e-postoppsettet ' +
      '(tjener, bruker, passord) og prøv igjen; ingen får den to ganger.',
    nn:
      'E-posten kom ikkje fram til alle, eller e-posttenaren ville ikkje ta imot han. Sjekk e-postoppsettet ' +
      '(tenar, brukar, passord) og prøv igjen; ingen får han to gonger.',
    en:
      'The e-mail did not reach everyone, or the mail server refused it. Check the mail settings ' +
      '(server, user, password) and try again; nobody receives it twice.',
  },
  'exit.7': {
    nb:
      'Disken eller filsystemet sa nei: full disk, skrivebeskyttet mappe, manglende tilgang, eller en fil som er ' +
      'åpen i et annet program (PowerPoint?). Meldingen under sier hvilken fil; lukk den eller frigjør plass, ' +
      'og prøv igjen. Filene fra før er urørt.',
    nn:
      'Disken eller filsystemet sa nei: full disk, skriveverna mappe, manglande tilgang, eller ei fil som er ' +
      'open i eit anna program (PowerPoint?). Meldinga under seier kva fil; lukk ho eller frigjer plass, ' +
      'og prøv igjen. Filene frå før er urørte.',
    en:
      'The disk or file system refused: full, read-only, no permission, or a file open in another program ' +
      '(PowerPoint?). The message below names the file; close it or free some space and try again. ' +
      'The files from before are untouched.',
  },
  'exit.70': {
    nb: 'Trappa stoppet med en intern feil. Meldingen under bør sendes til den som drifter Trappa.',
    nn: 'Trappa stoppa med ein intern feil. Meldinga under bør sendast til den som driftar Trappa.',
    en: 'Trappa stopped with an internal error. Send the message below to whoever looks after Trappa.',
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof M;

let current: Lang = 'nb';

/** The language of this process's messages (the CLI's --lang or locale; the studio's page). */
export function setLanguage(lang: Lang): void {
  current = lang;
}

export function language(): Lang {
  return current;
}

/** --lang if given, else the locale (LC_ALL, LC_MESSAGES, LANG: nn_NO → nn, en_GB → en), else `fallback`. */
export function languageFrom(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallback: Lang = 'nb',
): Lang {
  for (const value of [flag, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const code = value?.toLowerCase().slice(0, 2);
    if (code === 'nn' || code === 'en') return code;
    if (code === 'nb' || code === 'no') return 'nb';
  }
  return fallback;
}

/** The message `key` in `lang`, with `{name}` filled in from `values`. */
export function say(key: MessageKey, values: Record<string, string | number> = {}, lang: Lang = current): string {
  const entry: Entry = M[key];
  const text = entry[lang] || entry.nb || entry.en;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** What an exit code of the CLI means and what to do, in words (README: exit codes). */
export function exitExplanation(code: number, lang: Lang = current): string {
  const key = `exit.${code}` as MessageKey;
  return key in M ? say(key, {}, lang) : say('exit.70', {}, lang);
}
