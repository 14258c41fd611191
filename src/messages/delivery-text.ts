/**
 * What sending, the external tools and the version records say (post/, post/email/, versions/),
 * and the e-mail addresses of a distribution list, read back from their English (read-back.ts),
 * found by the sweep (test/message-sweep.test.ts). Names of settings, programs and Microsoft's
 * commands stay as written.
 */
import { t } from './entry.js';

const ADDRESSES = {
  'addr.space': t(
    '«{address}» har et mellomrom; en e-postadresse har ingen',
    '«{address}» har eit mellomrom; ei e-postadresse har ingen',
    '"{address}" contains a space; an e-mail address has none',
  ),
  'addr.tld': t(
    '«{address}» slutter på «{end}», som ikke er et toppdomene',
    '«{address}» sluttar på «{end}», som ikkje er eit toppdomene',
    '"{address}" ends in "{end}", which is not a top-level domain',
  ),
  'addr.domain': t(
    '«{address}» har et feilskrevet domene «{domain}»',
    '«{address}» har eit feilskrive domene «{domain}»',
    '"{address}" has a malformed domain "{domain}"',
  ),
  'addr.local': t(
    '«{address}» har tegn før «@» som e-post ikke tillater',
    '«{address}» har teikn før «@» som e-post ikkje tillèt',
    '"{address}" has characters before the "@" that e-mail does not allow',
  ),
  'addr.twoAt': t(
    '«{address}» har mer enn én «@»',
    '«{address}» har meir enn éin «@»',
    '"{address}" has more than one "@"',
  ),
  'addr.noAt': t(
    '«{address}» har ingen «@»; skriv den som ola.nordmann@levanger.kommune.no',
    '«{address}» har ingen «@»; skriv ho som ola.nordmann@levanger.kommune.no',
    '"{address}" has no "@"; write it like ola.nordmann@levanger.kommune.no',
  ),
  'addr.noTld': t(
    '«{address}» har ikke noe toppdomene som «.no» etter «{domain}»',
    '«{address}» har ikkje noko toppdomene som «.no» etter «{domain}»',
    '"{address}" has no top-level domain such as ".no" after "{domain}"',
  ),
  'addr.nothingAfter': t(
    '«{address}» har ingenting etter «@»',
    '«{address}» har ingenting etter «@»',
    '"{address}" has nothing after the "@"',
  ),
  'addr.nothingBefore': t(
    '«{address}» har ingenting før «@»',
    '«{address}» har ingenting før «@»',
    '"{address}" has nothing before the "@"',
  ),
  'addr.tooLong': t(
    '«{address}» er for lang for en e-postadresse',
    '«{address}» er for lang for ei e-postadresse',
    '"{address}" is too long for an e-mail address',
  ),
  'addr.empty': t('e-postadressen er tom', 'e-postadressa er tom', 'the e-mail address is empty'),
};

const SENDING = {
  'send.noAttachment': t(
    'presentasjonen «{deck}» har ikke noe vedlegg å sende; bygg den først',
    'presentasjonen «{deck}» har ikkje noko vedlegg å sende; bygg han først',
    'deck "{deck}" has no attachment to send; build it first',
  ),
  'send.attachmentMissing': t(
    'vedlegget til presentasjonen «{deck}» mangler; bygg presentasjonen først',
    'vedlegget til presentasjonen «{deck}» manglar; bygg presentasjonen først',
    'attachment of deck "{deck}" is missing; build the deck first',
  ),
  'send.draftTwice': t(
    'presentasjonene «{a}» og «{b}» ville begge skrevet utkastet {file}; gi vedleggene ulike navn.',
    'presentasjonane «{a}» og «{b}» ville begge skrive utkastet {file}; gje vedlegga ulike namn.',
    'Decks "{a}" and "{b}" would both write the draft {file}; give their attachments different names.',
  ),
  'send.batchSize': t(
    'TRAPPA_MAIL_BATCH_SIZE «{value}» er ikke et helt antall mottakere fra 1 til {max}.',
    'TRAPPA_MAIL_BATCH_SIZE «{value}» er ikkje eit heilt tal mottakarar frå 1 til {max}.',
    'TRAPPA_MAIL_BATCH_SIZE "{value}" is not a whole number of recipients from 1 to {max}.',
  ),
  'send.configInside': t(
    'SMTP-oppsettsfilen {file} ligger i {folder}/; hold tjenerinnstillinger utenfor de delte dataene.',
    'SMTP-oppsettsfila {file} ligg i {folder}/; hald tenarinnstillingar utanfor dei delte dataa.',
    'The SMTP config file {file} is inside {folder}/; keep server settings outside the shared data.',
  ),
  'send.configLines': t(
    'skal være nøkkel: verdi-linjer',
    'skal vere nøkkel: verdi-linjer',
    'expected key: value lines',
  ),
  'send.configSingle': t('skal være én verdi', 'skal vere éin verdi', 'expected a single value'),
  'send.configPassword': t(
    'passordet skal ikke lagres i en fil; fjern det og sett TRAPPA_SMTP_PASSWORD i miljøet',
    'passordet skal ikkje lagrast i ei fil; fjern det og set TRAPPA_SMTP_PASSWORD i miljøet',
    'the password must not be stored in a file; remove it and set TRAPPA_SMTP_PASSWORD in the environment',
  ),
  'send.configUnknown': t(
    'ukjent innstilling; skal være en av {known}',
    'ukjend innstilling; skal vere ei av {known}',
    'unknown setting; expected one of {known}',
  ),
  'send.noneToken': t(
    'SMTP-sikkerhet «none» ville sendt tilgangsnøkkelen ukryptert til {server}; bruk starttls eller tls.',
    'SMTP-tryggleik «none» ville sendt tilgangsnøkkelen ukryptert til {server}; bruk starttls eller tls.',
    'SMTP security "none" would send the access token unencrypted to {server}; use starttls or tls.',
  ),
  'send.nonePassword': t(
    'SMTP-sikkerhet «none» ville sendt passordet til «{user}» ukryptert til {server}; bruk starttls eller tls.',
    'SMTP-tryggleik «none» ville sendt passordet til «{user}» ukryptert til {server}; bruk starttls eller tls.',
    'SMTP security "none" would send the password for "{user}" unencrypted to {server}; use starttls or tls.',
  ),
  'send.passwordAndToken': t(
    'TRAPPA_SMTP_PASSWORD er satt, men TRAPPA_SMTP_AUTH=oauth2 logger inn med en nøkkel; fjern en av dem.',
    'TRAPPA_SMTP_PASSWORD er sett, men TRAPPA_SMTP_AUTH=oauth2 loggar inn med ein nøkkel; fjern ein av dei.',
    'TRAPPA_SMTP_PASSWORD is set, but TRAPPA_SMTP_AUTH=oauth2 logs in with a token; unset one of them.',
  ),
  'send.loginRefused': t(
    'SMTP-tjeneren avviste innloggingen for {user}: «{detail}»; sjekk TRAPPA_SMTP_USER og TRAPPA_SMTP_PASSWORD.',
    'SMTP-tenaren avviste innlogginga for {user}: «{detail}»; sjekk TRAPPA_SMTP_USER og TRAPPA_SMTP_PASSWORD.',
    'The SMTP server refused the login for {user}: {detail}; check TRAPPA_SMTP_USER and TRAPPA_SMTP_PASSWORD.',
  ),
  'send.cannotLogIn': t(
    'Kan ikke logge inn på {host}:{port}: «{detail}»',
    'Kan ikkje logge inn på {host}:{port}: «{detail}»',
    'Cannot log in to {host}:{port}: {detail}',
  ),
};

const MICROSOFT = {
  'm365.noAccount': t(
    'Microsoft Entra ID sa ikke hvilken konto som logget inn (ingen ID-nøkkel med preferred_username); administratoren legger til tillatelsene openid og profile i appregistreringen.',
    'Microsoft Entra ID sa ikkje kva konto som logga inn (ingen ID-nøkkel med preferred_username); administratoren legg til løyva openid og profile i appregistreringa.',
    'Microsoft Entra ID did not say which account signed in (no ID token with preferred_username); the administrator adds the openid and profile permissions to the app registration.',
  ),
  'm365.noRefresh': t(
    'Microsoft Entra ID ga ingen fornyingsnøkkel; innloggingen trenger offline_access.',
    'Microsoft Entra ID gav ingen fornyingsnøkkel; innlogginga treng offline_access.',
    'Microsoft Entra ID gave no refresh token; the sign-in needs offline_access.',
  ),
  'm365.appSmtp': t(
    'Exchange Online avviste appens nøkkel for {mailbox} (535): administratoren registrerer appen {app} i Exchange (`New-ServicePrincipal`), gir den FullAccess til {mailbox} (Add-MailboxPermission) og slår på SMTP AUTH for postboksen (Set-CASMailbox -SmtpClientAuthenticationDisabled $false).',
    'Exchange Online avviste nøkkelen til appen for {mailbox} (535): administratoren registrerer appen {app} i Exchange (`New-ServicePrincipal`), gjev han FullAccess til {mailbox} (Add-MailboxPermission) og slår på SMTP AUTH for postboksen (Set-CASMailbox -SmtpClientAuthenticationDisabled $false).',
    "Exchange Online refused the app's token for {mailbox} (535): the administrator registers app {app} in Exchange (New-ServicePrincipal), gives it FullAccess to {mailbox} (Add-MailboxPermission), and enables SMTP AUTH for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false).",
  ),
  'm365.userSmtp': t(
    'Exchange Online avviste nøkkelen din for {mailbox} (535): administratoren gir appen {app} den delegerte tillatelsen SMTP.Send og slår på SMTP AUTH for postboksen (Set-CASMailbox -SmtpClientAuthenticationDisabled $false); kjør så trappa mail login på nytt.',
    'Exchange Online avviste nøkkelen din for {mailbox} (535): administratoren gjev appen {app} det delegerte løyvet SMTP.Send og slår på SMTP AUTH for postboksen (Set-CASMailbox -SmtpClientAuthenticationDisabled $false); køyr så trappa mail login på nytt.',
    'Exchange Online refused your token for {mailbox} (535): the administrator grants app {app} the delegated SMTP.Send permission and enables SMTP AUTH for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false); then run trappa mail login again.',
  ),
  'm365.appGraph': t(
    'Microsoft 365 lar ikke appen {app} sende som {mailbox} (403 ErrorAccessDenied): administratoren gir applikasjonstillatelsen Mail.Send med administratorsamtykke og tar {mailbox} med i appens application access policy eller RBAC for Applications (se README, Microsoft 365).',
    'Microsoft 365 let ikkje appen {app} sende som {mailbox} (403 ErrorAccessDenied): administratoren gjev applikasjonsløyvet Mail.Send med administratorsamtykke og tek {mailbox} med i application access policy eller RBAC for Applications for appen (sjå README, Microsoft 365).',
    "Microsoft 365 does not let app {app} send as {mailbox} (403 ErrorAccessDenied): the administrator grants the Mail.Send application permission with admin consent and includes {mailbox} in the app's application access policy or RBAC for Applications scope (see README, Microsoft 365).",
  ),
  'm365.userGraph': t(
    'Microsoft 365 lar ikke {user} sende gjennom appen {app} (403 ErrorAccessDenied): administratoren gir den delegerte tillatelsen Mail.Send (og samtykke) for appen (se README, Microsoft 365).',
    'Microsoft 365 let ikkje {user} sende gjennom appen {app} (403 ErrorAccessDenied): administratoren gjev det delegerte løyvet Mail.Send (og samtykke) for appen (sjå README, Microsoft 365).',
    'Microsoft 365 does not let {user} send through app {app} (403 ErrorAccessDenied): the administrator grants the delegated Mail.Send permission (and consent) for the app (see README, Microsoft 365).',
  ),
  'm365.notBearer': t(
    'Nøkkeltjenesten {url} svarte med en tilgangsnøkkel som ikke er en bearer-nøkkel (den har tegn som et linjeskift); den ble ikke brukt, og ingenting ble sendt. Sjekk TRAPPA_OAUTH_TOKEN_URL.',
    'Nøkkeltenesta {url} svara med ein tilgangsnøkkel som ikkje er ein bearer-nøkkel (han har teikn som eit linjeskift); han vart ikkje brukt, og ingenting vart sendt. Sjekk TRAPPA_OAUTH_TOKEN_URL.',
    'The token endpoint {url} answered with an access token that is not a bearer token (it holds characters such as a line break); it was not used and nothing was sent. Check TRAPPA_OAUTH_TOKEN_URL.',
  ),
  'm365.tooMuch': t(
    'Nøkkeltjenesten {url} svarte med mer enn {mb} MB; lesingen stoppet der. Sjekk at TRAPPA_OAUTH_TOKEN_URL / TRAPPA_OAUTH_TENANT peker på Microsoft Entra ID.',
    'Nøkkeltenesta {url} svara med meir enn {mb} MB; lesinga stoppa der. Sjekk at TRAPPA_OAUTH_TOKEN_URL / TRAPPA_OAUTH_TENANT peikar på Microsoft Entra ID.',
    'The token endpoint {url} answered with more than {mb} MB; reading stopped there. Check that TRAPPA_OAUTH_TOKEN_URL / TRAPPA_OAUTH_TENANT point at Microsoft Entra ID.',
  ),
  'm365.timeout': t(
    'Nøkkeltjenesten {url} svarte ikke i tide; sjekk nettverket og TRAPPA_OAUTH_TOKEN_URL / TRAPPA_OAUTH_TENANT.',
    'Nøkkeltenesta {url} svara ikkje i tide; sjekk nettverket og TRAPPA_OAUTH_TOKEN_URL / TRAPPA_OAUTH_TENANT.',
    'The token endpoint {url} did not answer in time; check the network and TRAPPA_OAUTH_TOKEN_URL / TRAPPA_OAUTH_TENANT.',
  ),
  'm365.unreachable': t(
    'Nøkkeltjenesten {url} kunne ikke nås; sjekk nettverket og TRAPPA_OAUTH_TOKEN_URL / TRAPPA_OAUTH_TENANT.',
    'Nøkkeltenesta {url} kunne ikkje nåast; sjekk nettverket og TRAPPA_OAUTH_TOKEN_URL / TRAPPA_OAUTH_TENANT.',
    'The token endpoint {url} could not be reached; check the network and TRAPPA_OAUTH_TOKEN_URL / TRAPPA_OAUTH_TENANT.',
  ),
};

const SIGN_IN = {
  // The code after invalid_grant (` AADSTS70008`) is Entra's own, kept as it came.
  'm365.expired': t(
    'Innloggingen til Microsoft 365 for {user} er utløpt eller trukket tilbake (invalid_grant{code}); kjør trappa mail login for å logge inn på nytt.',
    'Innlogginga til Microsoft 365 for {user} har gått ut eller er trekt tilbake (invalid_grant{code}); køyr trappa mail login for å logge inn på nytt.',
    'The Microsoft 365 sign-in of {user} has expired or was revoked (invalid_grant{code}); run trappa mail login to sign in again.',
  ),
};

const TOOLS = {
  'tool.notFound': t(
    '{tool} finnes ikke i PATH eller på de vanlige stedene. Installer det ({install}), eller sett {variable} til programfilen.',
    '{tool} finst ikkje i PATH eller på dei vanlege stadene. Installer det ({install}), eller set {variable} til programfila.',
    '{tool} not found on PATH or in the usual places. Install it ({install}), or set {variable} to the executable.',
  ),
  'tool.notExecutable': t(
    '{tool} finnes ikke: {variable}={value} er ikke en kjørbar fil. Rett {variable}, eller fjern den og installer programmet ({install}).',
    '{tool} finst ikkje: {variable}={value} er ikkje ei køyrbar fil. Rett {variable}, eller fjern han og installer programmet ({install}).',
    '{tool} not found: {variable}={value} is not an executable file. Fix {variable}, or unset it and install it ({install}).',
  ),
  'tool.noSlides': t(
    'Ingen lysbilder å sette på et kontaktark.',
    'Ingen lysbilete å setje på eit kontaktark.',
    'No slides to put on a contact sheet.',
  ),
  'tool.noPages': t(
    'pdftoppm laget ingen sider av {pdf}.',
    'pdftoppm laga ingen sider av {pdf}.',
    'pdftoppm rendered no pages from {pdf}.',
  ),
  'tool.noRender': t(
    'pdftoppm kunne ikke lage bilder av {pdf}.',
    'pdftoppm kunne ikkje lage bilete av {pdf}.',
    'pdftoppm could not render {pdf}.',
  ),
  'tool.noStart': t(
    'Kunne ikke starte LibreOffice ({soffice}).',
    'Kunne ikkje starte LibreOffice ({soffice}).',
    'Could not start LibreOffice ({soffice}).',
  ),
  'tool.twoInputs': t(
    'To filer ville begge blitt konvertert til {file}; gi dem ulike navn.',
    'To filer ville begge vorte konverterte til {file}; gje dei ulike namn.',
    'Two inputs would both be converted to {file}; give them different names.',
  ),
};

const VERSIONS = {
  'ver.noLine': t(
    "{file} har ingen '{key}:'-linje å oppdatere; legg til {key}: først",
    "{file} har inga '{key}:'-linje å oppdatere; legg til {key}: først",
    "{file} has no '{key}:' line to update; add {key}: first",
  ),
  'ver.historyList': t(
    "{file}: history må være en liste med én oppføring per linje ('- version: …') for at trappa bump skal kunne legge til",
    "{file}: history må vere ei liste med éi oppføring per linje ('- version: …') for at trappa bump skal kunne leggje til",
    "{file}: history must be a list of entries written one per line ('- version: …') for trappa bump to add to it",
  ),
  'ver.wrongKey': t(
    'entries.{key} ligger under feil nøkkel',
    'entries.{key} ligg under feil nøkkel',
    'entries.{key} is filed under the wrong key',
  ),
  'ver.inputPath': t(
    "må være en sti inne i data/, templates/ eller assets/ uten '..'",
    "må vere ein sti inne i data/, templates/ eller assets/ utan '..'",
    "must be a path inside data/, templates/ or assets/ without '..'",
  ),
  'ver.outputName': t(
    'må være navnet på en .pptx-fil rett i utdatamappen',
    'må vere namnet på ei .pptx-fil rett i utdatamappa',
    'must be the name of a .pptx file directly in the output folder',
  ),
  'ver.snapshotNoDeck': t(
    'kopien har ingen presentasjon {deck}',
    'kopien har ingen presentasjon {deck}',
    'the snapshot has no deck {deck}',
  ),
  'ver.noRoot': t(
    'kjør trappa i prosjektmappen, eller bruk --root',
    'køyr trappa i prosjektmappa, eller bruk --root',
    'run trappa in the project folder, or pass --root',
  ),
  'ver.noDataFolder': t(
    'mappen som er gitt med --data, finnes ikke',
    'mappa som er gjeven med --data, finst ikkje',
    'the folder given with --data does not exist',
  ),
  'ver.meetingDate': t(
    "møtet er {date}, men raden '{row}' i planen sier {other} ({file}:{line}); rett den som er utdatert",
    "møtet er {date}, men rada '{row}' i planen seier {other} ({file}:{line}); rett den som er utdatert",
    "the meeting is on {date}, but its plan row '{row}' says {other} ({file}:{line}); change the one that is out of date",
  ),
};

export const DELIVERY_TEXT = { ...ADDRESSES, ...SENDING, ...MICROSOFT, ...SIGN_IN, ...TOOLS, ...VERSIONS };
