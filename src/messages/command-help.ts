/** Each command's description and its options' and arguments' help, in bokmål, nynorsk and English. */
import { t } from './entry.js';

const deckIds = (nb: string, nn: string, en: string) =>
  t(`id-en til presentasjonen(e) som skal ${nb}`, `id-en til presentasjonen(e) som skal ${nn}`, `deck id(s) to ${en}`);

export const COMMAND_HELP = {
  'build.desc': t(
    'bygg presentasjoner (alle, med mindre --deck er gitt)',
    'bygg presentasjonar (alle, med mindre --deck er gjeve)',
    'build decks (all of them unless --deck is given)',
  ),
  'build.deck': deckIds('bygges', 'byggjast', 'build'),
  'build.all': t(
    'bygg alle presentasjonene i data/decks (standard)',
    'bygg alle presentasjonane i data/decks (standard)',
    'build every deck in data/decks (the default)',
  ),
  'build.watch': t(
    'bygg på nytt hver gang noe i data/, templates/ eller assets/ endres (Ctrl+C stopper)',
    'bygg på nytt kvar gong noko i data/, templates/ eller assets/ vert endra (Ctrl+C stoppar)',
    'rebuild whenever data/, templates/ or assets/ change (Ctrl+C to stop)',
  ),
  'build.pdf': t(
    'lag også en universelt utformet PDF ved siden av hver presentasjon (PDF/A-2b, PDF/UA-1; krever LibreOffice)',
    'lag òg ein universelt utforma PDF ved sida av kvar presentasjon (PDF/A-2b, PDF/UA-1; krev LibreOffice)',
    'also write an accessible PDF beside each deck (PDF/A-2b, PDF/UA-1; needs LibreOffice)',
  ),
  'build.overwrite': t(
    'erstatt en frigitt eller sendt versjon med annet innhold',
    'byt ut ein frigjeven eller send versjon med anna innhald',
    'replace a released or sent version with different content',
  ),
  'build.fromRelease': t(
    'bygg en frigitt presentasjon på nytt fra dataene den ble frigitt med: storledermote@0.2, eller en mappe under output/releases',
    'bygg ein frigjeven presentasjon på nytt frå dataa han vart frigjeven med: storledermote@0.2, eller ei mappe under output/releases',
    'rebuild a released deck from its input snapshot: storledermote@0.2, or a release folder',
  ),
  'check.desc': t(
    'kontroller bygde presentasjoner: tekst som ikke får plass, titler, alternativ tekst, tabelloverskrifter, kontrast, tekststørrelse, språk, filpakken',
    'kontroller bygde presentasjonar: tekst som ikkje får plass, titlar, alternativ tekst, tabelloverskrifter, kontrast, tekststorleik, språk, filpakken',
    'check built decks: text that overflows, titles, alt text, table headers, contrast, text size, language, package',
  ),
  'check.files': t(
    '.pptx-filer som skal kontrolleres (standard: den nyeste bygde filen av hver presentasjon i mappen for ferdige filer)',
    '.pptx-filer som skal kontrollerast (standard: den nyaste bygde fila av kvar presentasjon i mappa for ferdige filer)',
    '.pptx files to check (default: the newest built file of each deck in the output folder)',
  ),
  'check.deck': deckIds('kontrolleres', 'kontrollerast', 'check'),
  'check.all': t(
    'kontroller alle bygde presentasjoner (standard)',
    'kontroller alle bygde presentasjonar (standard)',
    'check every built deck (the default)',
  ),
  'check.json': t('skriv funnene som JSON', 'skriv funna som JSON', 'print the findings as JSON'),
  'preview.desc': t(
    'lag bilder (PNG) av bygde presentasjoner og et oversiktsark (krever LibreOffice og pdftoppm)',
    'lag bilete (PNG) av bygde presentasjonar og eit oversiktsark (krev LibreOffice og pdftoppm)',
    'render built decks to PNGs and a contact sheet (needs LibreOffice and pdftoppm)',
  ),
  'preview.deck': t(
    'id-en til presentasjonen(e) som skal vises (standard: alle bygde)',
    'id-en til presentasjonen(e) som skal visast (standard: alle bygde)',
    'deck id(s) to preview (default: every built deck)',
  ),
  'preview.all': t(
    'vis alle bygde presentasjoner (standard)',
    'vis alle bygde presentasjonar (standard)',
    'preview every built deck (the default)',
  ),
  'preview.dpi': t(
    'oppløsningen på bildene av lysbildene, 10–600',
    'oppløysinga på bileta av lysbileta, 10–600',
    'resolution of the slide PNGs, 10–600',
  ),
  'preview.fast': t(
    'ett SVG-bilde per lysbilde fra Trappas egen utforming, på millisekunder, uten LibreOffice og uten bygging',
    'eitt SVG-bilete per lysbilete frå Trappa si eiga utforming, på millisekund, utan LibreOffice og utan bygging',
    "an SVG per slide from Trappa's own layout, in milliseconds, without LibreOffice or a build",
  ),
  'preview.png': t(
    'med --fast: også et PNG-bilde per lysbilde, med --dpi (tregere enn SVG-bildene)',
    'med --fast: òg eit PNG-bilete per lysbilete, med --dpi (seinare enn SVG-bileta)',
    'with --fast: also a PNG per slide, at --dpi (sharp; slower than the SVGs themselves)',
  ),
  'preview.watch': t(
    'med --fast: tegn lysbildene på nytt ved hver endring (Ctrl+C stopper)',
    'med --fast: teikn lysbileta på nytt ved kvar endring (Ctrl+C stoppar)',
    'with --fast: draw the slides again on every change (Ctrl+C to stop)',
  ),
  'send.desc': t(
    'send bygde presentasjoner på e-post til mottakerlistene deres (SMTP eller Microsoft Graph; innstillinger fra TRAPPA_*-variabler, se README)',
    'send bygde presentasjonar på e-post til mottakarlistene deira (SMTP eller Microsoft Graph; innstillingar frå TRAPPA_*-variablar, sjå README)',
    'e-mail built decks to their distribution lists (SMTP or Microsoft Graph; settings from TRAPPA_* variables, see README)',
  ),
  'send.deck': deckIds('sendes', 'sendast', 'send'),
  'send.all': t(
    'send alle presentasjoner som har en mottakerliste',
    'send alle presentasjonar som har ei mottakarliste',
    'send every deck that has a distribution list',
  ),
  'send.dryRun': t(
    'vis hvem som ville fått hva, og send ingenting',
    'vis kven som ville fått kva, og send ingenting',
    'print who would get what, and send nothing',
  ),
  'send.resend': t(
    'send på nytt til mottakere som allerede har fått denne versjonen',
    'send på nytt til mottakarar som alt har fått denne versjonen',
    'send again to recipients who already got this version',
  ),
  'send.resendUncertain': t(
    'send på nytt, med samme Message-ID, meldinger der det er ukjent om de kom fram (etter et krasj)',
    'send på nytt, med same Message-ID, meldingar der det er ukjent om dei kom fram (etter eit krasj)',
    'send again, with the same Message-ID, messages whose delivery is unknown (after a crash)',
  ),
  'send.maxSize': t(
    'største samlede størrelse på vedleggene i én e-post, i MB (standard 10, eller TRAPPA_MAIL_MAX_SIZE_MB)',
    'største samla storleik på vedlegga i éin e-post, i MB (standard 10, eller TRAPPA_MAIL_MAX_SIZE_MB)',
    'largest e-mail attachments per message, in MB (default 10, or TRAPPA_MAIL_MAX_SIZE_MB)',
  ),
  'draft.desc': t(
    'skriv et e-postutkast (.eml) per presentasjon, til å åpne og sende fra Outlook',
    'skriv eit e-postutkast (.eml) per presentasjon, til å opne og sende frå Outlook',
    'write an .eml draft per deck (X-Unsent: 1) to open and send from Outlook',
  ),
  'draft.deck': t('id-en til presentasjonen(e)', 'id-en til presentasjonen(e)', 'deck id(s)'),
  'draft.all': t(
    'alle presentasjoner som har en mottakerliste',
    'alle presentasjonar som har ei mottakarliste',
    'every deck that has a distribution list',
  ),
  'list.desc': t(
    'vis presentasjonene med målgruppe, møte og sist bygde versjon',
    'vis presentasjonane med målgruppe, møte og sist bygde versjon',
    'list the decks with their audiences, meetings and last built version',
  ),
  'list.json': t('skriv listen som JSON', 'skriv lista som JSON', 'print the list as JSON'),
  'release.desc': t(
    'frys denne versjonen av presentasjonene (alle, med mindre --deck er gitt): bygg dem, ta vare på dataene de ble bygd av, og merk dem som frigitt',
    'frys denne versjonen av presentasjonane (alle, med mindre --deck er gjeve): bygg dei, ta vare på dataa dei vart bygde av, og merk dei som frigjevne',
    'freeze the current version of the decks (all unless --deck is given): build, keep their inputs, mark them released',
  ),
  'release.deck': deckIds('frigis', 'frigjevast', 'release'),
  'release.all': t(
    'frigi alle presentasjonene (standard)',
    'frigje alle presentasjonane (standard)',
    'release every deck (the default)',
  ),
  'bump.desc': t(
    'sett en ny versjon av strategien i data/strategy.yaml og før den inn i historikken',
    'set ein ny versjon av strategien i data/strategy.yaml og før han inn i historikken',
    'set a new strategy version in data/strategy.yaml and add it to the history',
  ),
  'bump.version': t(
    'den nye versjonen, høyere enn den gjeldende, f.eks. 0.3 eller 1.0',
    'den nye versjonen, høgare enn den gjeldande, t.d. 0.3 eller 1.0',
    'the new version, greater than the current one, e.g. 0.3 or 1.0',
  ),
  'bump.note': t(
    'hva som er endret (gjenta for flere linjer)',
    'kva som er endra (gjenta for fleire linjer)',
    'what changed (repeat for more lines)',
  ),
  'bump.date': t(
    'datoen for den nye versjonen (standard: i dag)',
    'datoen for den nye versjonen (standard: i dag)',
    'date of the new version (default: today)',
  ),
  'migrate.desc': t(
    'skriv om eldre former av felt i data/strategy.yaml til de nye, og behold kommentarene',
    'skriv om eldre former av felt i data/strategy.yaml til dei nye, og behald kommentarane',
    'rewrite older forms of fields in data/strategy.yaml into the newer ones, keeping comments',
  ),
  'migrate.dryRun': t(
    'vis endringen linje for linje; skriv ingenting',
    'vis endringa linje for linje; skriv ingenting',
    'print the change as a diff; write nothing',
  ),
  'studio.desc': t(
    'rediger strategien på en nettside på denne maskinen, med lysbildene til hver presentasjon oppdatert ved siden av',
    'rediger strategien på ei nettside på denne maskina, med lysbileta til kvar presentasjon oppdaterte ved sida av',
    "edit the strategy in a local web page, with every deck's slides live beside it (127.0.0.1 only)",
  ),
  'studio.port': t(
    'porten Studio lytter på (standard: en ledig port)',
    'porten Studio lyttar på (standard: ein ledig port)',
    'port to listen on (default: any free port)',
  ),
  'studio.noOpen': t(
    'ikke åpne nettleseren; bare skriv ut adressen',
    'ikkje opne nettlesaren; berre skriv ut adressa',
    'do not open the browser; just print the address',
  ),
  'absorb.desc': t(
    'ta endringer gjort i PowerPoint inn i dataene (strategi, presentasjon, formuleringer)',
    'ta endringar gjorde i PowerPoint inn i dataa (strategi, presentasjon, formuleringar)',
    'bring edits made in PowerPoint back into the data (strategy, deck, wording)',
  ),
  'absorb.file': t(
    'en presentasjon laget av trappa build, redigert og lagret i PowerPoint eller LibreOffice',
    'ein presentasjon laga av trappa build, redigert og lagra i PowerPoint eller LibreOffice',
    'a deck written by trappa build, edited and saved in PowerPoint or LibreOffice',
  ),
  'absorb.dryRun': t(
    'vis endringene i datafilene linje for linje, og skriv ingenting',
    'vis endringane i datafilene linje for linje, og skriv ingenting',
    'show the YAML changes as a diff and write nothing',
  ),
  'absorb.take': t(
    'ved konflikt: deck (presentasjonen vinner) eller data (dataene vinner) for alle, eller FELT=deck|data (kan gjentas)',
    'ved konflikt: deck (presentasjonen vinn) eller data (dataa vinn) for alle, eller FELT=deck|data (kan gjentakast)',
    'for conflicts: deck or data (all), or FIELD=deck|data (repeatable)',
  ),
  'mail.desc': t(
    'logg inn i Microsoft 365 som deg selv, for å sende med TRAPPA_OAUTH_FLOW=delegated',
    'logg inn i Microsoft 365 som deg sjølv, for å sende med TRAPPA_OAUTH_FLOW=delegated',
    'sign in to Microsoft 365 as yourself, to send with TRAPPA_OAUTH_FLOW=delegated',
  ),
  'mail.login': t(
    'logg inn med en kode du skriver inn i en nettleser; innloggingen lagres i maskinens passordlager',
    'logg inn med ein kode du skriv inn i ein nettlesar; innlogginga vert lagra i passordlageret på maskina',
    'sign in with a code entered in any browser (device code); the sign-in is kept in the OS credential store',
  ),
  'mail.logout': t(
    'glem innloggingen i maskinens passordlager',
    'gløym innlogginga i passordlageret på maskina',
    'forget the sign-in kept in the OS credential store',
  ),
  'mail.whoami': t(
    'vis hvem som er logget inn, etter å ha sjekket med Microsoft 365 at innloggingen fortsatt virker',
    'vis kven som er logga inn, etter å ha sjekka med Microsoft 365 at innlogginga framleis verkar',
    'show who is signed in, after checking with Microsoft 365 that the sign-in still works',
  ),
  'diff.desc': t(
    'tekstene som er endret, lagt til og fjernet på hvert lysbilde mellom to versjoner av en presentasjon',
    'tekstane som er endra, lagde til og fjerna på kvart lysbilete mellom to versjonar av ein presentasjon',
    'the texts changed, added and removed per slide between two versions of a deck',
  ),
  'diff.a': t(
    'presentasjon@versjon (frigitt eller sendt), id-en til en presentasjon (dataene slik de er nå), en .pptx eller en datamappe',
    'presentasjon@versjon (frigjeven eller send), id-en til ein presentasjon (dataa slik dei er no), ein .pptx eller ei datamappe',
    'deck@version (released or sent), a deck id (the working data), a .pptx or a data folder',
  ),
  'diff.b': t(
    'det samme; standard: dataene til presentasjonen i A slik de er nå',
    'det same; standard: dataa til presentasjonen i A slik dei er no',
    'the same kinds; default: the working data of the deck in A',
  ),
  'diff.html': t(
    'skriv også de to versjonene side om side som en nettside',
    'skriv òg dei to versjonane side om side som ei nettside',
    'also write the two versions side by side as a web page',
  ),
  'diff.sinceSent': t(
    'sammenlign dataene slik de er nå med det målgruppen sist fikk',
    'samanlikn dataa slik dei er no med det målgruppa sist fekk',
    "compare the working data with what the deck's audience last received",
  ),
  'template.desc': t(
    'vis hva Trappa ser i en PowerPoint-mal (.potx/.pptx): oppsett og lysbildene de får, skrifter, farger',
    'vis kva Trappa ser i ein PowerPoint-mal (.potx/.pptx): oppsett og lysbileta dei får, skrifter, fargar',
    'show what Trappa sees in a .potx/.pptx template: layouts and their slides, fonts, colours',
  ),
  'template.file': t('malen (.potx, .pptx)', 'malen (.potx, .pptx)', 'the template (.potx, .pptx)'),
  'template.json': t('skriv rapporten som JSON', 'skriv rapporten som JSON', 'print the report as JSON'),
  'template.sheet': t(
    'bygg også prosjektets lysbilder på malen og lag et oversiktsark i <mappe>',
    'bygg òg lysbileta til prosjektet på malen og lag eit oversiktsark i <mappe>',
    "also build the project's slides on it and write a contact sheet into <dir>",
  ),
};
