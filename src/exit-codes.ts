/**
 * The exit codes of the CLI: the one table of what each code means and what to do about it.
 * The error classes (errors.ts) take their codes from here, the CLI's help lists it, the
 * Studio tells the person at the page what to do from it, and README's table is checked
 * against it (test/exit-codes.test.ts), so none of them can drift from the others.
 */

/** The languages of the messages users read (the Studio's catalogue and the slides' languages). */
export type MessageLanguage = 'nb' | 'nn' | 'en';
type Text = Readonly<Record<MessageLanguage, string>>;

export interface ExitCode {
  code: number;
  /** The CLI's help line in English (in Norwegian the help shows `meaning`). */
  short: string;
  /** What happened, one line. */
  meaning: Text;
  /** What the user does next. */
  todo: Text;
}

export const exitCodes = {
  done: {
    code: 0,
    short: 'done',
    meaning: { nb: 'ferdig', nn: 'ferdig', en: 'done' },
    todo: { nb: '', nn: '', en: '' },
  },
  notPossible: {
    code: 1,
    short: 'not possible as asked',
    meaning: {
      nb: 'Det lot seg ikke gjøre slik det ble bedt om',
      nn: 'Det lét seg ikkje gjere slik det vart bede om',
      en: 'the command could not be done as asked (a usage error, an unknown release or deck, a version not greater than the current one)',
    },
    todo: { nb: 'Les meldingen under.', nn: 'Les meldinga under.', en: 'read the message; it says what was wrong' },
  },
  input: {
    code: 2,
    short: 'fix the input (file:line:col printed)',
    meaning: {
      nb: 'Dataene må rettes først',
      nn: 'Dataa må rettast først',
      en: 'the input is wrong: each problem printed as `file:line:col field: message`; nothing was written',
    },
    todo: {
      nb: 'Meldingen under viser fil, linje og felt.',
      nn: 'Meldinga under viser fil, linje og felt.',
      en: 'fix the files at the places printed and run the command again',
    },
  },
  frozen: {
    code: 3,
    short: 'a released version would change',
    meaning: {
      nb: 'Denne versjonen er frosset (frigitt eller sendt) og kan ikke erstattes med annet innhold',
      nn: 'Denne versjonen er frosen (frigjeven eller send) og kan ikkje bytast ut med anna innhald',
      en: 'a released (or sent) version would be replaced by different content',
    },
    todo: {
      nb: 'Lag en ny versjon med «Ny versjon» og bygg den, eller bygg uten endringer.',
      nn: 'Lag ein ny versjon med «Ny versjon» og bygg han, eller bygg utan endringar.',
      en: 'make a new version (`trappa bump`) and build that, or build without changes',
    },
  },
  checkFailed: {
    code: 4,
    short: 'a deck failed its checks',
    meaning: {
      nb: 'Presentasjonen besto ikke kontrollen, så ingenting ble lagret',
      nn: 'Presentasjonen stod ikkje kontrollen, så ingenting vart lagra',
      en: 'a deck (or with `--pdf`, a PDF) failed its checks; the previous file was kept',
    },
    todo: {
      nb: 'Rett det meldingen under peker på.',
      nn: 'Rett det meldinga under peikar på.',
      en: 'fix what the findings point at (`trappa check` lists them) and build again',
    },
  },
  toolMissing: {
    code: 5,
    short: 'LibreOffice or pdftoppm missing',
    meaning: {
      nb: 'LibreOffice eller pdftoppm mangler på denne maskinen',
      nn: 'LibreOffice eller pdftoppm manglar på denne maskina',
      en: 'an external tool (LibreOffice, pdftoppm) is missing',
    },
    todo: {
      nb: 'Installer LibreOffice for å lage PDF.',
      nn: 'Installer LibreOffice for å lage PDF.',
      en: 'install LibreOffice (and poppler for previews), or point `TRAPPA_SOFFICE` at it',
    },
  },
  notDelivered: {
    code: 6,
    short: 'e-mail not delivered to everyone',
    meaning: {
      nb: 'E-posten ble ikke levert til alle',
      nn: 'E-posten vart ikkje levert til alle',
      en: 'e-mail: at least one recipient failed, was refused or has an unknown outcome (UNCERTAIN); or Microsoft 365 / the server refused the login, TLS or connection',
    },
    todo: {
      nb: 'Sjekk e-postoppsettet og prøv igjen; ingen får den to ganger.',
      nn: 'Sjekk e-postoppsettet og prøv igjen; ingen får han to gonger.',
      en: 'one line says what to do; sending again reaches only those not reached (an UNCERTAIN one only with `--resend-uncertain`)',
    },
  },
  fileSystem: {
    code: 7,
    short: 'the disk or file system refused (full, read-only, no permission, name too long, a file open in PowerPoint)',
    meaning: {
      nb: 'Disken eller filsystemet sa nei (fullt, skrivebeskyttet, ingen tilgang, for langt navn, en fil som er åpen i PowerPoint)',
      nn: 'Disken eller filsystemet sa nei (fullt, skriveverna, inga tilgang, for langt namn, ei fil som er open i PowerPoint)',
      en: 'the disk or file system refused: full (ENOSPC), read-only (EROFS), no permission (EACCES, EPERM), a path through a file (ENOTDIR), a folder where a file belongs (EISDIR), something already there (EEXIST), a name too long (ENAMETOOLONG), a file open in PowerPoint (on Windows: still refused after 10 s of retries)',
    },
    todo: {
      nb: 'Meldingen under sier hvilken fil og hva du kan gjøre; filene fra før er som de var.',
      nn: 'Meldinga under seier kva fil og kva du kan gjere; filene frå før er som dei var.',
      en: 'one line names the path and what to do; files and the manifest from before are as they were',
    },
  },
  bug: {
    code: 70,
    short: 'a bug in Trappa',
    meaning: {
      nb: 'Trappa stoppet med en intern feil',
      nn: 'Trappa stoppa med ein intern feil',
      en: 'a bug in Trappa (the stack trace follows)',
    },
    todo: {
      nb: 'Meldingen under bør sendes til den som drifter Trappa.',
      nn: 'Meldinga under bør sendast til den som driftar Trappa.',
      en: 'report it with the lines printed',
    },
  },
} as const satisfies Record<string, ExitCode>;

const table: readonly ExitCode[] = Object.values(exitCodes);

/** The entry for `code`; an unknown code is a bug's (70). */
export function exitCodeEntry(code: number): ExitCode {
  return table.find((e) => e.code === code) ?? exitCodes.bug;
}

/** README's table ("### Exit codes"), as markdown: code, meaning, what to do. */
export function exitCodeMarkdown(language: MessageLanguage = 'en'): string {
  const rows = table.map((e) => `| ${e.code} | ${e.meaning[language]} | ${e.todo[language]} |`);
  return ['| code | meaning | what to do |', '|---|---|---|', ...rows].join('\n');
}

const heading: Text = { nb: 'Avslutningskoder:', nn: 'Avslutningskodar:', en: 'Exit codes:' };

/** The CLI's help: one short line of every code (in Norwegian, what it means). */
export function exitCodeHelp(language: MessageLanguage = 'en'): string {
  const line = (e: ExitCode): string => (language === 'en' ? e.short : e.meaning[language]);
  return `${heading[language]}\n${table.map((e) => `  ${String(e.code).padStart(2)}  ${line(e)}`).join('\n')}`;
}
