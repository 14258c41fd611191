/**
 * What the data's reading says about a value (sizes, choices, kinds, a text's translations, a
 * theme's contrast and fonts), read back from the stages' English (read-back.ts), found by the
 * sweep (test/message-sweep.test.ts). Tried before input-text.ts, whose `must be at least {n}`
 * would take `must be at least 3 characters long` in.
 */
import { t } from './entry.js';
import { fieldLabel } from './field-labels.js';

const SIZES = {
  'in.minChars': t('må ha minst {n} tegn', 'må ha minst {n} teikn', 'must be at least {n} characters long'),
  'in.maxChars': t('kan ha høyst {n} tegn', 'kan ha høgst {n} teikn', 'must be at most {n} characters long'),
  'in.minItems': t(
    'trenger minst {n} {n|punkt|punkter}',
    'treng minst {n} {n|punkt|punkt}',
    'needs at least {n} {n|item|items}',
  ),
  'in.maxItems': t(
    'kan ha høyst {n} {n|punkt|punkter}',
    'kan ha høgst {n} {n|punkt|punkt}',
    'can have at most {n} {n|item|items}',
  ),
};

/** A value against the values or kinds it may have; `{kindList}`: words and quoted values joined by «or». */
const CHOICES = {
  'in.oneOfGuess': t(
    "skal være ett av: {list}; står {foundValue} (mente du '{guess}'?)",
    "skal vere eitt av: {list}; står {foundValue} (meinte du '{guess}'?)",
    "expected one of: {list}; found {foundValue} (did you mean '{guess}'?)",
  ),
  'in.oneOf': t(
    'skal være ett av: {list}; står {foundValue}',
    'skal vere eitt av: {list}; står {foundValue}',
    'expected one of: {list}; found {foundValue}',
  ),
  'in.expectedValueGuess': t(
    "skal være '{value}'; står {foundValue} (mente du '{guess}'?)",
    "skal vere '{value}'; står {foundValue} (meinte du '{guess}'?)",
    "expected '{value}'; found {foundValue} (did you mean '{guess}'?)",
  ),
  // A number or true/false where text belongs: YAML read it as a number; quotes keep it as written.
  'in.textQuoted': t(
    'skal være tekst, men er {foundValue}; sett verdien i anførselstegn for å beholde den som tekst',
    'skal vere tekst, men er {foundValue}; set verdien i hermeteikn for å halde han som tekst',
    'expected text, found {foundValue}; put the value in quotes to keep it as text',
  ),
  'in.kindsFoundKind': t(
    'skal være {kindList}, men er {foundWord}',
    'skal vere {kindList}, men er {foundWord}',
    'expected {kindList}, found {foundWord}',
  ),
  'in.kindsFound': t(
    'skal være {kindList}, men står {found}',
    'skal vere {kindList}, men står {found}',
    'expected {kindList}, found {found}',
  ),
  'in.emptyKinds': t('er tom; skal være {kindList}', 'er tom; skal vere {kindList}', 'is empty; expected {kindList}'),
  'in.fieldsSuchAs': t(
    'skal være felt (nøkkel: verdi), for eksempel {names}, men er tekst',
    'skal vere felt (nøkkel: verdi), til dømes {names}, men er tekst',
    'expected fields (key: value) such as {names}, found text',
  ),
  'in.plainOrAdd': t(
    "skriv det som vanlig tekst uten '{key}:', eller legg til {fieldsAndList}",
    "skriv det som vanleg tekst utan '{key}:', eller legg til {fieldsAndList}",
    "write it as plain text without '{key}:', or add {fieldsAndList}",
  ),
  'in.keyProblem': t('nøkkelen {message}', 'nøkkelen {message}', 'the key {message}'),
};

/** A text of the strategy without the deck's language (data/localize.ts, data/strategy-languages.ts). */
const TRANSLATIONS = {
  'lang.missingUsed': t(
    'mangler tekst på {languageWord} ({code}); teksten på {usedWord} brukes, slik fallbackLanguage sier; legg til {code}: … ved siden av de andre språkene',
    'manglar tekst på {languageWord} ({code}); teksten på {usedWord} blir brukt, slik fallbackLanguage seier; legg til {code}: … ved sida av dei andre språka',
    'has no {languageWord} text ({code}); the {usedWord} text is used, as fallbackLanguage says; add {code}: … beside the other languages',
  ),
  'lang.missingOther': t(
    'mangler tekst på {languageWord} ({code}), som en presentasjon på {languageWord} trenger; legg til {code}: … ved siden av de andre språkene, eller sett fallbackLanguage: i strategy.yaml for å bruke et annet språk med vilje',
    'manglar tekst på {languageWord} ({code}), som ein presentasjon på {languageWord} treng; legg til {code}: … ved sida av dei andre språka, eller set fallbackLanguage: i strategy.yaml for å bruke eit anna språk med vilje',
    'has no {languageWord} text ({code}), which a deck in {code} needs; add {code}: … beside the other languages, or set fallbackLanguage: in strategy.yaml to use another language on purpose',
  ),
  'lang.missing': t(
    'mangler tekst på {languageWord} ({code}), som en presentasjon på {languageWord} trenger; legg til {code}: … ved siden av de andre språkene',
    'manglar tekst på {languageWord} ({code}), som ein presentasjon på {languageWord} treng; legg til {code}: … ved sida av dei andre språka',
    'has no {languageWord} text ({code}), which a deck in {code} needs; add {code}: … beside the other languages',
  ),
  'lang.plain': t(
    '{n} {n|tekst|tekster} mangler oversettelse til {language} og vises som skrevet ({own}) i presentasjoner på {language}: {fields}; skriv { {own}: …, {language}: … } der teksten skal være annerledes',
    '{n} {n|tekst manglar|tekstar manglar} omsetjing til {language} og {n|vert vist som skriven|vert viste som skrivne} ({own}) i presentasjonar på {language}: {fields}; skriv { {own}: …, {language}: … } der teksten skal vere annleis',
    '{n} {n|text has|texts have} no {language} translation and {n|is|are} shown as written ({own}) in {language} decks: {fields}; write { {own}: …, {language}: … } where a text differs',
  ),
};

/**
 * The theme's contrast (data/check-theme.ts): what is drawn, its colour on the other, and what to
 * change (`{message}`: one of the two pieces of advice). A white or black text is named as such.
 */
function contrast(shade: boolean, large: boolean) {
  const drawn = shade ? '{shadeWord} {drawnWord}' : '{drawnWord}';
  const [nbShade, nnShade] = shade ? [', {shadeWord}', ', {shadeWord}'] : ['', ''];
  const size = large ? [' for stor tekst', ' for stor tekst', ' for large text'] : ['', '', ''];
  return t(
    `{drawnWord} ({textWord} {textHex}${nbShade}) på {onWord} {onHex} har kontrast {ratio}:1, men må ha minst {min}:1${size[0]} for å kunne leses av alle (WCAG AA) — {message}`,
    `{drawnWord} ({textWord} {textHex}${nnShade}) på {onWord} {onHex} har kontrast {ratio}:1, men må ha minst {min}:1${size[1]} for å kunne lesast av alle (WCAG AA) — {message}`,
    `${drawn} ({textWord} {textHex}) on {onWord} {onHex} has contrast {ratio}:1; WCAG AA needs {min}:1${size[2]} — {message}`,
  );
}

const THEME = {
  'theme.contrastShadeLarge': contrast(true, true),
  'theme.contrastShade': contrast(true, false),
  'theme.contrastLarge': contrast(false, true),
  'theme.contrast': contrast(false, false),
  'theme.useBoth': t(
    'gjør fargen {colorWord} {directionWord} og fargen {otherWord} {otherDirectionWord}',
    'gjer fargen {colorWord} {directionWord} og fargen {otherWord} {otherDirectionWord}',
    'use a {directionWord} {colorWord} and a {otherDirectionWord} {otherWord}',
  ),
  'theme.useOne': t(
    'gjør fargen {colorWord} {directionWord}',
    'gjer fargen {colorWord} {directionWord}',
    'use a {directionWord} {colorWord}',
  ),
  // A face this machine lacks (fonts/fonts.ts describe); its stand-in measured wider for safety.
  'font.standInWider': t(
    'skriften «{font}» finnes ikke på denne maskinen; teksten måles med {face} ({howWord}), {pct} % bredere for sikkerhets skyld',
    'skrifta «{font}» finst ikkje på denne maskina; teksten vert målt med {face} ({howWord}), {pct} % breiare for tryggleiks skuld',
    'the font "{font}" is not on this machine; its text is measured with {face} ({howWord}) with {pct} % wider widths for safety',
  ),
  'font.standIn': t(
    'skriften «{font}» finnes ikke på denne maskinen; teksten måles med {face} ({howWord})',
    'skrifta «{font}» finst ikkje på denne maskina; teksten vert målt med {face} ({howWord})',
    'the font "{font}" is not on this machine; its text is measured with {face} ({howWord})',
  ),
};

export const VALUE_TEXT = { ...SIZES, ...CHOICES, ...TRANSLATIONS, ...THEME };

/**
 * A theme colour by its label in the form (field-labels.ts), quoted: a contrast message names the
 * colour as the Studio's theme tab and theme.yaml's comments do, not by its YAML key (the
 * finding's field, `colors.muted`, still says where it is).
 */
const colorWord = (name: string) =>
  t(
    `«${fieldLabel(['colors', name], 'nb')}»`,
    `«${fieldLabel(['colors', name], 'nn')}»`,
    `"${fieldLabel(['colors', name], 'en')}"`,
  );

export const VALUE_WORDS = {
  'word.color.primary': colorWord('primary'),
  'word.color.secondary': colorWord('secondary'),
  'word.color.accent': colorWord('accent'),
  'word.color.background': colorWord('background'),
  'word.color.text': colorWord('text'),
  'word.color.muted': colorWord('muted'),
  'word.color.onPrimary': colorWord('onPrimary'),
  'word.color.highlight': colorWord('highlight'),
  'word.kind.other': t('en annen type verdi', 'ein annan type verdi', 'another kind of value'),
  'word.lighter': t('lysere', 'lysare', 'lighter'),
  'word.darker': t('mørkere', 'mørkare', 'darker'),
  'word.white': t('hvit', 'kvit', 'white'),
  'word.black': t('svart', 'svart', 'black'),
  'word.drawn.titles': t('titler', 'titlar', 'titles'),
  'word.drawn.muted': t('dempet tekst', 'dempa tekst', 'muted text'),
  'word.drawn.headings': t('overskrifter', 'overskrifter', 'headings'),
  'word.drawn.subtitles': t('undertitler', 'undertitlar', 'subtitles'),
  'word.face.compatible': t('med samme mål', 'med same mål', 'metric-compatible'),
  'word.face.close': t('en skrift som ligner', 'ei skrift som liknar', 'a near face'),
  'word.face.kind': t('en skrift av samme slag', 'ei skrift av same slag', 'a face of its kind'),
  'word.char.control': t('et usynlig kontrolltegn', 'eit usynleg kontrollteikn', 'an invisible control character'),
  'word.char.halfPair': t(
    'halvparten av et ødelagt tegnpar',
    'halvparten av eit øydelagt teiknpar',
    'half of a broken character pair',
  ),
  'word.char.nonCharacter': t('et ikke-tegn', 'eit ikkje-teikn', 'a non-character'),
};

/**
 * A list in a hole (`{kindList}`, `{fieldsAndList}`), joined in the reader's language: never read
 * back on its own (no reader), only built by read-back.ts from a list it finds.
 */
export const LIST_TEXT = {
  'list.or': t('{a} eller {b}', '{a} eller {b}', '{a} or {b}'),
  'list.and': t('{a} og {b}', '{a} og {b}', '{a} and {b}'),
};
