/**
 * What the stages after the data say (a deck asked for by id, an organisation's template, a
 * picture's path, the slide templates' labels and helpers, the Studio's server, the built decks
 * `check` reads, a text too long for its place), read back from their English (read-back.ts),
 * found by the sweep (test/message-sweep.test.ts). A template package's problem is a message of
 * its own, said inside the line that names the file.
 */
import { t } from './entry.js';

const BUILD = {
  'out.noDeck': t(
    "ingen presentasjon med ID '{id}'; presentasjonene er: {known}",
    "ingen presentasjon med ID '{id}'; presentasjonane er: {known}",
    "no deck with id '{id}'; known decks: {known}",
  ),
  'out.noBuilt': t(
    'ingen bygde presentasjoner i {folder}/; kjør: trappa build',
    'ingen bygde presentasjonar i {folder}/; køyr: trappa build',
    'no built decks in {folder}/; run: trappa build',
  ),
  'out.noBuiltFile': t(
    'ingen bygd fil for {deck} i {folder}/ (bygd: {built}); kjør: trappa build --deck {id}',
    'inga bygd fil for {deck} i {folder}/ (bygd: {built}); køyr: trappa build --deck {id}',
    'no built file for {deck} in {folder}/ (built: {built}); run: trappa build --deck {id}',
  ),
  'out.notPptx': t(
    'ikke en lesbar .pptx-fil: «{detail}»',
    'ikkje ei lesbar .pptx-fil: «{detail}»',
    'not a readable .pptx file: {detail}',
  ),
  'out.tooLong': t(
    'teksten er for lang for plassen sin på lysbildet: selv med {pt} pt trenger den {need} in av {has} in; forkort den med omtrent {pct} %',
    'teksten er for lang for plassen sin på lysbiletet: sjølv med {pt} pt treng han {need} in av {has} in; kort han ned med om lag {pct} %',
    'the text is too long for its place on the slide: even at {pt} pt it needs {need} in of {has} in; shorten it by about {pct} %',
  ),
  'out.whatWhyTooLong': t(
    'teksten er for lang for lysbildet «{title}» selv med {pt} pt; forkort utsagnene med omtrent {pct} %',
    'teksten er for lang for lysbiletet «{title}» sjølv med {pt} pt; kort ned utsegnene med om lag {pct} %',
    'the text is too long for the slide "{title}" even at {pt} pt; shorten the statements by about {pct} %',
  ),
  'out.noTemplate': t(
    'ingen mal «{key}» for språket {language}; legg den til i slides.yaml',
    'ingen mal «{key}» for språket {language}; legg han til i slides.yaml',
    'no template "{key}" for language {language}; add it to slides.yaml',
  ),
  'out.notDate': t(
    '«{value}» er ikke en dato på formen 2004-02-04',
    '«{value}» er ikkje ein dato på forma 2004-02-04',
    '"{value}" is not a date in the form 2004-02-04',
  ),
  'out.helperDate': t(
    'hjelperen {helper} trenger en ISO-dato, men fikk {value}',
    'hjelparen {helper} treng ein ISO-dato, men fekk {value}',
    'the {helper} helper needs an ISO date, got {value}',
  ),
  'out.languageTag': t(
    'skal være et språkmerke som nb-NO',
    'skal vere eit språkmerke som nb-NO',
    'expected a language tag like nb-NO',
  ),
  'out.weekdays': t(
    'trenger de sju ukedagenes navn, søndag først',
    'treng namna på dei sju vekedagane, sundag først',
    'needs the seven weekday names, Sunday first',
  ),
  'out.months': t(
    'trenger de tolv månedenes navn, januar først',
    'treng namna på dei tolv månadene, januar først',
    'needs the twelve month names, January first',
  ),
  'out.shortMonths': t(
    'trenger de tolv korte månedsnavnene, januar først',
    'treng dei tolv korte månadsnamna, januar først',
    'needs the twelve short month names, January first',
  ),
};

const PICTURES = {
  'out.imageEmpty': t(
    'bildestien er tom; skriv en sti inne i assets/, f.eks. logos/isk.svg',
    'biletstien er tom; skriv ein sti inne i assets/, t.d. logos/isk.svg',
    'image path is empty; write a path inside assets/, e.g. logos/isk.svg',
  ),
  'out.imageAbsolute': t(
    '{file} er en absolutt sti; skriv stien relativt til assets/, f.eks. logos/isk.svg',
    '{file} er ein absolutt sti; skriv stien relativt til assets/, t.d. logos/isk.svg',
    '{file} is an absolute path; write the path relative to assets/, e.g. logos/isk.svg',
  ),
  'out.imageOutside': t(
    '{file} peker ut av assets/; kopier bildet inn i assets/ og vis til det derfra',
    '{file} peikar ut av assets/; kopier biletet inn i assets/ og vis til det derifrå',
    '{file} points outside assets/; copy the image into assets/ and refer to it from there',
  ),
  'out.imageLink': t(
    '{file} er en lenke til en fil utenfor assets/; kopier bildet inn i assets/ i stedet',
    '{file} er ei lenkje til ei fil utanfor assets/; kopier biletet inn i assets/ i staden',
    '{file} is a link to a file outside assets/; copy the image into assets/ instead',
  ),
  'out.imageBroken': t(
    '{file} er ikke et lesbart bilde (avkortet eller ødelagt)',
    '{file} er ikkje eit lesbart bilete (avkorta eller øydelagt)',
    '{file} is not a readable image (truncated or corrupt)',
  ),
  'out.imageHuge': t(
    '{file} er for stort til å behandles (over {n} megapiksler); skaler det ned',
    '{file} er for stort til å handsamast (over {n} megapikslar); skaler det ned',
    '{file} is too large to process (over {n} megapixels); scale it down',
  ),
  'out.fileIsFolder': t(
    'skal være en fil, men er en mappe',
    'skal vere ei fil, men er ei mappe',
    'expected a file, found a folder',
  ),
};

const FONTS = {
  'out.fontAbsolute': t(
    '{file} er en absolutt sti; skriv stien relativt til assets/fonts/, f.eks. FirmaSans-Regular.ttf',
    '{file} er ein absolutt sti; skriv stien relativt til assets/fonts/, t.d. FirmaSans-Regular.ttf',
    '{file} is an absolute path; write the path relative to assets/fonts/, e.g. FirmaSans-Regular.ttf',
  ),
  'out.fontOutside': t(
    '{file} peker ut av assets/fonts/; kopier skriftfilen inn i assets/fonts/',
    '{file} peikar ut av assets/fonts/; kopier skriftfila inn i assets/fonts/',
    '{file} points outside assets/fonts/; copy the font file into assets/fonts/',
  ),
  'out.fontNotFoundFor': t(
    'finner ikke skriftfilen: {file} (oppgitt for skriften «{face}»)',
    'finn ikkje skriftfila: {file} (oppgjeven for skrifta «{face}»)',
    'font file not found: {file} (given for the font "{face}")',
  ),
  // After the form naming the face, which it would take in.
  'out.fontNotFound': t(
    'finner ikke skriftfilen: {filePath}',
    'finn ikkje skriftfila: {filePath}',
    'font file not found: {filePath}',
  ),
  'out.fontFolder': t(
    '{file} er en mappe, ikke en skriftfil',
    '{file} er ei mappe, ikkje ei skriftfil',
    '{file} is a folder, not a font file',
  ),
  'out.fontUnusable': t(
    '{file} er ikke en brukbar skriftfil: «{detail}»',
    '{file} er ikkje ei brukande skriftfil: «{detail}»',
    '{file} is not a usable font file: {detail}',
  ),
  'out.fontUnreadable': t(
    'skriftfilen {file} kan ikke leses: «{detail}»',
    'skriftfila {file} kan ikkje lesast: «{detail}»',
    'cannot read the font file {file}: {detail}',
  ),
  'out.carlito': t(
    'assets/fonts/Carlito-Regular.ttf mangler i Trappa-installasjonen; installer Trappa på nytt',
    'assets/fonts/Carlito-Regular.ttf manglar i Trappa-installasjonen; installer Trappa på nytt',
    'assets/fonts/Carlito-Regular.ttf is missing from the Trappa installation; reinstall Trappa',
  ),
};

const TEMPLATE_PACKAGE = {
  'out.tplProblem': t(
    '{file}: {message}; lagre malen som .potx eller .pptx',
    '{file}: {message}; lagre malen som .potx eller .pptx',
    '{file} {message}; save the template as .potx or .pptx',
  ),
  'out.tplPart': t(
    '{file}: delen {part}: {message}',
    '{file}: delen {part}: {message}',
    '{file}: the part {part} {message}',
  ),
  'out.tplNoMaster': t(
    '{file} har ingen lysbildemaster; lagre den fra PowerPoint eller LibreOffice Impress som .potx',
    '{file} har ingen lysbiletmaster; lagre han frå PowerPoint eller LibreOffice Impress som .potx',
    '{file} has no slide master; save it from PowerPoint or LibreOffice Impress as .potx',
  ),
  'out.tplNotTemplate': t(
    '{file} er ikke en .potx- eller .pptx-mal',
    '{file} er ikkje ein .potx- eller .pptx-mal',
    '{file} is not a .potx or .pptx template',
  ),
  'out.zipCut': t(
    'er avkortet (zip-filen er kuttet)',
    'er avkorta (zip-fila er kutta)',
    'is cut short (the zip is truncated)',
  ),
  'out.zipDirectory': t(
    'er skadet: den sentrale katalogen er avkortet',
    'er skadd: den sentrale katalogen er avkorta',
    'is damaged: its central directory is cut short',
  ),
  'out.zipOffset': t(
    'er skadet: en størrelse eller posisjon i den peker forbi slutten',
    'er skadd: ein storleik eller posisjon i han peikar forbi slutten',
    'is damaged: a size or offset in it points past its end',
  ),
  'out.zipHeader': t(
    'er skadet: den lokale overskriften mangler',
    'er skadd: den lokale overskrifta manglar',
    'is damaged: its local header is missing',
  ),
  'out.zipChecksum': t(
    'er skadet (størrelsen eller kontrollsummen er en annen enn zip-filen oppgir)',
    'er skadd (storleiken eller kontrollsummen er ein annan enn zip-fila oppgjev)',
    'is damaged (its size or checksum differs from what the zip declares)',
  ),
  'out.zipEncrypted': t('er kryptert', 'er kryptert', 'is encrypted'),
  'out.zipMethod': t(
    'er komprimert med metode {n}, som Office aldri bruker',
    'er komprimert med metode {n}, som Office aldri brukar',
    'is compressed with method {n}, which Office never uses',
  ),
  'out.zipInflates': t(
    'blir større enn grensen på {limit} når den pakkes ut (TRAPPA_MAX_TEMPLATE_MB hever den)',
    'blir større enn grensa på {limit} når han vert pakka ut (TRAPPA_MAX_TEMPLATE_MB hevar ho)',
    'inflates past the limit of {limit} (TRAPPA_MAX_TEMPLATE_MB raises it)',
  ),
  'out.zipTwice': t(
    'delene som leses, blir større enn to ganger grensen på {limit} (TRAPPA_MAX_TEMPLATE_MB hever den)',
    'delane som vert lesne, blir større enn to gonger grensa på {limit} (TRAPPA_MAX_TEMPLATE_MB hevar ho)',
    'takes the parts read past twice the limit of {limit} (TRAPPA_MAX_TEMPLATE_MB raises it)',
  ),
  'out.partMissing': t('mangler', 'manglar', 'is missing'),
  'out.partNotXml': t('er ikke velformet XML', 'er ikkje velforma XML', 'is not well-formed XML'),
  'out.encoding': t(
    'oppgir tegnkodingen {encoding}; OPC tillater bare UTF-8 og UTF-16',
    'oppgjev teiknkodinga {encoding}; OPC tillèt berre UTF-8 og UTF-16',
    'declares the encoding {encoding}; OPC allows only UTF-8 and UTF-16',
  ),
};

const STUDIO = {
  'out.portInUse': t(
    'port {port} er i bruk; velg en annen med --port, eller la være å gi --port for å få en ledig',
    'port {port} er i bruk; vel ein annan med --port, eller la vere å gje --port for å få ein ledig',
    'port {port} is in use; choose another with --port, or leave --port out to take a free one',
  ),
  'out.portDenied': t(
    'port {port} kan ikke brukes av denne brukeren; velg en over 1023 med --port',
    'port {port} kan ikkje brukast av denne brukaren; vel ein over 1023 med --port',
    'port {port} may not be used by this user; choose one above 1023 with --port',
  ),
  'out.noToken': t(
    'ingen nøkkel: åpne adressen trappa studio skrev ut',
    'ingen nøkkel: opne adressa trappa studio skreiv ut',
    'no token: open the address printed by trappa studio',
  ),
  'out.stopping': t(
    'Studio stopper; last inn siden på nytt når det kjører igjen',
    'Studio stoppar; last inn sida på nytt når det køyrer igjen',
    'the Studio is stopping; reload the page once it runs again',
  ),
};

const MORE = {
  'out.noTitleLayout': t(
    'malen {origin} har ingen oppsett med plassholder for tittel, så ingen lysbilder kan få tittel; oppsettene: {layouts}',
    'malen {origin} har ikkje noko oppsett med plasshaldar for tittel, så ingen lysbilete kan få tittel; oppsetta: {layouts}',
    'the template {origin} has no layout with a title placeholder, so no slide can have a title; its layouts: {layouts}',
  ),
  'out.noRoleLayout': t(
    "malen {origin} har ikke oppsettet '{name}' med plassholder for tittel til {role}-lysbilder; oppsettene: {layouts}. Velg ett av dem under `layouts.{role}` i theme.yaml, eller ta bort `layouts.{role}`",
    "malen {origin} har ikkje oppsettet '{name}' med plasshaldar for tittel til {role}-lysbilete; oppsetta: {layouts}. Vel eitt av dei under `layouts.{role}` i theme.yaml, eller ta bort `layouts.{role}`",
    "the template {origin} has no layout '{name}' with a title placeholder for {role} slides; its layouts: {layouts}. Name one of them under layouts.{role} in theme.yaml, or leave layouts.{role} out",
  ),
  'out.titleTwice': t(
    'tittelen {title} er også tittelen på lysbilde {n}',
    'tittelen {title} er òg tittelen på lysbilete {n}',
    "the title {title} is also slide {n}'s title",
  ),
  'out.sizeOrder': t(
    '{floor} {floorSize} er større enn {size} {sizeSize}; teksten krymper fra {size} ned til {floor}, så sett {floor} til høyst {sizeSize}',
    '{floor} {floorSize} er større enn {size} {sizeSize}; teksten krymper frå {size} ned til {floor}, så set {floor} til høgst {sizeSize}',
    '{floor} {floorSize} is larger than {size} {sizeSize}; text shrinks from {size} down to {floor}, so make {floor} at most {sizeSize}',
  ),
  'out.notSaved': t(
    'Ingenting ble lagret, heller ikke de(n) {n} presentasjonen(e) som besto.',
    'Ingenting vart lagra, heller ikkje den/dei {n} presentasjonen(e) som stod.',
    'Nothing was saved, also not the {n} deck(s) that passed.',
  ),
  'out.badXml': t(
    'presentasjonen ville fått XML som ikke er velformet (en feil i Trappa; ingenting ble skrevet): «{detail}»',
    'presentasjonen ville fått XML som ikkje er velforma (ein feil i Trappa; ingenting vart skrive): «{detail}»',
    'the deck would contain XML that is not well-formed (a bug in Trappa; nothing was written): {detail}',
  ),
  'out.convertTimeout': t(
    '{message}: ikke noe resultat etter {s} s, stoppet den.',
    '{message}: ikkje noko resultat etter {s} s, stoppa han.',
    '{message}: no result after {s} s, killed it.',
  ),
  'out.convertNothing': t(
    '{message}: den skrev ingen {file}.',
    '{message}: han skreiv ingen {file}.',
    '{message}: it wrote no {file}.',
  ),
  'out.convertExit': t(
    '{message} (avslutningskode {code}).',
    '{message} (avslutningskode {code}).',
    '{message} (exit code {code}).',
  ),
  'out.convert': t(
    'LibreOffice kunne ikke konvertere {files} til {format}',
    'LibreOffice kunne ikkje konvertere {files} til {format}',
    'LibreOffice could not convert {files} to {format}',
  ),
};

const SEND_REPORT = {
  'report.taken': t(
    'en annen trappa send tok denne mottakeren samtidig',
    'ein annan trappa send tok denne mottakaren samtidig',
    'another trappa send took this recipient at the same time',
  ),
  'report.gaveUpWait': t(
    'ga opp: tjeneren ba om å vente {s} s til; send igjen senere',
    'gav opp: tenaren bad om å vente {s} s til; send igjen seinare',
    'gave up: the server asked to wait {s} s more; send again later',
  ),
  'report.notAttemptedBecause': t('ikke forsøkt: {message}', 'ikkje prøvd: {message}', 'not attempted: {message}'),
  'report.notAttempted': t('ikke forsøkt', 'ikkje prøvd', 'not attempted'),
  'report.noDraft': t('Graph laget ingen utkast-ID', 'Graph laga ingen utkast-ID', 'Graph created no draft id'),
  'report.noUpload': t(
    'Graph åpnet ingen opplastingsøkt',
    'Graph opna ingen opplastingsøkt',
    'Graph opened no upload session',
  ),
  'report.noRequest': t(
    'Trappa kunne ikke lage forespørselen til Graph',
    'Trappa kunne ikkje lage førespurnaden til Graph',
    'Trappa could not build the request to Graph',
  ),
  'report.graphTimeout': t(
    'ikke noe svar fra Microsoft Graph innen {s} s',
    'ikkje noko svar frå Microsoft Graph innan {s} s',
    'no answer from Microsoft Graph within {s} s',
  ),
};

const LAST = {
  'fit.tableFooterWhy': t(
    'tabellens {n} rader slutter på {bottom}, under bunnteksten på {limit}; {message}',
    'dei {n} radene i tabellen sluttar på {bottom}, under botnteksten på {limit}; {message}',
    "the table's {n} rows end at {bottom}, below the footer at {limit}; {message}",
  ),
  'fit.tableEdgeWhy': t(
    'tabellens {n} rader slutter på {bottom}, under nedre kant av lysbildet på {limit}; {message}',
    'dei {n} radene i tabellen sluttar på {bottom}, under nedre kant av lysbiletet på {limit}; {message}',
    "the table's {n} rows end at {bottom}, below the slide's bottom edge at {limit}; {message}",
  ),
  'fit.tableFooter': t(
    'tabellens {n} rader slutter på {bottom}, under bunnteksten på {limit}',
    'dei {n} radene i tabellen sluttar på {bottom}, under botnteksten på {limit}',
    "the table's {n} rows end at {bottom}, below the footer at {limit}",
  ),
  'fit.tableEdge': t(
    'tabellens {n} rader slutter på {bottom}, under nedre kant av lysbildet på {limit}',
    'dei {n} radene i tabellen sluttar på {bottom}, under nedre kant av lysbiletet på {limit}',
    "the table's {n} rows end at {bottom}, below the slide's bottom edge at {limit}",
  ),
  'fit.rowsGrow': t(
    '{n} {n|rad|rader} vokser for å få plass til teksten (først: rad {row}, {height})',
    '{n} {n|rad|rader} veks for å få plass til teksten (først: rad {row}, {height})',
    '{n} {n|row|rows} grow to fit their text (first: row {row}, {height})',
  ),
  'fit.unwrappedAt': t(
    'en linje uten linjeskift er {width} bred med {sizes}, men feltet har {frame}',
    'ei linje utan linjeskift er {width} brei med {sizes}, men feltet har {frame}',
    'an unwrapped line is {width} wide at {sizes} but the frame has {frame}',
  ),
  'fit.unwrapped': t(
    'en linje uten linjeskift er {width} bred, men feltet har {frame}',
    'ei linje utan linjeskift er {width} brei, men feltet har {frame}',
    'an unwrapped line is {width} wide but the frame has {frame}',
  ),
  'out.absorbInvalid': t(
    'endringene ville gjort {file} ugyldig, så ingenting ble skrevet:',
    'endringane ville gjort {file} ugyldig, så ingenting vart skrive:',
    'the edits would make {file} invalid, so nothing was written:',
  ),
  'out.absorbNotTrappa': t(
    '{message}; trappa absorb tar en .pptx skrevet av trappa build (TrappaDeck i egenskapene)',
    '{message}; trappa absorb tek ein .pptx skriven av trappa build (TrappaDeck i eigenskapane)',
    '{message}; trappa absorb takes a .pptx written by trappa build (TrappaDeck in its properties)',
  ),
  'out.linkOutside': t(
    "'{path}' er en lenke som peker ut av {folder}",
    "'{path}' er ei lenkje som peikar ut av {folder}",
    "'{path}' is a link that leads outside {folder}",
  ),
  'out.absoluteOnlyInside': t(
    "'{path}' er en absolutt sti; bare stier inne i {folder} er tillatt",
    "'{path}' er ein absolutt sti; berre stiar inne i {folder} er tillatne",
    "'{path}' is an absolute path; only paths inside {folder} are allowed",
  ),
  'out.isEmpty': t('er tom', 'er tom', 'is empty'),
  'out.noRoot': t(
    'dokumentet har ikke noe rotelement',
    'dokumentet har ikkje noko rotelement',
    'the document has no root element',
  ),
  'out.notValidText': t(
    'er ikke gyldig {encoding}-tekst',
    'er ikkje gyldig {encoding}-tekst',
    'is not valid {encoding} text',
  ),
  'out.cannotBeRead': t('kan ikke leses ({code})', 'kan ikkje lesast ({code})', 'cannot be read ({code})'),
  'report.otherContent': t(
    'fikk versjon {version} med annet innhold {time}; lag en ny versjon, eller bruk --resend',
    'fekk versjon {version} med anna innhald {time}; lag ein ny versjon, eller bruk --resend',
    'got version {version} with other content {time}; raise the version, or --resend',
  ),
  'report.handedOver': t(
    'levert som {id}, uten svar («{detail}»); den kan ha kommet fram',
    'levert som {id}, utan svar («{detail}»); han kan ha kome fram',
    'handed over as {id}, no answer ({detail}); it may have arrived',
  ),
  'report.handedBefore': t(
    'levert til tjeneren {time} som {id} uten at noe svar ble registrert; den kan ha kommet fram. Sjekk, og bruk så --resend-uncertain',
    'levert til tenaren {time} som {id} utan at noko svar vart registrert; han kan ha kome fram. Sjekk, og bruk så --resend-uncertain',
    'handed to the server {time} as {id} with no answer recorded; it may have arrived. Check, then --resend-uncertain',
  ),
};

export const OUTPUT_TEXT = {
  ...BUILD,
  ...PICTURES,
  ...FONTS,
  ...TEMPLATE_PACKAGE,
  ...STUDIO,
  ...MORE,
  ...SEND_REPORT,
  ...LAST,
};
