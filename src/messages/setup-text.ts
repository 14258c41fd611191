/**
 * What a stage refuses about the setting around a deck, read back from its English
 * (read-back.ts): mail settings (post/email), release records and the output folder's lock
 * (versions/), pictures (images/), and a template's adaptation notes (deck/layout-deck.ts,
 * slides/). Names of settings (`TRAPPA_SMTP_HOST`) and quoted values stay as written.
 */
import { t } from './entry.js';

const MAIL = {
  'mail.noHost': t(
    'Ingen SMTP-tjener er satt opp: sett TRAPPA_SMTP_HOST (TRAPPA_SMTP_… eller {file}: host).',
    'Ingen SMTP-tenar er sett opp: set TRAPPA_SMTP_HOST (TRAPPA_SMTP_… eller {file}: host).',
    'No SMTP server is configured: set TRAPPA_SMTP_HOST (TRAPPA_SMTP_… or {file}: host).',
  ),
  // The first line of a refused send whose mail settings are wrong (cli.ts): not the data's fault.
  'mail.signInFailed': t(
    'Innloggingen for e-post gikk ikke. Meldingen under sier hva du gjør; ingen e-post ble sendt.',
    'Innlogginga for e-post gjekk ikkje. Meldinga under seier kva du gjer; ingen e-post vart sendt.',
    'The e-mail sign-in did not work. The message below says what to do; no e-mail was sent.',
  ),
  'mail.setupFirst': t(
    'E-postoppsettet må rettes først (dataene er i orden). Meldingen under sier hvilken innstilling.',
    'E-postoppsettet må rettast først (dataa er i orden). Meldinga under seier kva innstilling.',
    'The mail settings must be fixed first (the data is fine). The message below names the setting.',
  ),
  'mail.needsSettings': t(
    'Sending krever e-postoppsett: sett TRAPPA_SMTP_HOST og TRAPPA_SMTP_FROM.',
    'Sending krev e-postoppsett: set TRAPPA_SMTP_HOST og TRAPPA_SMTP_FROM.',
    'Sending needs mail settings: set TRAPPA_SMTP_HOST and TRAPPA_SMTP_FROM.',
  ),
  'mail.security': t(
    'SMTP-sikkerheten «{value}» er ikke en av starttls, tls, «none» (TRAPPA_SMTP_SECURITY).',
    'SMTP-tryggleiken «{value}» er ikkje ein av starttls, tls, «none» (TRAPPA_SMTP_SECURITY).',
    'SMTP security "{value}" is not one of starttls, tls, none (TRAPPA_SMTP_SECURITY).',
  ),
  'mail.port': t(
    'SMTP-porten «{value}» er ikke et portnummer 1–65535 (TRAPPA_SMTP_PORT).',
    'SMTP-porten «{value}» er ikkje eit portnummer 1–65535 (TRAPPA_SMTP_PORT).',
    'SMTP port "{value}" is not a port number 1–65535 (TRAPPA_SMTP_PORT).',
  ),
  'mail.auth': t(
    'TRAPPA_SMTP_AUTH «{value}» er ikke en av password, oauth2.',
    'TRAPPA_SMTP_AUTH «{value}» er ikkje ein av password, oauth2.',
    'TRAPPA_SMTP_AUTH "{value}" is not one of password, oauth2.',
  ),
  'mail.userNoPassword': t(
    'SMTP-brukeren «{user}» er satt, men TRAPPA_SMTP_PASSWORD er ikke det.',
    'SMTP-brukaren «{user}» er sett, men TRAPPA_SMTP_PASSWORD er ikkje det.',
    'SMTP user "{user}" is set but TRAPPA_SMTP_PASSWORD is not.',
  ),
  'mail.passwordNoUser': t(
    'TRAPPA_SMTP_PASSWORD er satt, men TRAPPA_SMTP_USER er ikke det.',
    'TRAPPA_SMTP_PASSWORD er sett, men TRAPPA_SMTP_USER er ikkje det.',
    'TRAPPA_SMTP_PASSWORD is set but TRAPPA_SMTP_USER is not.',
  ),
  'mail.sender': t(
    'Avsenderadressen kan ikke brukes: {problem} (TRAPPA_SMTP_FROM).',
    'Avsendaradressa kan ikkje brukast: {problem} (TRAPPA_SMTP_FROM).',
    'The sender address is not usable: {problem} (TRAPPA_SMTP_FROM).',
  ),
  'mail.caFile': t(
    'CA-sertifikatet {file} kan ikke leses (TRAPPA_SMTP_CA_FILE / tls.caFile).',
    'CA-sertifikatet {file} kan ikkje lesast (TRAPPA_SMTP_CA_FILE / tls.caFile).',
    'Cannot read the CA certificate {file} (TRAPPA_SMTP_CA_FILE / tls.caFile).',
  ),
  'mail.configFile': t(
    'SMTP-oppsettfilen {file} kan ikke leses (TRAPPA_SMTP_CONFIG).',
    'SMTP-oppsettfila {file} kan ikkje lesast (TRAPPA_SMTP_CONFIG).',
    'Cannot read the SMTP config file {file} (TRAPPA_SMTP_CONFIG).',
  ),
  'mail.transport': t(
    'TRAPPA_MAIL_TRANSPORT «{value}» er ikke en av smtp, graph.',
    'TRAPPA_MAIL_TRANSPORT «{value}» er ikkje ein av smtp, graph.',
    'TRAPPA_MAIL_TRANSPORT "{value}" is not one of smtp, graph.',
  ),
  'mail.graphFrom': t(
    'Sending gjennom Microsoft Graph krever postkassen det skal sendes fra: sett TRAPPA_SMTP_FROM.',
    'Sending gjennom Microsoft Graph krev postkassa det skal sendast frå: set TRAPPA_SMTP_FROM.',
    'Sending through Microsoft Graph needs the mailbox to send from: set TRAPPA_SMTP_FROM.',
  ),
  'mail.flow': t(
    'TRAPPA_OAUTH_FLOW «{value}» er ikke en av app, delegated.',
    'TRAPPA_OAUTH_FLOW «{value}» er ikkje ein av app, delegated.',
    'TRAPPA_OAUTH_FLOW "{value}" is not one of app, delegated.',
  ),
  'mail.tenant': t(
    'TRAPPA_OAUTH_TENANT «{value}» er ikke en tenant-id eller et domene.',
    'TRAPPA_OAUTH_TENANT «{value}» er ikkje ein tenant-id eller eit domene.',
    'TRAPPA_OAUTH_TENANT "{value}" is not a tenant id or domain.',
  ),
  'mail.secretDelegated': t(
    'TRAPPA_OAUTH_CLIENT_SECRET er satt, men TRAPPA_OAUTH_FLOW=delegated logger inn som deg selv uten den; fjern den.',
    'TRAPPA_OAUTH_CLIENT_SECRET er sett, men TRAPPA_OAUTH_FLOW=delegated loggar inn som deg sjølv utan han; fjern han.',
    'TRAPPA_OAUTH_CLIENT_SECRET is set, but TRAPPA_OAUTH_FLOW=delegated signs in as yourself without one; unset it.',
  ),
  'mail.needsOauth': t(
    '{what} trenger {missing} (fra appregistreringen; se README, Microsoft 365).',
    '{what} treng {missing} (frå appregistreringa; sjå README, Microsoft 365).',
    '{what} needs {missing} (from the app registration; see README, Microsoft 365).',
  ),
  'mail.notUrl': t(
    '{name} «{url}» er ikke en URL.',
    '{name} «{url}» er ikkje ein URL.',
    '{name} "{url}" is not a URL.',
  ),
  'mail.https': t(
    '{name} «{url}» må begynne med https:// (vanlig http bare til denne maskinen).',
    '{name} «{url}» må byrje med https:// (vanleg http berre til denne maskina).',
    '{name} "{url}" must start with https:// (plain http only to this machine).',
  ),
  'mail.timeout': t(
    '{name} «{value}» er ikke et antall sekunder mellom 0 og 3600.',
    '{name} «{value}» er ikkje eit tal sekund mellom 0 og 3600.',
    '{name} "{value}" is not a number of seconds between 0 and 3600.',
  ),
  'mail.notSignedIn': t(
    'Ikke logget inn i Microsoft 365: kjør trappa mail login først.',
    'Ikkje logga inn i Microsoft 365: køyr trappa mail login først.',
    'Not signed in to Microsoft 365: run trappa mail login first.',
  ),
  'mail.declined': t(
    'Innloggingen ble avvist i nettleseren; ingenting ble lagret.',
    'Innlogginga vart avvist i nettlesaren; ingenting vart lagra.',
    'The sign-in was declined in the browser; nothing was kept.',
  ),
  'mail.codeExpired': t(
    'Koden gikk ut før innloggingen var ferdig; kjør trappa mail login for å logge inn på nytt.',
    'Koden gjekk ut før innlogginga var ferdig; køyr trappa mail login for å logge inn på nytt.',
    'The code expired before the sign-in was finished; run trappa mail login to sign in again.',
  ),
  'mail.unreachable': t(
    '{url} kunne ikke nås; sjekk nettverket og TRAPPA_OAUTH_TENANT.',
    '{url} kunne ikkje nåast; sjekk nettverket og TRAPPA_OAUTH_TENANT.',
    '{url} could not be reached; check the network and TRAPPA_OAUTH_TENANT.',
  ),
  'mail.cannotReach': t(
    'Når ikke SMTP-tjeneren {server}: «{detail}»',
    'Når ikkje SMTP-tenaren {server}: «{detail}»',
    'Cannot reach the SMTP server {server}: {detail}',
  ),
  // The server a run sends through (post/email/mail-config.ts describeMailConfig), the most specific first.
  'mail.viaSmtpOauth': t(
    'SMTP {server} ({security}) som {user} (OAuth 2.0, app {app}), avsender {from}',
    'SMTP {server} ({security}) som {user} (OAuth 2.0, app {app}), avsendar {from}',
    'SMTP {server} ({security}) as {user} (OAuth 2.0, app {app}), from {from}',
  ),
  'mail.viaSmtpUser': t(
    'SMTP {server} ({security}) som {user}, avsender {from}',
    'SMTP {server} ({security}) som {user}, avsendar {from}',
    'SMTP {server} ({security}) as {user}, from {from}',
  ),
  'mail.viaSmtp': t(
    'SMTP {server} ({security}), avsender {from}',
    'SMTP {server} ({security}), avsendar {from}',
    'SMTP {server} ({security}), from {from}',
  ),
  'mail.viaGraphSelf': t(
    'Microsoft Graph {url}, innlogget som deg selv, avsender {from}',
    'Microsoft Graph {url}, innlogga som deg sjølv, avsendar {from}',
    'Microsoft Graph {url} signed in as yourself, from {from}',
  ),
  'mail.viaGraphApp': t(
    'Microsoft Graph {url} som appen {app}, avsender {from}',
    'Microsoft Graph {url} som appen {app}, avsendar {from}',
    'Microsoft Graph {url} as app {app}, from {from}',
  ),
  // What Microsoft Entra ID refused (post/email/oauth-token.ts); the portal's own names in «».
  'mail.entraSecret': t(
    'Microsoft Entra ID avviste klienthemmeligheten ({tag}: feil eller utløpt): administratoren lager en ny klienthemmelighet for appen {app} («App registrations › Certificates & secrets»), og du setter TRAPPA_OAUTH_CLIENT_SECRET til verdien («Value»).',
    'Microsoft Entra ID avviste klientløyndomen ({tag}: feil eller utgått): administratoren lagar ein ny klientløyndom for appen {app} («App registrations › Certificates & secrets»), og du set TRAPPA_OAUTH_CLIENT_SECRET til verdien («Value»).',
    'Microsoft Entra ID refused the client secret ({tag}: wrong or expired): the administrator creates a new client secret for app {app} (App registrations › Certificates & secrets) and you set TRAPPA_OAUTH_CLIENT_SECRET to its Value.',
  ),
  'mail.entraConsent': t(
    'Appen {app} mangler samtykke fra en administrator ({tag}): en administrator gir administratorsamtykke for applikasjonstillatelsen {permission} («App registrations › API permissions › Grant admin consent»).',
    'Appen {app} manglar samtykke frå ein administrator ({tag}): ein administrator gjev administratorsamtykke for applikasjonsløyvet {permission} («App registrations › API permissions › Grant admin consent»).',
    'The app {app} has no administrator consent ({tag}): an administrator grants admin consent for the {permission} application permission (App registrations › API permissions › Grant admin consent).',
  ),
  'mail.entraApp': t(
    'Microsoft Entra ID kjenner ikke appen {app} i tenanten {tenant} ({tag}): sjekk TRAPPA_OAUTH_CLIENT_ID og TRAPPA_OAUTH_TENANT mot oversiktssiden («Overview») til appregistreringen.',
    'Microsoft Entra ID kjenner ikkje appen {app} i tenanten {tenant} ({tag}): sjekk TRAPPA_OAUTH_CLIENT_ID og TRAPPA_OAUTH_TENANT mot oversiktssida («Overview») til appregistreringa.',
    "Microsoft Entra ID does not know the app {app} in tenant {tenant} ({tag}): check TRAPPA_OAUTH_CLIENT_ID and TRAPPA_OAUTH_TENANT against the app registration's Overview page.",
  ),
  'mail.entraTenant': t(
    'Microsoft Entra ID kjenner ikke tenanten «{tenant}» ({tag}): sett TRAPPA_OAUTH_TENANT til «Directory (tenant) ID» fra oversiktssiden til appregistreringen.',
    'Microsoft Entra ID kjenner ikkje tenanten «{tenant}» ({tag}): set TRAPPA_OAUTH_TENANT til «Directory (tenant) ID» frå oversiktssida til appregistreringa.',
    'Microsoft Entra ID does not know the tenant "{tenant}" ({tag}): set TRAPPA_OAUTH_TENANT to the Directory (tenant) ID from the app registration\'s Overview page.',
  ),
  'mail.entraRefused': t(
    'Microsoft Entra ID avviste forespørselen om token («{why}»); administratoren sjekker appregistreringen {app}.',
    'Microsoft Entra ID avviste førespurnaden om token («{why}»); administratoren sjekkar appregistreringa {app}.',
    'Microsoft Entra ID refused the token request ({why}); the administrator checks the app registration {app}.',
  ),
  'mail.languageCode': t(
    '«{language}» er ikke en språkkode som nb, nn eller en',
    '«{language}» er ikkje ei språkkode som nb, nn eller en',
    '"{language}" is not a language code such as nb, nn or en',
  ),
  'mail.noTemplate': t(
    'Ingen e-postmal {file} for språket «{language}»; legg den til eller bruk nb, nn eller en.',
    'Ingen e-postmal {file} for språket «{language}»; legg han til eller bruk nb, nn eller en.',
    'No e-mail template {file} for language "{language}"; add it or use nb, nn or en.',
  ),
};

const RECORDS = {
  'lock.busy': t(
    'en annen Trappa-kommando arbeider i {folder}; vent til den er ferdig og prøv igjen',
    'ein annan Trappa-kommando arbeider i {folder}; vent til han er ferdig og prøv igjen',
    'another Trappa command is working in {folder}; wait for it to finish and try again',
  ),
  'record.notJson': t(
    '{file} er ikke gyldig JSON («{error}»); ingenting ble skrevet',
    '{file} er ikkje gyldig JSON («{error}»); ingenting vart skrive',
    '{file} is not valid JSON ({error}); nothing was written',
  ),
  'record.misplaced': t(
    '{file} gjelder {deck} v{version}, men ligger i {folder}; ingenting ble skrevet',
    '{file} gjeld {deck} v{version}, men ligg i {folder}; ingenting vart skrive',
    '{file} records {deck} v{version} but sits in {folder}; nothing was written',
  ),
  // A folder not named like a release (renamed or copied): «this release»; before the form naming it.
  'record.noSnapshotThis': t(
    'ingen kopi av inndataene til denne versjonen i {folder}; bare versjoner frigitt med trappa release har en',
    'ingen kopi av inndataa til denne versjonen i {folder}; berre versjonar frigjevne med trappa release har ein',
    'no input snapshot of this release in {folder}; only versions released with trappa release have one',
  ),
  'record.noSnapshot': t(
    'ingen kopi av inndataene til {name} i {folder}; bare versjoner frigitt med trappa release har en',
    'ingen kopi av inndataa til {name} i {folder}; berre versjonar frigjevne med trappa release har ein',
    'no input snapshot of {name} in {folder}; only versions released with trappa release have one',
  ),
  'record.sentOnly': t(
    '{deck} v{version} ble fryst ved sending, ikke frigitt, så inndataene ble ikke tatt vare på',
    '{deck} v{version} vart fryst ved sending, ikkje frigjeven, så inndataa vart ikkje tekne vare på',
    '{deck} v{version} was frozen by sending, not released, so its inputs were not kept',
  ),
  'record.notRelease': t(
    "'{spec}' er ikke en frigitt versjon; skriv <presentasjon>@<versjon>, f.eks. storledermote@0.2, eller stien til en mappe under releases/",
    "'{spec}' er ikkje ein frigjeven versjon; skriv <presentasjon>@<versjon>, t.d. storledermote@0.2, eller stien til ei mappe under releases/",
    "'{spec}' is not a release; write <deck>@<version>, e.g. storledermote@0.2, or the path of a release folder",
  ),
  'record.changedMeanwhile': t(
    'inndataene til {deck} v{version} ble endret mens versjonen ble frigitt; kjør trappa release igjen',
    'inndataa til {deck} v{version} vart endra medan versjonen vart frigjeven; køyr trappa release igjen',
    'the inputs of {deck} v{version} changed while it was being released; run trappa release again',
  ),
  'record.frozenOther': t(
    '{deck} v{version} ble fryst med et annet innhold enn {file}; ingenting ble sendt. Bygg den på nytt eller lag en ny versjon',
    '{deck} v{version} vart fryst med eit anna innhald enn {file}; ingenting vart sendt. Bygg han på nytt eller lag ein ny versjon',
    '{deck} v{version} was frozen with other content than {file}; nothing was sent. Build it again or raise the version',
  ),
};

const IMAGES = {
  'image.folder': t(
    '{file} er en mappe, ikke en bildefil',
    '{file} er ei mappe, ikkje ei biletfil',
    '{file} is a folder, not an image file',
  ),
  'image.notRegular': t(
    '{file} er ikke en vanlig fil',
    '{file} er ikkje ei vanleg fil',
    '{file} is not a regular file',
  ),
  'image.noRoom': t(
    '{file} har ikke plass på lysbildet (boks {box})',
    '{file} har ikkje plass på lysbiletet (boks {box})',
    '{file} has no room on the slide (box {box})',
  ),
  'image.unreadable': t(
    '{file} kan ikke leses ({code})',
    '{file} kan ikkje lesast ({code})',
    '{file} cannot be read ({code})',
  ),
  'image.unprepared': t(
    '{file} kunne ikke gjøres klar: {message}',
    '{file} kunne ikkje gjerast klar: {message}',
    '{file} could not be prepared: {message}',
  ),
  'image.unknown': t(
    '{file} er ikke et bilde Trappa kan lese; bruk PNG, JPEG eller SVG',
    '{file} er ikkje eit bilete Trappa kan lese; bruk PNG, JPEG eller SVG',
    '{file} is not an image Trappa can read; use PNG, JPEG or SVG',
  ),
  'image.heic': t(
    '{file} er et HEIC-bilde, som Trappa ikke kan lese; eksporter det som JPEG',
    '{file} er eit HEIC-bilete, som Trappa ikkje kan lese; eksporter det som JPEG',
    '{file} is a HEIC photo, which Trappa cannot read; export it as JPEG',
  ),
  'image.format': t(
    '{file} er en {format}-fil, som Trappa ikke bruker; lagre den som PNG eller JPEG',
    '{file} er ei {format}-fil, som Trappa ikkje brukar; lagre ho som PNG eller JPEG',
    '{file} is a {format} file, which Trappa does not use; save it as PNG or JPEG',
  ),
  'image.noSize': t(
    '{file} har ingen bredde eller høyde',
    '{file} har inga breidd eller høgd',
    '{file} has no width or height',
  ),
  'image.tooLarge': t(
    '{file} er {w} × {h} piksler ({mp} megapiksler), over grensen på {limit} megapiksler; gjør det mindre (3000 piksler bredt er nok for et lysbilde)',
    '{file} er {w} × {h} pikslar ({mp} megapikslar), over grensa på {limit} megapikslar; gjer det mindre (3000 pikslar breitt er nok for eit lysbilete)',
    '{file} is {w} × {h} pixels ({mp} megapixels), over the limit of {limit} megapixels; scale it down (3000 pixels wide is plenty for a slide)',
  ),
  'image.channels': t(
    '{file} har et uvanlig fargeformat ({n} kanaler)',
    '{file} har eit uvanleg fargeformat ({n} kanalar)',
    '{file} has an unusual colour format ({n} channels)',
  ),
  'image.inAssets': t(
    'filen finnes ikke: {file} (stier er relative til assets/; skriv {path})',
    'fila finst ikkje: {file} (stiar er relative til assets/; skriv {path})',
    'file not found: {file} (paths are relative to assets/; write {path})',
  ),
};

const ADAPTED = {
  'adapt.slide': t(
    'presentasjon {deck}, lysbilde {n} ({kind}): {message}',
    'presentasjon {deck}, lysbilete {n} ({kind}): {message}',
    'deck {deck}, slide {n} ({kind}): {message}',
  ),
  'adapt.beside': t(
    'utsagnene er for lange for innholdsflaten i malen ved siden av etikettene; de står under dem',
    'utsegnene er for lange for innhaldsflata i malen ved sida av etikettane; dei står under dei',
    "the statements are too long for the template's body area beside their labels; they stand under them",
  ),
  'adapt.slideEach': t(
    'utsagnene er for lange for innholdsflaten i malen ved siden av etikettene; de får ett lysbilde hver',
    'utsegnene er for lange for innhaldsflata i malen ved sida av etikettane; dei får eitt lysbilete kvar',
    "the statements are too long for the template's body area beside their labels; they have a slide each",
  ),
  'adapt.ownSlide': t(
    'hovedbudskapet er for langt for panelet sitt på innholdsflaten i malen; det får et eget lysbilde',
    'hovudbodskapen er for lang for panelet sitt på innhaldsflata i malen; han får eit eige lysbilete',
    "the main message is too long for its panel on the template's body area; it has a slide of its own",
  ),
  'adapt.whatWhy': t(
    'hovedbudskapet er for langt for panelet sitt på innholdsflaten i malen; hva og hvorfor får ett lysbilde hver',
    'hovudbodskapen er for lang for panelet sitt på innhaldsflata i malen; kva og kvifor får eitt lysbilete kvar',
    "the main message is too long for its panel on the template's body area; what and why have a slide each",
  ),
  'adapt.staircase': t(
    'innholdsflaten i malen er for liten for trappediagrammet; trinnene vises som en liste',
    'innhaldsflata i malen er for lita for trappediagrammet; trinna vert viste som ei liste',
    "the template's body area is too small for the staircase diagram; its steps are a list",
  ),
  'adapt.staircasePoints': t(
    'innholdsflaten i malen er for liten for punktene i trappediagrammet; de står som en liste på neste lysbilde',
    'innhaldsflata i malen er for lita for punkta i trappediagrammet; dei står som ei liste på neste lysbilete',
    "the template's body area is too small for the steps' points in the staircase diagram; they are a list on the next slide",
  ),
  'adapt.staircaseNotes': t(
    'forklaringen til trappa får ikke plass på innholdsflaten i malen; den står i talernotatene',
    'forklaringa til trappa får ikkje plass på innhaldsflata i malen; ho står i talarnotata',
    "the staircase's explanation does not fit on the template's body area; it is in the speaker notes",
  ),
  'adapt.modelSummary': t(
    'modellens oppsummering får ikke plass på innholdsflaten i malen; den står i talernotatene',
    'oppsummeringa til modellen får ikkje plass på innhaldsflata i malen; ho står i talarnotata',
    "the model's summary does not fit on the template's body area; it is in the speaker notes",
  ),
  'adapt.modelEmphasis': t(
    'modellens nøkkelsetning får ikke plass på innholdsflaten i malen; den står i talernotatene',
    'nøkkelsetninga til modellen får ikkje plass på innhaldsflata i malen; ho står i talarnotata',
    "the model's key sentence does not fit on the template's body area; it is in the speaker notes",
  ),
  'adapt.modelBoth': t(
    'modellens oppsummering og nøkkelsetning får ikke plass på innholdsflaten i malen; de står i talernotatene',
    'oppsummeringa og nøkkelsetninga til modellen får ikkje plass på innhaldsflata i malen; dei står i talarnotata',
    "the model's summary and key sentence do not fit on the template's body area; they are in the speaker notes",
  ),
  'adapt.modelOutcome': t(
    'modellens diagram får ikke plass på innholdsflaten i malen med resultatet; resultatet og modellens andre tekster står i talernotatene',
    'diagrammet til modellen får ikkje plass på innhaldsflata i malen med resultatet; resultatet og dei andre tekstane til modellen står i talarnotata',
    "the model's diagram does not fit on the template's body area with its outcome; the outcome and the model's other texts are in the speaker notes",
  ),
  'adapt.coverLogos': t(
    'forsiden i malen har ikke plass til logoene under tekstene utenom malens grafikk; de står på grafikken med en lys bakgrunn',
    'forsida i malen har ikkje plass til logoane under tekstane utanom grafikken i malen; dei står på grafikken med ein lys bakgrunn',
    "the template's cover has no room for the logos under its texts off the template's art; they stand on the art on a light backing",
  ),
  'adapt.modelServices': t(
    'modellens diagram får ikke plass på innholdsflaten i malen med tjenestene; tjenestene, resultatet og modellens andre tekster står i talernotatene',
    'diagrammet til modellen får ikkje plass på innhaldsflata i malen med tenestene; tenestene, resultatet og dei andre tekstane til modellen står i talarnotata',
    "the model's diagram does not fit on the template's body area with its services; the services, the outcome and the model's other texts are in the speaker notes",
  ),
};

export const SETUP_TEXT = { ...MAIL, ...RECORDS, ...IMAGES, ...ADAPTED };
