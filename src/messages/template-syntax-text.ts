/**
 * What is wrong in a Handlebars template (render/template-errors.ts, render-text.ts), and what
 * the credential store of a mail sign-in refuses (post/email/credential-store.ts); read back
 * from their English (read-back.ts). A `{{ … }}` the user typed is a value, never catalogue
 * text, so the catalogue's own `{hole}` never meets it; Handlebars' and the system's own words
 * stay as they came, in «quotes».
 */
import { t } from './entry.js';

const HANDLEBARS = {
  // The template's own line first: a line with the line number is tried before the one without.
  'hbs.inLine': t(
    'malen «{key}», linje {line}: {message}',
    'malen «{key}», linje {line}: {message}',
    'template "{key}", line {line}: {message}',
  ),
  'hbs.in': t('malen «{key}»: {message}', 'malen «{key}»: {message}', 'template "{key}": {message}'),
  'hbs.missing': t(
    'bruker {expression}, men her finnes det ikke noe slikt felt',
    'brukar {expression}, men her finst det ikkje noko slikt felt',
    'uses {expression}, but there is no such field here',
  ),
  'hbs.missingInDeck': t(
    'bruker {expression}, som presentasjonen «{deck}» ikke har',
    'brukar {expression}, som presentasjonen «{deck}» ikkje har',
    'uses {expression}, which deck "{deck}" does not have',
  ),
  'hbs.mismatch': t(
    '{close} lukker en blokk som ble åpnet som {open}',
    '{close} lukkar ei blokk som vart opna som {open}',
    '{close} closes a block opened as {open}',
  ),
  'hbs.unclosed': t(
    '{open} blir aldri lukket; legg til {close} der blokken slutter',
    '{open} vert aldri lukka; legg til {close} der blokka sluttar',
    '{open} is never closed; add {close} where the block ends',
  ),
  'hbs.unexpected': t(
    'syntaksfeil: Handlebars ventet ikke {tokenWord} her; se over {{ … }} på linje {line}',
    'syntaksfeil: Handlebars venta ikkje {tokenWord} her; sjå over {{ … }} på linje {line}',
    'syntax error: Handlebars did not expect {tokenWord} here; check the {{ … }} on line {line}',
  ),
  'hbs.unexpectedToken': t(
    'syntaksfeil: Handlebars ventet ikke «{token}» her; se over {{ … }} på linje {line}',
    'syntaksfeil: Handlebars venta ikkje «{token}» her; sjå over {{ … }} på linje {line}',
    "syntax error: Handlebars did not expect '{token}' here; check the {{ … }} on line {line}",
  ),
  'hbs.unknownHelper': t(
    '{expression} er ikke en hjelper Trappa kjenner (kjente: {known})',
    '{expression} er ikkje ein hjelpar Trappa kjenner (kjende: {known})',
    '{expression} is not a helper Trappa knows (known: {known})',
  ),
  'hbs.other': t(
    'malen er ikke gyldig Handlebars («{detail}»)',
    'malen er ikkje gyldig Handlebars («{detail}»)',
    'the template is not valid Handlebars ("{detail}")',
  ),
};

const CREDENTIALS = {
  'cred.noBinary': t(
    'Trappa når ikke {whereWord} på denne maskinen (@napi-rs/keyring mangler program for den); sett TRAPPA_CREDENTIAL_FILE til en fil bare du kan lese, så lagres innloggingen der i stedet.',
    'Trappa når ikkje {whereWord} på denne maskina (@napi-rs/keyring manglar program for ho); set TRAPPA_CREDENTIAL_FILE til ei fil berre du kan lese, så vert innlogginga lagra der i staden.',
    'Trappa cannot reach {whereWord} on this machine (@napi-rs/keyring has no binary for it); set TRAPPA_CREDENTIAL_FILE to a file only you can read to keep the sign-in there instead.',
  ),
  'cred.unavailable': t(
    '{whereWord} er ikke tilgjengelig («{detail}»); lås opp eller start den, eller sett TRAPPA_CREDENTIAL_FILE til en fil bare du kan lese, så lagres innloggingen der i stedet.',
    '{whereWord} er ikkje tilgjengeleg («{detail}»); lås opp eller start han, eller set TRAPPA_CREDENTIAL_FILE til ei fil berre du kan lese, så vert innlogginga lagra der i staden.',
    '{whereWord} is not available ({detail}); unlock or start it, or set TRAPPA_CREDENTIAL_FILE to a file only you can read to keep the sign-in there instead.',
  ),
  'cred.notFile': t(
    '{file} (TRAPPA_CREDENTIAL_FILE) er ikke en innloggingsfil fra Trappa; fjern den og logg inn på nytt.',
    '{file} (TRAPPA_CREDENTIAL_FILE) er ikkje ei innloggingsfil frå Trappa; fjern ho og logg inn på nytt.',
    '{file} (TRAPPA_CREDENTIAL_FILE) is not a Trappa credential file; remove it and sign in again.',
  ),
};

export const TEMPLATE_SYNTAX_TEXT = { ...HANDLEBARS, ...CREDENTIALS };

/** What Handlebars did not expect, and where a sign-in is kept: words said in the reader's language. */
export const TEMPLATE_SYNTAX_WORDS = {
  'word.hbs.end': t('slutten av malen', 'slutten av malen', 'the end of the template'),
  'word.hbs.close': t('}}', '}}', '}}'),
  'word.hbs.open': t('{{', '{{', '{{'),
  'word.hbs.char': t('dette tegnet', 'dette teiknet', 'this character'),
  'word.store.windows': t(
    'Windows Legitimasjonsbehandling',
    'Windows Legitimasjonsbehandling',
    'Windows Credential Manager',
  ),
  'word.store.mac': t('nøkkelringen i macOS', 'nøkkelringen i macOS', 'the macOS Keychain'),
  'word.store.linux': t(
    'Secret Service-tjenesten (GNOME Keyring, KWallet)',
    'Secret Service-tenesta (GNOME Keyring, KWallet)',
    'the Secret Service (GNOME Keyring, KWallet)',
  ),
};
