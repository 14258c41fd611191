/**
 * What the data's reading says about a value (data/plain-messages.ts, schema-helpers.ts,
 * validation-hints.ts, describe-yaml-error.ts, distribution-schema.ts, check-theme.ts), read
 * back from its English (read-back.ts), found by the sweep (test/message-sweep.test.ts). A
 * kind of value (`a number`, `a list`) is a word, said in the reader's language.
 */
import { t } from './entry.js';

const VALUES = {
  'in.expectedKind': t(
    'skal være {kindWord}, men er {foundWord}',
    'skal vere {kindWord}, men er {foundWord}',
    'expected {kindWord}, found {foundWord}',
  ),
  'in.expectedKindValue': t(
    "skal være {kindWord}, men står '{value}'",
    "skal vere {kindWord}, men står '{value}'",
    "expected {kindWord}, found '{value}'",
  ),
  'in.emptyOneOf': t(
    'er tom; skal være ett av: {list}',
    'er tom; skal vere eitt av: {list}',
    'is empty; expected one of: {list}',
  ),
  'in.emptyValue': t("er tom; skal være '{value}'", "er tom; skal vere '{value}'", "is empty; expected '{value}'"),
  'in.emptyKind': t('er tom; skal være {kindWord}', 'er tom; skal vere {kindWord}', 'is empty; expected {kindWord}'),
  'in.missingFieldOneOf': t(
    "feltet '{field}' mangler; skal være ett av: {list}",
    "feltet '{field}' manglar; skal vere eitt av: {list}",
    "missing field '{field}'; expected one of: {list}",
  ),
  'in.missingOneOf': t(
    'verdien mangler; skal være ett av: {list}',
    'verdien manglar; skal vere eitt av: {list}',
    'missing value; expected one of: {list}',
  ),
  'in.expectedValue': t(
    "skal være '{value}'; står {foundValue}",
    "skal vere '{value}'; står {foundValue}",
    "expected '{value}'; found {foundValue}",
  ),
  'in.list': t(
    "skal være en liste, men er {foundWord}; skriv hvert punkt på en egen linje som begynner med '- '",
    "skal vere ei liste, men er {foundWord}; skriv kvart punkt på ei eiga linje som byrjar med '- '",
    "expected a list, found {foundWord}; write each item on its own line starting with '- '",
  ),
  'in.url': t(
    'skal være en nettadresse som https://example.no, men står {found}',
    'skal vere ei nettadresse som https://example.no, men står {found}',
    'expected a web address like https://example.no, found {found}',
  ),
  'in.startsWith': t("må begynne med '{text}'", "må byrje med '{text}'", "must start with '{text}'"),
  'in.endsWith': t("må slutte med '{text}'", "må slutte med '{text}'", "must end with '{text}'"),
  'in.contains': t("må inneholde '{text}'", "må innehalde '{text}'", "must contain '{text}'"),
  'in.multipleOf': t('må være et multiplum av {n}', 'må vere eit multiplum av {n}', 'must be a multiple of {n}'),
  'in.atLeast': t('må være minst {n}', 'må vere minst {n}', 'must be at least {n}'),
  'in.atMost': t('kan være høyst {n}', 'kan vere høgst {n}', 'must be at most {n}'),
  'in.moreThan': t('må være mer enn {n}', 'må vere meir enn {n}', 'must be more than {n}'),
  'in.lessThan': t('må være mindre enn {n}', 'må vere mindre enn {n}', 'must be less than {n}'),
  'in.noForm': t(
    'passer ikke med noen av formene som er tillatt',
    'passar ikkje med nokon av formene som er tillatne',
    'does not match any of the allowed forms',
  ),
  'in.badKey': t(
    'har en nøkkel som ikke er tillatt',
    'har ein nøkkel som ikkje er tillaten',
    'has a key that is not allowed',
  ),
  'in.badItem': t(
    'har et punkt som ikke er tillatt',
    'har eit punkt som ikkje er tillate',
    'has an item that is not allowed',
  ),
  'in.notValid': t('er ikke gyldig', 'er ikkje gyldig', 'is not valid'),
  'in.idTry': t(
    "skal være en ID av små bokstaver a-z, sifre og '-' (ingen mellomrom, ingen æøå), men står '{value}'; prøv '{suggestion}'",
    "skal vere ein ID av små bokstavar a-z, siffer og '-' (ingen mellomrom, ingen æøå), men står '{value}'; prøv '{suggestion}'",
    "expected an id of lowercase letters a-z, digits and '-' (no spaces, no æøå), found '{value}'; try '{suggestion}'",
  ),
  'in.id': t(
    "skal være en ID av små bokstaver a-z, sifre og '-' (ingen mellomrom, ingen æøå), men står '{value}'",
    "skal vere ein ID av små bokstavar a-z, siffer og '-' (ingen mellomrom, ingen æøå), men står '{value}'",
    "expected an id of lowercase letters a-z, digits and '-' (no spaces, no æøå), found '{value}'",
  ),
  'in.colourEmpty': t(
    'er tom; skriv fargen i anførselstegn, f.eks. "#1F4E79" (en # uten anførselstegn starter en kommentar)',
    'er tom; skriv fargen i hermeteikn, t.d. "#1F4E79" (ein # utan hermeteikn byrjar ein kommentar)',
    'is empty; write the colour in quotes, e.g. "#1F4E79" (an unquoted # starts a comment)',
  ),
  'in.colour': t(
    'skriv fargen i anførselstegn, f.eks. "#1F4E79" eller "003366"',
    'skriv fargen i hermeteikn, t.d. "#1F4E79" eller "003366"',
    'write the colour in quotes, e.g. "#1F4E79" or "003366"',
  ),
  'in.versionQuotes': t(
    'skriv versjonen som tekst i anførselstegn, f.eks. «version: "0.2"» (en naken 1.0 ville blitt lest som 1)',
    'skriv versjonen som tekst i hermeteikn, t.d. «version: "0.2"» (ein naken 1.0 ville vorte lesen som 1)',
    'write the version as text in quotes, e.g. version: "0.2" (a bare 1.0 would be read as 1)',
  ),
  'in.stress': t(
    'en ** som starter uthevet tekst, har ingen avsluttende **; skriv **uthevede ord** med et par',
    'ein ** som byrjar utheva tekst, har ingen avsluttande **; skriv **utheva ord** med eit par',
    'a ** that starts stressed text has no closing **; write **stressed words** with a pair',
  ),
  'in.fieldsFoundText': t(
    'skal være felt (nøkkel: verdi), men er tekst; skriv det som { {fields} }',
    'skal vere felt (nøkkel: verdi), men er tekst; skriv det som { {fields} }',
    'expected fields, found text; write it as { {fields} }',
  ),
  'in.commaInBraces': t(
    'et komma inne i { … } starter et nytt felt; sett teksten i anførselstegn: {name}: {value}',
    'eit komma inne i { … } byrjar eit nytt felt; set teksten i hermeteikn: {name}: {value}',
    'a comma inside { … } starts a new field; put the text in quotes: {name}: {value}',
  ),
  'in.readAsField': t(
    "denne linjen leses som et felt '{key}'; sett teksten i anførselstegn: - {text}",
    "denne linja vert lesen som eit felt '{key}'; set teksten i hermeteikn: - {text}",
    "this line is read as a field '{key}'; put the text in quotes: - {text}",
  ),
} as const;

const YAML = {
  'yaml.keyPlain': t(
    'en nøkkel må være vanlig tekst; sett den i anførselstegn',
    'ein nøkkel må vere vanleg tekst; set han i hermeteikn',
    'a key must be plain text; put it in quotes',
  ),
  'yaml.bang': t(
    "en verdi kan ikke begynne med '!' uten anførselstegn",
    "ein verdi kan ikkje byrje med '!' utan hermeteikn",
    "a value cannot start with '!' unless it is in quotes",
  ),
  'yaml.startMark': t(
    "en verdi kan ikke begynne med '{mark}' uten anførselstegn; skriv {quoted}",
    "ein verdi kan ikkje byrje med '{mark}' utan hermeteikn; skriv {quoted}",
    "a value cannot start with '{mark}' unless it is in quotes; write {quoted}",
  ),
  'yaml.indentOrDash': t(
    "feil innrykk, eller et listepunkt uten '- ': still denne linjen opp med linjene over",
    "feil innrykk, eller eit listepunkt utan '- ': still denne linja opp med linjene over",
    "bad indentation, or a list item without '- ': line this up with the lines above",
  ),
  'yaml.indentKeys': t(
    'feil innrykk: nøkler på samme nivå må starte i samme kolonne',
    'feil innrykk: nøklar på same nivå må byrje i same kolonne',
    'bad indentation: keys at the same level must start in the same column',
  ),
  'yaml.indentLine': t(
    'feil innrykk: denne linjen har et annet innrykk enn linjene rundt',
    'feil innrykk: denne linja har eit anna innrykk enn linjene rundt',
    'bad indentation: this line is indented differently from the lines around it',
  ),
  'yaml.indentItem': t(
    'feil innrykk: dette listepunktet står ikke på linje med punktene over',
    'feil innrykk: dette listepunktet står ikkje på linje med punkta over',
    'bad indentation: this list item is not lined up with the items above it',
  ),
  'yaml.escape': t(
    "ugyldig escape '{escape}' i tekst med doble anførselstegn; bruk enkle anførselstegn i stedet",
    "ugyldig escape '{escape}' i tekst med doble hermeteikn; bruk enkle hermeteikn i staden",
    "invalid escape '{escape}' in double-quoted text; use single quotes instead",
  ),
  'yaml.longKey': t(
    "nøkkelen er for lang (over 1024 tegn); mangler det et ':' eller et linjeskift?",
    "nøkkelen er for lang (over 1024 teikn); manglar det eit ':' eller eit linjeskift?",
    "key is too long (over 1024 characters); is a ':' or a line break missing?",
  ),
  'yaml.colon': t(
    "mangler ':' etter '{key}'? skriv {key}: {value}",
    "manglar ':' etter '{key}'? skriv {key}: {value}",
    "missing ':' after '{key}'? write {key}: {value}",
  ),
  'yaml.documents': t(
    "mer enn ett YAML-dokument i denne filen (en linje med bare '---' starter et nytt); ha ett per fil",
    "meir enn eitt YAML-dokument i denne fila (ei linje med berre '---' byrjar eit nytt); ha eitt per fil",
    "more than one YAML document in this file (a line with only '---' starts a new one); keep one per file",
  ),
  'yaml.tab': t(
    'tabulator brukt til innrykk; bruk mellomrom i stedet',
    'tabulator brukt til innrykk; bruk mellomrom i staden',
    'tab used for indentation; indent with spaces instead',
  ),
  'yaml.colonInText': t(
    "tekst med ': ' må stå i anførselstegn; skriv {quoted}",
    "tekst med ': ' må stå i hermeteikn; skriv {quoted}",
    "text containing ': ' must be in quotes; write {quoted}",
  ),
  'yaml.mixed': t(
    "denne linjen passer ikke med linjene over: en liste ('- ') og 'nøkkel: verdi'-linjer kan ikke blandes på ett nivå",
    "denne linja passar ikkje med linjene over: ei liste ('- ') og 'nøkkel: verdi'-linjer kan ikkje blandast på eitt nivå",
    "this line does not fit the lines above it: a list ('- ') and 'key: value' lines cannot be mixed at one level",
  ),
  'yaml.bracket': t(
    "'[' lukkes ikke: en liste skrevet i hakeparenteser må slutte med ']'",
    "'[' vert ikkje lukka: ei liste skriven i hakeparentesar må slutte med ']'",
    "unclosed '[': a list written in brackets must end with ']'",
  ),
  'yaml.brace': t(
    "'{' lukkes ikke: felt skrevet i krøllparenteser må slutte med '}'",
    "'{' vert ikkje lukka: felt skrivne i krøllparentesar må slutte med '}'",
    "unclosed '{': fields written in braces must end with '}'",
  ),
  'yaml.unexpected': t(
    "uventet '{token}'; sjekk anførselstegn, parenteser og innrykk",
    "uventa '{token}'; sjekk hermeteikn, parentesar og innrykk",
    "unexpected '{token}'; check quotes, brackets and indentation",
  ),
  'yaml.afterValue': t(
    'uventet tekst etter verdien; sett hele verdien i anførselstegn',
    'uventa tekst etter verdien; set heile verdien i hermeteikn',
    'unexpected text after the value; put the whole value in quotes',
  ),
  'yaml.empty': t(
    "filen er tom; her skal det stå YAML, som 'navn: verdi'-linjer",
    "fila er tom; her skal det stå YAML, som 'namn: verdi'-linjer",
    "file is empty; expected YAML content such as 'name: value' lines",
  ),
  'yaml.tag': t(
    "YAML-merket '{tag}' støttes ikke; skriv verdien som vanlig tekst (i anførselstegn hvis den begynner med '!')",
    "YAML-merket '{tag}' er ikkje støtta; skriv verdien som vanleg tekst (i hermeteikn viss han byrjar med '!')",
    "the YAML tag '{tag}' is not supported; write the value as plain text (in quotes if it starts with '!')",
  ),
} as const;

export const INPUT_TEXT = { ...VALUES, ...YAML };

/** What kind of value a field holds, as the data's messages name it. */
export const KIND_WORDS = {
  'word.kind.text': t('tekst', 'tekst', 'text'),
  'word.kind.number': t('et tall', 'eit tal', 'a number'),
  'word.kind.int': t('et heltall', 'eit heiltal', 'a whole number'),
  'word.kind.boolean': t('true eller false', 'true eller false', 'true or false'),
  'word.kind.list': t('en liste', 'ei liste', 'a list'),
  'word.kind.fields': t('felt (nøkkel: verdi)', 'felt (nøkkel: verdi)', 'fields (key: value)'),
  'word.kind.date': t('en dato', 'ein dato', 'a date'),
  'word.kind.nothing': t('ingenting', 'ingenting', 'nothing'),
};
