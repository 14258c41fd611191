/**
 * The PDF check's findings (src/check/pdf/), the lines they are listed in, and why a build's
 * PDF was refused; said as values by the check, worded here in bokmål, nynorsk and English.
 */
import { t } from './entry.js';

export const PDF_TEXT = {
  'pdf.pages': t(
    'PDF-en har {pages} sider for {slides} lysbilder',
    'PDF-en har {pages} sider for {slides} lysbilete',
    'the PDF has {pages} pages for {slides} slides',
  ),
  'pdf.langMissing': t(
    'dokumentspråket (/Lang) mangler, skal være {expected}',
    'dokumentspråket (/Lang) manglar, skal vere {expected}',
    'the document language (/Lang) is missing, expected {expected}',
  ),
  'pdf.lang': t(
    'dokumentspråket (/Lang) er {lang}, skal være {expected}',
    'dokumentspråket (/Lang) er {lang}, skal vere {expected}',
    'the document language (/Lang) is {lang}, expected {expected}',
  ),
  'pdf.titleMissing': t(
    'tittelen mangler, skal være «{expected}»',
    'tittelen manglar, skal vere «{expected}»',
    'the title is missing, expected "{expected}"',
  ),
  'pdf.title': t(
    'tittelen er «{title}», skal være «{expected}»',
    'tittelen er «{title}», skal vere «{expected}»',
    'the title is "{title}", expected "{expected}"',
  ),
  'pdf.notMarked': t(
    'PDF-en er ikke merket som tagget (/MarkInfo /Marked)',
    'PDF-en er ikkje merkt som tagga (/MarkInfo /Marked)',
    'the PDF is not marked as tagged (/MarkInfo /Marked)',
  ),
  'pdf.noTree': t(
    'PDF-en har ikke noe strukturtre (ingen tagger)',
    'PDF-en har ikkje noko strukturtre (ingen taggar)',
    'the PDF has no structure tree (no tags)',
  ),
  'pdf.unknownPart': t(
    'XMP oppgir en ukjent PDF/A-del {part}',
    'XMP oppgjev ein ukjend PDF/A-del {part}',
    'the XMP declares an unknown PDF/A part {part}',
  ),
  'pdf.version': t(
    'PDF/A-{part} tillater høyst PDF {max}; filen er PDF {version}',
    'PDF/A-{part} tillèt høgst PDF {max}; fila er PDF {version}',
    'PDF/A-{part} allows PDF {max} at most; the file is PDF {version}',
  ),
  'pdf.conformance': t(
    'XMP oppgir PDF/A-{part} med et ugyldig samsvarsnivå «{level}»',
    'XMP oppgjev PDF/A-{part} med eit ugyldig samsvarsnivå «{level}»',
    'the XMP declares PDF/A-{part} with an invalid conformance level "{level}"',
  ),
  'pdf.displayTitle': t(
    'XMP oppgir PDF/UA, som krever /DisplayDocTitle true; filen setter det ikke',
    'XMP oppgjev PDF/UA, som krev /DisplayDocTitle true; fila set det ikkje',
    'the XMP declares PDF/UA, which needs /DisplayDocTitle true; the file does not set it',
  ),
  'pdf.xmpXml': t(
    'XMP-pakken er ikke gyldig XML («{error}»)',
    'XMP-pakken er ikkje gyldig XML («{error}»)',
    'the XMP packet is not well-formed XML ({error})',
  ),
  'pdf.xmpSchema': t(
    'XMP-egenskapen {name} er i et skjema pakken ikke oppgir ({uri})',
    'XMP-eigenskapen {name} er i eit skjema pakken ikkje oppgjev ({uri})',
    'the XMP property {name} is in a schema the packet does not declare ({uri})',
  ),
  'pdf.xmpProperty': t(
    'XMP-egenskapen {name} er ikke blant egenskapene skjemaet oppgir',
    'XMP-eigenskapen {name} er ikkje blant eigenskapane skjemaet oppgjev',
    "the XMP property {name} is not among its schema's declared properties",
  ),
  'pdf.fontNotEmbedded': t('skriften er ikke innebygd', 'skrifta er ikkje innebygd', 'the font is not embedded'),
  'pdf.noText': t('siden har ingen tekst', 'sida har ingen tekst', 'the page holds no text'),
  'pdf.noTextPicture': t(
    'siden har ingen tekst (den er tegnet som et bilde)',
    'sida har ingen tekst (ho er teikna som eit bilete)',
    'the page holds no text (it is drawn as a picture)',
  ),
  'pdf.untaggedText': t(
    '{n} tekstbiter er verken tagget eller artefakter',
    '{n} tekstbitar er verken tagga eller artefaktar',
    '{n} pieces of text are neither tagged nor artifacts',
  ),
  'pdf.untaggedPainting': t(
    '{n} tegneoperasjoner er verken tagget eller artefakter',
    '{n} teikneoperasjonar er verken tagga eller artefaktar',
    '{n} painting operations are neither tagged nor artifacts',
  ),
  'pdf.footerTagged': t(
    '{n} deler av bunnteksten er tagget som innhold ({roles}); bunntekst, dato, lysbildenummer og logo i bunnteksten skal være pagineringsartefakter',
    '{n} delar av botnteksten er tagga som innhald ({roles}); botntekst, dato, lysbiletnummer og logo i botnteksten skal vere pagineringsartefaktar',
    '{n} pieces of the footer are tagged as content ({roles}); the footer, date, slide number and footer logo must be pagination artifacts',
  ),
  'pdf.titleNotHeading': t(
    'tittelen «{title}» er ikke tagget som overskrift ({n} overskrift(er) på siden)',
    'tittelen «{title}» er ikkje tagga som overskrift ({n} overskrift(er) på sida)',
    'the title "{title}" is not tagged as a heading ({n} heading(s) on the page)',
  ),
  'pdf.headingNotTagged': t(
    'overskriften «{text}» er ikke tagget som overskrift (H1–H6)',
    'overskrifta «{text}» er ikkje tagga som overskrift (H1–H6)',
    'the heading "{text}" is not tagged as a heading (H1–H6)',
  ),
  'pdf.headingHoldsP': t(
    'en overskrift ({role}) inneholder et avsnitt (P) i stedet for teksten sin',
    'ei overskrift ({role}) inneheld eit avsnitt (P) i staden for teksten sin',
    'a heading ({role}) holds a paragraph (P) instead of its text',
  ),
  'pdf.firstHeadingSkips': t(
    'den første overskriften er H{level}: overskriftsnivåer må ikke hoppes over',
    'den første overskrifta er H{level}: overskriftsnivå må ikkje hoppast over',
    'the first heading is H{level}: heading levels must not be skipped',
  ),
  'pdf.headingSkips': t(
    'en overskrift etter en H{previous} er H{level}: overskriftsnivåer må ikke hoppes over',
    'ei overskrift etter ei H{previous} er H{level}: overskriftsnivå må ikkje hoppast over',
    'a heading after an H{previous} is H{level}: heading levels must not be skipped',
  ),
  'pdf.tableNotTagged': t(
    'en tabell er ikke tagget som Table med cellene sine',
    'ein tabell er ikkje tagga som Table med cellene sine',
    'a table is not tagged as a Table with its cells',
  ),
  'pdf.listNotTagged': t(
    'listen «{list}…» er ikke tagget som liste (L)',
    'lista «{list}…» er ikkje tagga som liste (L)',
    'the list "{list}…" is not tagged as a list (L)',
  ),
  'pdf.figuresNoAlt': t(
    '{missing} av {n} figurer mangler alternativ tekst (/Alt)',
    '{missing} av {n} figurar manglar alternativ tekst (/Alt)',
    '{missing} of {n} figures have no alternative text (/Alt)',
  ),
  'pdf.altIsFileName': t(
    'den alternative teksten til en figur er et filnavn («{alt}»)',
    'den alternative teksten til ein figur er eit filnamn («{alt}»)',
    'a figure\'s alternative text is a file name ("{alt}")',
  ),
  'pdf.altMissing': t(
    'ingen figur har den alternative teksten «{alt}» som bildet har',
    'ingen figur har den alternative teksten «{alt}» som biletet har',
    'no figure carries the picture\'s alt text "{alt}"',
  ),
  'pdf.elementLang': t(
    'et {role}-element har /Lang {lang}, skal være {expected}',
    'eit {role}-element har /Lang {lang}, skal vere {expected}',
    'a {role} element has /Lang {lang}, expected {expected}',
  ),
  'pdf.textOrder': t(
    'teksten «{text}» står utenfor leserekkefølgen',
    'teksten «{text}» står utanfor lesefølgja',
    'the text "{text}" is out of reading order',
  ),
  'pdf.textMissing': t(
    'teksten «{text}» kan ikke hentes ut',
    'teksten «{text}» kan ikkje hentast ut',
    'the text "{text}" cannot be extracted',
  ),
  // A PDF finding as a line (check/pdf/index.ts formatPdfFindings), its message said inside.
  'pdf.linePage': t(
    '{indent}side {n} · {element} · {rule}: {message}',
    '{indent}side {n} · {element} · {rule}: {message}',
    '{indent}page {n} · {element} · {rule}: {message}',
  ),
  'pdf.linePageOnly': t(
    '{indent}side {n} · {rule}: {message}',
    '{indent}side {n} · {rule}: {message}',
    '{indent}page {n} · {rule}: {message}',
  ),
  'pdf.lineDocument': t(
    '{indent}dokumentet · {rule}: {message}',
    '{indent}dokumentet · {rule}: {message}',
    '{indent}document · {rule}: {message}',
  ),
  'pdf.refusedOne': t(
    'PDF-en besto ikke PDF-kontrollen og ble ikke lagret (tidligere PDF-er beholdes):',
    'PDF-en stod ikkje PDF-kontrollen og vart ikkje lagra (tidlegare PDF-ar vert haldne):',
    'The PDF failed the PDF check, so it was not saved (earlier PDFs are kept):',
  ),
  'pdf.refusedMany': t(
    '{failed} av {n} PDF-er besto ikke PDF-kontrollen, så ingen ble lagret (tidligere PDF-er beholdes):',
    '{failed} av {n} PDF-ar stod ikkje PDF-kontrollen, så ingen vart lagra (tidlegare PDF-ar vert haldne):',
    '{failed} of {n} PDFs failed the PDF check, so none was saved (earlier PDFs are kept):',
  ),
};
