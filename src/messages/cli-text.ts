/**
 * The lines the commands print themselves (summaries, confirmations, hints, their own
 * refusals), in bokmål, nynorsk and English. Part of the one catalogue (catalogue.ts).
 * `{n|one|more}` picks the singular when `n` is 1 (entry.ts).
 */
import { t } from './entry.js';

export const CLI_TEXT = {
  'cli.warning': t('trappa: advarsel: {text}', 'trappa: åtvaring: {text}', 'trappa: warning: {text}'),
  'cli.wrote': t('✓ skrev {file}', '✓ skreiv {file}', '✓ wrote {file}'),
  'cli.line': t('@@ linje {n} @@', '@@ linje {n} @@', '@@ line {n} @@'),
  'cli.slide': t('lysbilde {n}', 'lysbilete {n}', 'slide {n}'),

  'build.unchanged': t('uendret', 'uendra', 'unchanged'),
  'build.size': t(
    '{slides} {slides|lysbilde|lysbilder}, {size}',
    '{slides} lysbilete, {size}',
    '{slides} slides, {size}',
  ),
  'build.pdfChecked': t(
    '{kind}, kontrollert: tekst, skrifter, struktur, overskrifter, dekor, alternativ tekst, språk, metadata',
    '{kind}, kontrollert: tekst, skrifter, struktur, overskrifter, dekor, alternativ tekst, språk, metadata',
    '{kind}, checked: text, fonts, tags, headings, artifacts, alt text, language, XMP',
  ),
  'build.summary': t(
    '{n} {n|presentasjon|presentasjoner} bygd på {ms} ms{detail}',
    '{n} {n|presentasjon bygd|presentasjonar bygde} på {ms} ms{detail}',
    '{n} {n|deck|decks} built in {ms} ms{detail}',
  ),
  'build.detail': t(
    ' ({written} skrevet, {unchanged} uendret)',
    ' ({written} skrivne, {unchanged} uendra)',
    ' ({written} written, {unchanged} unchanged)',
  ),
  'build.snapshotHash': t(
    'de lagrede dataene til {deck} v{version} har ikke samme kontrollsum som da de ble frigitt (med Trappa {trappa}); byggingen passer likevel på at ingenting frigitt endres',
    'dei lagra dataa til {deck} v{version} har ikkje same kontrollsum som då dei vart frigjevne (med Trappa {trappa}); bygginga passar likevel på at ingenting frigjeve vert endra',
    'the snapshot of {deck} v{version} does not hash as recorded (released with Trappa {trappa}); the build is still guarded',
  ),
  'build.snapshotChanged': t(
    'de lagrede dataene til {deck} v{version} gir versjon {built}; de er endret for hånd',
    'dei lagra dataa til {deck} v{version} gjev versjon {built}; dei er endra for hand',
    'the snapshot of {deck} v{version} builds version {built}; it was changed by hand',
  ),
  'build.fromReleaseAlone': t(
    '--from-release bygger én frigitt presentasjon; ta bort --watch og --deck',
    '--from-release byggjer éin frigjeven presentasjon; ta bort --watch og --deck',
    '--from-release builds one released deck; leave out --watch and --deck',
  ),

  'check.failed': t('{n} feil i {files}', '{n} feil i {files}', '{n} {n|error|errors} in {files}'),
  'check.total': t(
    '{n} presentasjoner kontrollert: {summary}',
    '{n} presentasjonar kontrollerte: {summary}',
    '{n} decks checked: {summary}',
  ),
  'check.none': t('ingen problemer', 'ingen problem', 'no problems'),
  'check.errors': t('{n} feil', '{n} feil', '{n} {n|error|errors}'),
  'check.warnings': t('{n} {n|advarsel|advarsler}', '{n} {n|åtvaring|åtvaringar}', '{n} {n|warning|warnings}'),
  'check.package': t('filpakken', 'filpakken', 'package'),
  'check.error': t('feil', 'feil', 'error'),
  'check.warning': t('advarsel', 'åtvaring', 'warning'),

  'list.strategy': t(
    '{name}: versjon {version} av {date}',
    '{name}: versjon {version} av {date}',
    '{name}: version {version} of {date}',
  ),
  'list.deck': t('PRESENTASJON', 'PRESENTASJON', 'DECK'),
  'list.audience': t('MÅLGRUPPE', 'MÅLGRUPPE', 'AUDIENCE'),
  'list.meeting': t('MØTE', 'MØTE', 'MEETING'),
  'list.lastBuilt': t('SIST BYGD', 'SIST BYGD', 'LAST BUILT'),
  'list.notBuilt': t('ikke bygd ennå', 'ikkje bygd enno', 'not built yet'),
  'list.released': t('frigitt {date}', 'frigjeven {date}', 'released {date}'),
  'list.draft': t('utkast', 'utkast', 'draft'),
  'list.sent': t('sendt {date}', 'send {date}', 'sent {date}'),
  'list.frozen': t(
    'frosset for sending {date}, ingen levering bekreftet',
    'frosen for sending {date}, inga levering stadfesta',
    'frozen for sending {date}, no delivery confirmed',
  ),
  'list.behind': t('(v{version} ikke bygd ennå)', '(v{version} ikkje bygd enno)', '(v{version} not built yet)'),

  'bump.done': t(
    '✓ {file}: versjon {from} → {to}, datert {date}',
    '✓ {file}: versjon {from} → {to}, datert {date}',
    '✓ {file}: version {from} → {to}, dated {date}',
  ),
  'bump.hint': t(
    '  bygg den nye versjonen med: {command}',
    '  bygg den nye versjonen med: {command}',
    '  build the new version with: {command}',
  ),

  'release.new': t(
    '✓ {deck} v{version} frigitt  {file}  sha256 {sha}…  dataene ligger i {inputs}',
    '✓ {deck} v{version} frigjeven  {file}  sha256 {sha}…  dataa ligg i {inputs}',
    '✓ {deck} v{version} released  {file}  sha256 {sha}…  inputs in {inputs}',
  ),
  'release.already': t(
    '= {deck} v{version} ble allerede frigitt {when}  {file}',
    '= {deck} v{version} vart alt frigjeven {when}  {file}',
    '= {deck} v{version} was already released on {when}  {file}',
  ),
  'release.summary': t(
    '{n} {n|presentasjon|presentasjoner} frigitt; bygg en av dem på nytt med: trappa build --from-release <presentasjon>@<versjon>',
    '{n} {n|presentasjon frigjeven|presentasjonar frigjevne}; bygg ein av dei på nytt med: trappa build --from-release <presentasjon>@<versjon>',
    '{n} {n|deck|decks} released; rebuild one with: trappa build --from-release <deck>@<version>',
  ),

  'migrate.nothing': t(
    '✓ {file}: ingenting å skrive om',
    '✓ {file}: ingenting å skrive om',
    '✓ {file}: nothing to migrate',
  ),
  'migrate.dryRunDone': t(
    '(prøvekjøring: ingenting ble skrevet)',
    '(prøvekøyring: ingenting vart skrive)',
    '(dry run: nothing written)',
  ),
  'migrate.broken': t(
    'intern feil: omskrivingen av {file} ga en fil som ikke leses slik den skulle; ingenting ble skrevet',
    'intern feil: omskrivinga av {file} gav ei fil som ikkje vert lesen slik ho skulle; ingenting vart skrive',
    'internal: migrating {file} gave a file that does not read as meant; nothing was written',
  ),

  'mail.signedIn': t(
    '✓ logget inn som {user}; innloggingen er lagret i {where}',
    '✓ logga inn som {user}; innlogginga er lagra i {where}',
    '✓ signed in as {user}; the sign-in is kept in {where}',
  ),
  'mail.signedOut': t(
    '✓ logget ut; fjernet fra {where}',
    '✓ logga ut; fjerna frå {where}',
    '✓ signed out; removed from {where}',
  ),
  // Not 'mail.notSignedIn': that key is the stage's refusal (setup-text.ts), which won the spread.
  'mail.nothingStored': t(
    'ikke logget inn (ingenting i {where})',
    'ikkje logga inn (ingenting i {where})',
    'not signed in (nothing in {where})',
  ),
  'mail.who': t(
    'logget inn som {user} (app {app}, leietaker {tenant})',
    'logga inn som {user} (app {app}, leigetakar {tenant})',
    'signed in as {user} (app {app}, tenant {tenant})',
  ),

  'template.sheetDone': t(
    'oversiktsark: {file} (lysbilder på oppsettene: {legend})',
    'oversiktsark: {file} (lysbilete på oppsetta: {legend})',
    'contact sheet: {file} (slides on layouts: {legend})',
  ),

  'preview.done': t(
    '✓ {deck} {sheet}  ({n} {n|lysbilde|lysbilder}, {pdf})',
    '✓ {deck} {sheet}  ({n} lysbilete, {pdf})',
    '✓ {deck} {sheet}  ({n} slides, {pdf})',
  ),
  'preview.summary': t(
    '{n} {n|forhåndsvisning|forhåndsvisninger} på {ms} ms',
    '{n} {n|førehandsvising|førehandsvisingar} på {ms} ms',
    '{n} {n|preview|previews} in {ms} ms',
  ),
  'preview.fastDone': t(
    '✓ {deck} {folder}/  ({n} {n|lysbilde|lysbilder} som {as}, {ms} ms)',
    '✓ {deck} {folder}/  ({n} lysbilete som {as}, {ms} ms)',
    '✓ {deck} {folder}/  ({n} slides as {as}, {ms} ms)',
  ),
  'preview.svgPng': t('SVG og PNG', 'SVG og PNG', 'SVG and PNG'),

  'studio.running': t(
    'Trappa Studio kjører til du trykker Ctrl+C. Bare denne maskinen når den, og bare med adressen over.',
    'Trappa Studio køyrer til du trykkjer Ctrl+C. Berre denne maskina når han, og berre med adressa over.',
    'Trappa Studio runs until you press Ctrl+C. Only this machine can reach it, and only with the address above.',
  ),

  'send.through': t('Sender gjennom {server}', 'Sender gjennom {server}', 'Sending through {server}'),
  'send.pdfLeftOut': t(
    '{file} er holdt utenfor e-posten til {deck}: {reason}',
    '{file} er halden utanfor e-posten til {deck}: {reason}',
    "{file} is left out of {deck}'s e-mail: {reason}",
  ),
  'draft.pdfLeftOut': t(
    '{file} er holdt utenfor utkastet til {deck}: {reason}',
    '{file} er halden utanfor utkastet til {deck}: {reason}',
    "{file} is left out of {deck}'s draft: {reason}",
  ),
  'send.badMaxSize': t(
    '--max-size "{text}" er ikke en størrelse i MB mellom 0 og 150 (Microsoft 365 tar inntil 150 MB)',
    '--max-size "{text}" er ikkje ein storleik i MB mellom 0 og 150 (Microsoft 365 tek inntil 150 MB)',
    '--max-size "{text}" is not a size in MB between 0 and 150 (Microsoft 365 takes up to 150 MB)',
  ),

  'diff.sinceSentAlone': t(
    '--since-sent sammenligner med dataene slik de er nå; ikke oppgi andre presentasjoner',
    '--since-sent samanliknar med dataa slik dei er no; ikkje gje opp andre presentasjonar',
    '--since-sent compares with the working data; give no other decks',
  ),
  'diff.what': t(
    'si hva som skal sammenlignes: trappa diff presentasjon@0.1 presentasjon@0.2 (eller --since-sent presentasjon)',
    'sei kva som skal samanliknast: trappa diff presentasjon@0.1 presentasjon@0.2 (eller --since-sent presentasjon)',
    'say what to compare: trappa diff deck@0.1 deck@0.2 (or --since-sent deck)',
  ),
  'diff.whatFile': t(
    'si hva filen skal sammenlignes med: trappa diff A.pptx B.pptx',
    'sei kva fila skal samanliknast med: trappa diff A.pptx B.pptx',
    'say what to compare the file with: trappa diff A.pptx B.pptx',
  ),
};

/** What `trappa build --watch` says between builds. */
export const WATCH_TEXT = {
  'watch.noneAffected': t('ingen presentasjon berørt', 'ingen presentasjon råka', 'no deck affected'),
  'watch.rebuiltAll': t(
    'bygde alle {n} presentasjonene på nytt',
    'bygde alle {n} presentasjonane på nytt',
    'rebuilt all {n} decks',
  ),
  'watch.rebuilt': t('bygde {decks} på nytt', 'bygde {decks} på nytt', 'rebuilt {decks}'),
  'watch.notAffected': t(
    '{what}; ikke berørt: {decks}',
    '{what}; ikkje råka: {decks}',
    '{what}; not affected: {decks}',
  ),
  'watch.failed': t(
    '✗ byggingen feilet; rett filen og lagre den igjen (følger fortsatt med)',
    '✗ bygginga feila; rett fila og lagra ho igjen (følgjer framleis med)',
    '✗ build failed; fix the file and save it again (still watching)',
  ),
  'watch.changed': t('↻ {files} endret', '↻ {files} endra', '↻ {files} changed'),
  'watch.more': t(' og {n} til', ' og {n} til', ' and {n} more'),
  'watch.watching': t(
    'følger med på endringer i {dirs} (Ctrl+C stopper)',
    'følgjer med på endringar i {dirs} (Ctrl+C stoppar)',
    'watching {dirs} for changes (Ctrl+C to stop)',
  ),
  'watch.stopped': t('sluttet å følge med', 'slutta å følgje med', 'stopped watching'),
};
