/**
 * Located messages of the rarer forms (src/data/, src/deck/): references to ids, duplicates,
 * alt text, encodings, YAML written by hand; read back from their English (read-back.ts)
 * into bokmål and nynorsk. An id's kind is a word (`target group`) said in the reader's language.
 */
import { t } from './entry.js';

export const LOCATED_TEXT = {
  'loc.unknownClose': t(
    "ukjent {kindWord} '{id}'; mente du '{close}'?",
    "ukjend {kindWord} '{id}'; meinte du '{close}'?",
    "unknown {kindWord} '{id}'; did you mean '{close}'?",
  ),
  'loc.unknownKnown': t(
    "ukjent {kindWord} '{id}'; kjente: {known}",
    "ukjend {kindWord} '{id}'; kjende: {known}",
    "unknown {kindWord} '{id}'; known: {known}",
  ),
  'loc.unknown': t("ukjent {kindWord} '{id}'", "ukjend {kindWord} '{id}'", "unknown {kindWord} '{id}'"),
  'loc.usedTwice': t(
    "ID-en '{id}' ({kindWord}) er brukt to ganger; ID-er må være unike",
    "ID-en '{id}' ({kindWord}) er brukt to gonger; ID-ar må vere unike",
    "{kindWord} id '{id}' is used twice; ids must be unique",
  ),
  'loc.deckIdAlso': t(
    "presentasjons-ID-en '{id}' er også brukt i {other}",
    "presentasjons-ID-en '{id}' er òg brukt i {other}",
    "deck id '{id}' is also used in {other}",
  ),
  'loc.listedTwice': t(
    '{email} står allerede på {first}',
    '{email} står alt på {first}',
    '{email} is already listed at {first}',
  ),
  'loc.bulletsNeedPoints': t(
    'et punktlysbilde trenger punkter (eller i det minste en innledning); legg til points: [...]',
    'eit punktlysbilete treng punkt (eller i det minste ei innleiing); legg til points: [...]',
    'a bullets slide needs points (or at least an intro); add points: [...]',
  ),
  'loc.altRequired': t(
    'alternativ tekst må fylles ut; beskriv hva bildet viser, eller sett decorative: true',
    'alternativ tekst må fyllast ut; skildre kva biletet viser, eller set decorative: true',
    'alt text is required; describe what the image shows, or set decorative: true',
  ),
  'loc.altFileName': t(
    'den alternative teksten «{alt}» er et filnavn; beskriv hva bildet viser i stedet',
    'den alternative teksten «{alt}» er eit filnamn; skildre kva biletet viser i staden',
    'alt text "{alt}" is a file name; describe what the image shows instead',
  ),
  'loc.notUtf8': t(
    'filen er ikke lagret som UTF-8 (et tegn er ikke UTF-8, trolig Windows-1252); lagre den som UTF-8',
    'fila er ikkje lagra som UTF-8 (eit teikn er ikkje UTF-8, truleg Windows-1252); lagre ho som UTF-8',
    'file is not saved as UTF-8 (found a byte that is not UTF-8, probably Windows-1252); save it as UTF-8',
  ),
  'loc.utf16': t(
    'filen er lagret som UTF-16; lagre den som UTF-8',
    'fila er lagra som UTF-16; lagre ho som UTF-8',
    'file is saved as UTF-16; save it as UTF-8',
  ),
  'loc.unknownKind': t(
    "ukjent lysbildetype '{kind}'; kjente typer: {known}",
    "ukjend lysbilettype '{kind}'; kjende typar: {known}",
    "unknown slide kind '{kind}'; known kinds: {known}",
  ),
  'loc.noHistory': t(
    'versjon «{version}» står ikke i historikken; legg den til (trappa bump gjør det for deg)',
    'versjon «{version}» står ikkje i historikken; legg han til (trappa bump gjer det for deg)',
    'version "{version}" has no entry in history; add one (trappa bump does it for you)',
  ),
  'loc.noDecks': t(
    'har ingen presentasjoner; legg til én, f.eks. {example}',
    'har ingen presentasjonar; legg til éin, t.d. {example}',
    'has no deck definitions; add one, e.g. {example}',
  ),
  'loc.star': t(
    "en verdi kan ikke begynne med '*' uten anførselstegn; skriv {value}",
    "ein verdi kan ikkje byrje med '*' utan hermeteikn; skriv {value}",
    "a value cannot start with '*' unless it is in quotes; write {value}",
  ),
  'loc.unclosedQuote': t(
    'anførselstegnet lukkes ikke: teksten begynner med {mark}, men har ingen avsluttende {mark}',
    'hermeteiknet vert ikkje lukka: teksten byrjar med {mark}, men har ingen avsluttande {mark}',
    'unclosed quote: this text starts with {mark} but has no closing {mark}',
  ),
  'loc.cannotRead': t(
    'filen kan ikke leses: «{error}»',
    'fila kan ikkje lesast: «{error}»',
    'cannot read the file: {error}',
  ),
  'loc.noOverrideClose': t(
    "ingen maltekst '{key}' å overstyre; mente du '{close}'?",
    "ingen maltekst '{key}' å overstyre; meinte du '{close}'?",
    "no template text '{key}' to override; did you mean '{close}'?",
  ),
  'loc.noOverride': t(
    "ingen maltekst '{key}' å overstyre; se templates/{language}/slides.yaml for navnene",
    "ingen maltekst '{key}' å overstyre; sjå templates/{language}/slides.yaml for namna",
    "no template text '{key}' to override; see templates/{language}/slides.yaml for the names",
  ),
};

/** The kinds of id a located message names. */
export const ID_WORDS = {
  'word.id.targetGroup': t('målgruppe', 'målgruppe', 'target group'),
  'word.id.member': t('medlemskommune', 'medlemskommune', 'member'),
  'word.id.planRow': t('rad i handlingsplanen', 'rad i handlingsplanen', 'plan row'),
  'word.id.history': t('versjon i historikken', 'versjon i historikken', 'history version'),
};
