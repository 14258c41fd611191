/**
 * The CLI's help in the reader's language: every command's and option's description, the
 * placeholders in its usage (`<fil>`), commander's own headings and its usage errors. Part of
 * the one catalogue (catalogue.ts), so `trappa --lang nn build --help` is nynorsk throughout.
 */
import { t } from './entry.js';

export const HELP = {
  'help.program': t(
    'Lager presentasjonene til en kommunikasjonsstrategi: data/*.yaml + templates/ → output/*.pptx',
    'Lagar presentasjonane til ein kommunikasjonsstrategi: data/*.yaml + templates/ → output/*.pptx',
    'Builds the decks of a communication strategy: data/*.yaml + templates/ → output/*.pptx',
  ),
  'help.version': t('vis versjonen av Trappa', 'vis versjonen av Trappa', 'print the version of Trappa'),
  'help.root': t('prosjektmappen', 'prosjektmappa', 'project folder'),
  'help.data': t(
    'mappen med strategy.yaml, theme.yaml og decks/ (standard: <rot>/data)',
    'mappa med strategy.yaml, theme.yaml og decks/ (standard: <rot>/data)',
    'folder with strategy.yaml, theme.yaml and decks/ (default: <root>/data)',
  ),
  'help.templates': t(
    'mappen med tekstmalene (standard: <rot>/templates)',
    'mappa med tekstmalane (standard: <rot>/templates)',
    'folder with the wording templates (default: <root>/templates)',
  ),
  'help.out': t(
    'mappen for de ferdige filene (standard: <rot>/output)',
    'mappa for dei ferdige filene (standard: <rot>/output)',
    'folder for the built files (default: <root>/output)',
  ),
  'help.lang': t(
    'språket i meldingene (standard: fra språkinnstillingen på maskinen, ellers engelsk)',
    'språket i meldingane (standard: frå språkinnstillinga på maskina, elles engelsk)',
    'language of the messages (default: from the locale, else English)',
  ),
  'help.verbose': t(
    'tid og valg for hvert steg, én linje hver i feilkanalen (som DEBUG=trappa:*)',
    'tid og val for kvart steg, éi linje kvar i feilkanalen (som DEBUG=trappa:*)',
    "each stage's time and decisions, one line each on stderr (as DEBUG=trappa:*)",
  ),
  'help.help': t('vis hjelp for kommandoen', 'vis hjelp for kommandoen', 'display help for command'),
  'help.helpCommand': t('vis hjelp for en kommando', 'vis hjelp for ein kommando', 'display help for a command'),
  'help.examples': t('Eksempler:', 'Døme:', 'Examples:'),
  'help.ex.build': t(
    'bygg alle presentasjonene i data/decks',
    'bygg alle presentasjonane i data/decks',
    'build every deck in data/decks',
  ),
  'help.ex.pdf': t(
    'én presentasjon, med en universelt utformet PDF ved siden av',
    'éin presentasjon, med ein universelt utforma PDF ved sida av',
    'one deck, with an accessible PDF beside it',
  ),
  'help.ex.watch': t('bygg på nytt ved hver endring', 'bygg på nytt ved kvar endring', 'rebuild on every change'),
  'help.ex.check': t(
    'kontroller de bygde presentasjonene',
    'kontroller dei bygde presentasjonane',
    'check the built decks',
  ),
  'help.ex.send': t(
    'vis hvem som ville fått hva, uten å sende',
    'vis kven som ville fått kva, utan å sende',
    'who would get what, sending nothing',
  ),

  // Commander's headings, usage words and errors (commands/cli-language.ts).
  'usage.usage': t('Bruk:', 'Bruk:', 'Usage:'),
  'usage.options': t('Valg:', 'Val:', 'Options:'),
  'usage.globalOptions': t('Felles valg:', 'Felles val:', 'Global Options:'),
  'usage.commands': t('Kommandoer:', 'Kommandoar:', 'Commands:'),
  'usage.arguments': t('Argumenter:', 'Argument:', 'Arguments:'),
  'usage.optionsWord': t('[valg]', '[val]', '[options]'),
  'usage.commandWord': t('[kommando]', '[kommando]', '[command]'),
  'usage.default': t('standard: {value}', 'standard: {value}', 'default: {value}'),
  'usage.error': t('feil: {message}', 'feil: {message}', 'error: {message}'),
  'usage.unknownOption': t("ukjent valg '{flag}'", "ukjent val '{flag}'", "unknown option '{flag}'"),
  'usage.unknownCommand': t("ukjent kommando '{name}'", "ukjend kommando '{name}'", "unknown command '{name}'"),
  'usage.didYouMean': t('(Mente du {what}?)', '(Meinte du {what}?)', '(Did you mean {what}?)'),
  'usage.missingArgument': t(
    "mangler '{name}' etter kommandoen",
    "manglar '{name}' etter kommandoen",
    "missing required argument '{name}'",
  ),
  'usage.optionMissingArgument': t(
    "valget '{flags}' mangler en verdi",
    "valet '{flags}' manglar ein verdi",
    "option '{flags}' argument missing",
  ),
  'usage.excessArguments': t(
    'for mange argumenter: {expected} ventet, {got} gitt',
    'for mange argument: {expected} venta, {got} gjevne',
    'too many arguments: expected {expected}, got {got}',
  ),
  'usage.invalidArgument': t(
    "'{value}' passer ikke til {what}: {reason}",
    "'{value}' passar ikkje til {what}: {reason}",
    "'{value}' is not valid for {what}: {reason}",
  ),
  'usage.conflict': t(
    '{a} kan ikke brukes sammen med {b}',
    '{a} kan ikkje brukast saman med {b}',
    '{a} cannot be used with {b}',
  ),
  'usage.mandatory': t(
    "valget '{flags}' må være med",
    "valet '{flags}' må vere med",
    "required option '{flags}' not specified",
  ),
  'usage.dpi': t('skriv et tall fra 10 til 600', 'skriv eit tal frå 10 til 600', 'expected a number from 10 to 600'),
  'usage.port': t(
    'skriv et portnummer fra 0 til 65535',
    'skriv eit portnummer frå 0 til 65535',
    'expected a port number from 0 to 65535',
  ),
  'usage.exitCodes': t('Avslutningskoder:', 'Avslutningskodar:', 'Exit codes:'),

  // Placeholders in usage lines: `trappa absorb [valg] <fil>`.
  'arg.dir': t('mappe', 'mappe', 'dir'),
  'arg.file': t('fil', 'fil', 'file'),
  'arg.files': t('filer', 'filer', 'files'),
  'arg.version': t('versjon', 'versjon', 'version'),
  'arg.text': t('tekst', 'tekst', 'text'),
  'arg.date': t('ÅÅÅÅ-MM-DD', 'ÅÅÅÅ-MM-DD', 'YYYY-MM-DD'),
  'arg.deck': t('presentasjon', 'presentasjon', 'deck'),
  'arg.deckAtVersion': t('presentasjon@versjon', 'presentasjon@versjon', 'deck@version'),
  'arg.choice': t('valg', 'val', 'choice'),
};
