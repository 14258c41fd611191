/**
 * The deck checks' rarer findings (src/check/rules/): language tags, the texts' language,
 * design rules, the package's structure, legends, whole words. The rules say them as values
 * (`said(key, values)`), so the reader's language words them; their English is the finding's
 * `message`. The common findings are in check-forms.ts.
 */
import { t } from './entry.js';

export const CHECK_TEXT = {
  'find.untagged': t(
    '{n} {n|tekstbit|tekstbiter} mangler språkmerke (første: {first})',
    '{n} {n|tekstbit|tekstbitar} manglar språkmerke (første: {first})',
    '{n} {n|run|runs} of text {n|has|have} no language tag (first: {first})',
  ),
  'find.otherTag': t(
    'teksten er merket {lang}, ikke {expected} ({text})',
    'teksten er merkt {lang}, ikkje {expected} ({text})',
    'text is tagged {lang}, not {expected} ({text})',
  ),
  'find.textLanguage': t(
    'teksten på lysbildet ser ut som {language}, men presentasjonen er merket {tag} ({expected}); gi tekstene en oversettelse ({code}), eller sett presentasjonens språk (language: {found})',
    'teksten på lysbiletet ser ut som {language}, men presentasjonen er merkt {tag} ({expected}); gje tekstane ei omsetjing ({code}), eller set språket til presentasjonen (language: {found})',
    "the slide's text reads as {language}, but the deck is tagged {tag} ({expected}); give the texts {code} translations, or set the deck's language: {found}",
  ),
  'find.continuation': t(
    'denne fortsettelsen av «{base}» bruker {share} % av innholdsflaten på lysbildet (minst {min} % forventes); fordel innholdet på lysbildene på nytt',
    'denne fortsetjinga av «{base}» brukar {share} % av innhaldsflata på lysbiletet (minst {min} % er venta); fordel innhaldet på lysbileta på nytt',
    'this continuation of "{base}" uses {share} % of the slide\'s content area (at least {min} % expected); rebalance the slides instead',
  ),
  'find.sparseShrunk': t(
    'teksten er {size}, under brødtekststørrelsen {body}, selv om innholdet bare bruker {share} % av lysbildet',
    'teksten er {size}, under brødtekststorleiken {body}, sjølv om innhaldet berre brukar {share} % av lysbiletet',
    'the text is {size}, below the body size {body}, though the content uses only {share} % of the slide',
  ),
  'find.sparse': t(
    '{share} % av innholdsflaten på lysbildet er tom i ett strekk (høyst to tredeler forventes); gjør innholdet større eller midtstilt, eller slå det sammen med et annet lysbilde',
    '{share} % av innhaldsflata på lysbiletet er tom i eitt strekk (høgst to tredelar er venta); gjer innhaldet større eller midtstilt, eller slå det saman med eit anna lysbilete',
    "{share} % of the slide's content area is empty in one stretch (at most two thirds expected); set the content larger or centred, or join it with another slide",
  ),
  'find.sparseCover': t(
    '{share} % av forsiden er tom i ett strekk (høyst 55 % forventes): tittelen og linjene under står ikke midt på; gjør tittelen større, eller flytt den og linjene mot midten',
    '{share} % av framsida er tom i eitt strekk (høgst 55 % er venta): tittelen og linjene under står ikkje midt på; gjer tittelen større, eller flytt han og linjene mot midten',
    '{share} % of the cover is empty in one stretch (at most 55 % expected): its title and lines do not stand around the middle; set the title larger, or move it and the lines towards the middle',
  ),
  'find.overlap': t(
    'overlapper {other} med {w} × {h}',
    'overlappar {other} med {w} × {h}',
    'overlaps {other} by {w} × {h}',
  ),
  'find.edge': t(
    'teksten er {gap} fra {side} kant av lysbildet; hold minst {need} avstand',
    'teksten er {gap} frå {side} kant av lysbiletet; hald minst {need} avstand',
    "its text is {gap} from the slide's {side} edge; keep at least {need}",
  ),
  'find.rowHeight': t(
    '{n} {n|rad er|rader er} høyere enn teksten (første: rad {row} er {height}, teksten trenger {need})',
    '{n} {n|rad er|rader er} høgare enn teksten (første: rad {row} er {height}, teksten treng {need})',
    '{n} {n|row is|rows are} taller than their text (first: row {row} is {height}, its text needs {need})',
  ),
  'find.notXml': t(
    'er ikke gyldig XML: «{error}»',
    'er ikkje gyldig XML: «{error}»',
    'is not well-formed XML: {error}',
  ),
  'find.relTarget': t(
    'relasjonen {id} peker til {target}, som ikke finnes i pakken',
    'relasjonen {id} peikar til {target}, som ikkje finst i pakken',
    'relationship {id} points to {target}, which is not in the package',
  ),
  'find.relUndefined': t(
    'bruker relasjonen {id}, som .rels-filen ikke definerer',
    'brukar relasjonen {id}, som .rels-fila ikkje definerer',
    'uses relationship {id}, which its .rels does not define',
  ),
  'find.noContentTypes': t(
    'pakken har ingen [Content_Types].xml',
    'pakken har ingen [Content_Types].xml',
    'the package has no [Content_Types].xml',
  ),
  'find.noContentType': t(
    'delen har ingen innholdstype i [Content_Types].xml',
    'delen har ingen innhaldstype i [Content_Types].xml',
    'the part has no content type in [Content_Types].xml',
  ),
  'find.overrideMissing': t(
    'en overstyring nevner /{part}, som ikke finnes i pakken',
    'ei overstyring nemner /{part}, som ikkje finst i pakken',
    'an override names /{part}, which is not in the package',
  ),
  'find.shapeId': t(
    'figur-id {id} brukes av {n} figurer i {part} ({list})',
    'figur-id {id} vert brukt av {n} figurar i {part} ({list})',
    'shape id {id} is used by {n} shapes in {part} ({list})',
  ),
  'find.markedNoLegend': t(
    '{text} er markert, men lysbildet har ingen forklaring på hva markeringen betyr',
    '{text} er markert, men lysbiletet har inga forklaring på kva markeringa tyder',
    '{text} is marked, but the slide has no legend saying what the marking means',
  ),
  'find.legendUnused': t(
    'forklaringen {text} forklarer en markering, men ingenting på lysbildet er markert',
    'forklaringa {text} forklarer ei markering, men ingenting på lysbiletet er markert',
    'the legend {text} explains a marking, but nothing on the slide is marked',
  ),
  'find.legendUnnamed': t(
    'forklaringen {legend} nevner ikke {items}, {n|som er markert|som er markerte}',
    'forklaringa {legend} nemner ikkje {items}, {n|som er markert|som er markerte}',
    'the legend {legend} does not name {items}, which {n|is|are} marked',
  ),
  'find.brokenWords': t(
    '{n|ordet|ordene} {words} er delt mellom to bokstaver: ingen linje i feltet har plass til {n|det|dem} i denne størrelsen; forkort {n|det|dem}, eller gi {n|det|dem} en myk bindestrek (U+00AD)',
    '{n|ordet|orda} {words} er delte mellom to bokstavar: inga linje i feltet har plass til {n|det|dei} i denne storleiken; kort {n|det|dei} ned, eller gje {n|det|dei} ein mjuk bindestrek (U+00AD)',
    '{n|the word|the words} {words} {n|is|are} broken between two letters: no line of the frame holds {n|it|them} at this size; shorten {n|it|them}, or give {n|it|them} a soft hyphen (U+00AD)',
  ),
  // The contrast rule's (#20's) findings, read back from its English.
  'find.overPicture': t(
    'teksten ligger over et bilde eller en fargeovergang; kontroller kontrasten med øynene',
    'teksten ligg over eit bilete eller ein fargeovergang; kontroller kontrasten med auga',
    'text lies over a picture or gradient; check its contrast by eye',
  ),
  'find.logoGround': t(
    'logoen er vanskelig å se på {ground}: {share} % av merkene når 3:1; gi den en lys bakgrunn eller en versjon laget for denne bakgrunnen',
    'logoen er vanskeleg å sjå på {ground}: {share} % av merka når 3:1; gje han ein lys bakgrunn eller ein versjon laga for denne bakgrunnen',
    'the logo reads poorly on {ground}: {share} % of its marks reach 3:1; give it a light backing or a version made for this ground',
  ),
  'find.overArt': t(
    'teksten går inn over malens grafikk ({where}); hold den ved siden av grafikken eller gi den et panel',
    'teksten går inn over grafikken i malen ({where}); hald han ved sida av grafikken eller gje han eit panel',
    "the text runs onto the template's art ({where}); keep it beside the art or give it a panel",
  ),
  'find.shapeOverArt': t(
    'formen ligger over malens grafikk ({where}); flytt den ved siden av grafikken',
    'forma ligg over grafikken i malen ({where}); flytt ho ved sida av grafikken',
    "the shape lies over the template's art ({where}); move it beside the art",
  ),
  'find.shapesOverArt': t(
    '{n} former ligger over malens grafikk ({where}; første: {first}); flytt dem ved siden av grafikken',
    '{n} former ligg over grafikken i malen ({where}; første: {first}); flytt dei ved sida av grafikken',
    "{n} shapes lie over the template's art ({where}; first: {first}); move them beside the art",
  ),
  'find.contrast': t(
    'kontrast {ratio}:1 (tekst {color} på {background}, {text}) er under {required}:1',
    'kontrast {ratio}:1 (tekst {color} på {background}, {text}) er under {required}:1',
    'contrast {ratio}:1 (text {color} on {background}, {text}) is below {required}:1',
  ),
  // A finding as a line of a refused build (check/format-findings.ts), its message said inside.
  'find.lineError': t(
    '{indent}lysbilde {n} · {element} · feil {rule}: {message}',
    '{indent}lysbilete {n} · {element} · feil {rule}: {message}',
    '{indent}slide {n} · {element} · error {rule}: {message}',
  ),
  'find.lineWarning': t(
    '{indent}lysbilde {n} · {element} · advarsel {rule}: {message}',
    '{indent}lysbilete {n} · {element} · åtvaring {rule}: {message}',
    '{indent}slide {n} · {element} · warning {rule}: {message}',
  ),
  'find.packageError': t(
    '{indent}pakken · {element} · feil {rule}: {message}',
    '{indent}pakken · {element} · feil {rule}: {message}',
    '{indent}package · {element} · error {rule}: {message}',
  ),
  'find.packageWarning': t(
    '{indent}pakken · {element} · advarsel {rule}: {message}',
    '{indent}pakken · {element} · åtvaring {rule}: {message}',
    '{indent}package · {element} · warning {rule}: {message}',
  ),
  // Where in a table: as a shape's name, and before a cell's finding (min-size, contrast).
  'find.cell': t('rad {row}, kolonne {column}', 'rad {row}, kolonne {column}', 'row {row}, column {column}'),
  'find.inCell': t(
    'rad {row}, kolonne {column}: {message}',
    'rad {row}, kolonne {column}: {message}',
    'row {row}, column {column}: {message}',
  ),
  // A finding as the Studio's live check shows it (studio/live-check.ts).
  'find.studio': t(
    '{rule}: {message} («{element}»)',
    '{rule}: {message} («{element}»)',
    '{rule}: {message} («{element}»)',
  ),
  'find.refused': t(
    '{label} besto ikke kontrollen og ble ikke lagret:',
    '{label} stod ikkje kontrollen og vart ikkje lagra:',
    '{label} failed its checks, so it was not saved:',
  ),
};

/** Words a finding holds as values: a language's name, an edge of the slide. */
export const WORDS = {
  'word.lang.nb': t('bokmål', 'bokmål', 'bokmål'),
  'word.lang.nn': t('nynorsk', 'nynorsk', 'nynorsk'),
  'word.lang.en': t('engelsk', 'engelsk', 'English'),
  'word.edge.left': t('venstre', 'venstre', 'left'),
  'word.edge.right': t('høyre', 'høgre', 'right'),
  'word.edge.top': t('øvre', 'øvre', 'top'),
  'word.edge.bottom': t('nedre', 'nedre', 'bottom'),
};
