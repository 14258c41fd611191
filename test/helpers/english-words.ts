/**
 * Finds English in a line meant to be Norwegian: words that English sentences are made of and
 * neither bokmål nor nynorsk uses. What a line quotes or names is left out first — paths, flags,
 * ids, quoted values, placeholders, environment variables — since those are the user's words
 * or code, the same in every language.
 */

/** Common English words that are not Norwegian words (so no "for", "to", "no", "a", "deck" in flags). */
const ENGLISH = new Set(
  (
    'the is are was were been not problems found expected built slides slide warning warnings error errors ' +
    'unknown missing option options command commands usage with and of folder released checked nothing ' +
    'written wrote unchanged default display print decks file files field must cannot should which this ' +
    'that has have does into from than your you what when where there only every each please run see ' +
    'rebuild already version versions sent draft changed added removed ' +
    'without between after before line lines text texts data would could will its their them it ' +
    'contact sheet layouts preview previews signed sign in out none edits edit bring back conflict take ' +
    'taking choose now new next belong went frozen delivery confirmed audience meeting list ' +
    'compare compared say give leave write writes arguments got too many did mean help ' +
    'internal report below above press until only machine reach address runs ' +
    // the rarer findings and refusals (language tags, package, PDF, records, mail settings, pictures)
    'run tag tagged marked legend row rows taller broken word words package relationship overlaps ' +
    'edge keep least page pages heading figures embedded record snapshot inputs another wait finish try ' +
    'again settings configured image photo pixels statements valid picture content'
  ).split(/\s+/),
);

/** Words that are English but also the same in Norwegian texts or names Trappa prints as they are. */
const SHARED = new Set(['in', 'data', 'sheet']);

/** The parts of a line that are not words of a sentence: removed before looking. */
const NOT_PROSE = [
  /(?<=^\S+ )[\w.[\]-]+ (?=«[^»]*»:)/g, // a located line's field path before its label: `version «Versjon»:`
  /\{[^}]*\}/g, // a catalogue text's holes
  /'[^']*'/g, // quoted values and ids
  /"[^"]*"/g,
  /«[^»]*»/g,
  /`[^`]*`/g,
  /<[^>]*>/g, // placeholders
  /(^|[\s(])--?[\w-]+(=\S+)?/g, // flags
  /\S*[/\\@=_]\S*/g, // paths, deck@version, KEY=value, TRAPPA_SMTP_HOST
  /\S+\.(pptx|potx|yaml|yml|pdf|png|svg|eml|json|html)\b/gi,
  /\btrappa(\s+(build|check|preview|send|draft|list|release|bump|migrate|studio|absorb|mail|diff|template|help))?\b/g,
  /\b(deck|data)\|(deck|data)\b/g,
  /\b[a-z]+(-[a-z]+)+:/g, // a check rule's id before its message, pdf-text:
  /(?<=\b(feil|advarsel|åtvaring|error|warning) )[a-z-]+:/g, // … · feil package: …
  /\b[a-z]\w*(\[\d+\])?(\.[a-zA-Z]\w*(\[\d+\])?)+:?/g, // a data field's path, organisation.logo.file
  // A command's own name at the start of its line in the help's list of commands.
  /^\s+(build|check|preview|send|draft|list|release|bump|migrate|studio|absorb|mail|diff|template|help|login|logout|whoami)\b/,
];

/** The English words in `line` outside quotes, paths, flags and names. */
export function englishWords(line: string): string[] {
  let prose = line;
  for (const pattern of NOT_PROSE) prose = prose.replace(pattern, ' ');
  const words = prose.toLowerCase().match(/[a-zæøå]+/g) ?? [];
  return words.filter((w) => ENGLISH.has(w) && !SHARED.has(w));
}

/** `[line, English words]` for each line of `text` that has any. */
export function englishLines(text: string): Array<[string, string[]]> {
  return text
    .split('\n')
    .map((line) => [line, englishWords(line)] as [string, string[]])
    .filter(([, words]) => words.length > 0);
}
