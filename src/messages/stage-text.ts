/**
 * The stages' own refusals and notes (bump, release, check's file reading, send's choice of
 * decks, absorb's leftovers) in bokmål and nynorsk, by their English form as issue-text.ts
 * does for located messages: the stages keep one English text (tests and scripts read it),
 * the reader gets it in their language at the edge (CLI output, Studio answers).
 */
import type { Form } from './entry.js';

/** English form (anchored, with groups) → its translation, `$1`… the groups. */
export const STAGE_FORMS: readonly Form[] = [
  // trappa check: the file to check
  [
    /^expected a \.pptx file, found a folder$/,
    { nb: 'skal være en .pptx-fil, men er en mappe', nn: 'skal vere ei .pptx-fil, men er ei mappe' },
  ],
  [/^cannot read the file \((.+)\)$/, { nb: 'filen kan ikke leses ($1)', nn: 'fila kan ikkje lesast ($1)' }],
  [
    /^is not a \.pptx file \(not a zip package.*\)$/,
    {
      nb: 'er ikke en .pptx-fil (en .ppt fra gamle PowerPoint må lagres som .pptx først)',
      nn: 'er ikkje ei .pptx-fil (ein .ppt frå gamle PowerPoint må lagrast som .pptx først)',
    },
  ],
  [
    /^is not a \.pptx file \(a zip package without ppt\/presentation\.xml\)$/,
    {
      nb: 'er ikke en .pptx-fil (en zip-fil uten presentasjon, kanskje et Word-dokument)',
      nn: 'er ikkje ei .pptx-fil (ei zip-fil utan presentasjon, kanskje eit Word-dokument)',
    },
  ],
  [
    /^no such file; give the path of a \.pptx$/,
    { nb: 'filen finnes ikke; oppgi stien til en .pptx', nn: 'fila finst ikkje; gje opp stien til ein .pptx' },
  ],
  [
    /^is not a PowerPoint file \((.+)\)$/,
    { nb: 'er ikke en PowerPoint-fil ($1)', nn: 'er ikkje ei PowerPoint-fil ($1)' },
  ],
  // trappa bump
  [
    /^'(.*)' is not a version; write it like (\S+) or (\S+)$/,
    {
      nb: "'$1' er ikke en versjon; skriv den som $2 eller $3",
      nn: "'$1' er ikkje ein versjon; skriv han som $2 eller $3",
    },
  ],
  [
    /^'(.*)' is not a date; write it as YYYY-MM-DD, e\.g\. (\S+)$/,
    {
      nb: "'$1' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, f.eks. $2",
      nn: "'$1' er ikkje ein dato; skriv han som ÅÅÅÅ-MM-DD, t.d. $2",
    },
  ],
  [
    /^version (\S+) is not greater than the current version (\S+) in (\S+); choose a higher one, e\.g\. (\S+)$/,
    {
      nb: 'versjon $1 er ikke høyere enn den gjeldende versjonen $2 i $3; velg en høyere, f.eks. $4',
      nn: 'versjon $1 er ikkje høgare enn den gjeldande versjonen $2 i $3; vel ein høgare, t.d. $4',
    },
  ],
  [
    /^say what changed in (\S+): trappa bump (\S+) --note "…" \(repeat --note for more lines\)$/,
    {
      nb: 'skriv hva som er endret i $1: trappa bump $2 --note "…" (gjenta --note for flere linjer)',
      nn: 'skriv kva som er endra i $1: trappa bump $2 --note "…" (gjenta --note for fleire linjer)',
    },
  ],
  [
    /^--note holds an invisible control character \((U\+[0-9A-F]+)\).*$/,
    {
      nb: '--note har et usynlig kontrolltegn ($1) som strategy.yaml ikke kan ha; skriv notatet på nytt i stedet for å lime det inn',
      nn: '--note har eit usynleg kontrollteikn ($1) som strategy.yaml ikkje kan ha; skriv notatet på nytt i staden for å lime det inn',
    },
  ],
  [
    /^(\S+) already has a history entry for version (\S+)$/,
    { nb: '$1 har allerede versjon $2 i historikken', nn: '$1 har alt versjon $2 i historikken' },
  ],
  [
    /^(\S+) cannot be read as YAML; fix it first \(trappa build shows where\)$/,
    {
      nb: '$1 kan ikke leses; rett den først (trappa build viser hvor)',
      nn: '$1 kan ikkje lesast; rett ho først (trappa build viser kvar)',
    },
  ],
  [
    /^(\S+) date: the new version's date (\S+) is earlier than (?:version (\S+)|the newest history entry) \((\S+)\); the history would run backwards\. Give --date (\S+) or later$/,
    {
      nb: '$1 date: datoen $2 for den nye versjonen er før $4; historikken ville gått baklengs. Bruk --date $5 eller senere',
      nn: '$1 date: datoen $2 for den nye versjonen er før $4; historikken ville gått baklengs. Bruk --date $5 eller seinare',
    },
  ],
  // An older form of a field (data/migration-hints.ts, data/migrations.ts)
  [
    /^reads as a list of services, written as the arrows' label; .*: write (model\.services: \[.*\]) in its place \(trappa migrate does it, keeping the comments\)$/,
    {
      nb: 'leses som en liste over tjenester skrevet som pilenes tekst; nå tegnes de som bokser i fellesorganet: skriv $1 i stedet (trappa migrate gjør det og beholder kommentarene)',
      nn: 'vert lesen som ei liste over tenester skriven som teksten til pilene; no vert dei teikna som boksar i fellesorganet: skriv $1 i staden (trappa migrate gjer det og beheld kommentarane)',
    },
  ],
  [
    /^(model\.services: \[.*\]) \(from the label model\.tasks, which stays\)$/,
    { nb: '$1 (fra teksten i model.tasks, som blir stående)', nn: '$1 (frå teksten i model.tasks, som vert ståande)' },
  ],
  [
    /^(model\.services: \[.*\]) in place of the label model\.tasks$/,
    { nb: '$1 i stedet for teksten i model.tasks', nn: '$1 i staden for teksten i model.tasks' },
  ],
  // A PDF left out of a mail or draft (post/pdf-attachment.ts); the findings follow on their own lines
  [
    /^it is not the accessible PDF of the deck \(build it again with --pdf\):$/,
    {
      nb: 'den er ikke den universelt utformede PDF-en av presentasjonen (bygg den på nytt med --pdf):',
      nn: 'han er ikkje den universelt utforma PDF-en av presentasjonen (bygg han på nytt med --pdf):',
    },
  ],
  [
    /^it could not be read as a PDF \((.*)\)$/,
    { nb: 'den kunne ikke leses som PDF («$1»)', nn: 'han kunne ikkje lesast som PDF («$1»)' },
  ],
  [
    /^there is no deck to check it against$/,
    {
      nb: 'det finnes ingen presentasjon å kontrollere den mot',
      nn: 'det finst ingen presentasjon å kontrollere han mot',
    },
  ],
  // trappa send / draft: which decks
  [
    /^deck '(.+)' has no distribution list; add distribution: \{ to: \[\.\.\.\] \}$/,
    {
      nb: "presentasjonen '$1' har ingen mottakerliste; legg til distribution: { to: [...] }",
      nn: "presentasjonen '$1' har inga mottakarliste; legg til distribution: { to: [...] }",
    },
  ],
  [/^not built yet; run: (.+)$/, { nb: 'er ikke bygd ennå; kjør: $1', nn: 'er ikkje bygd enno; køyr: $1' }],
  [
    /^is not the file trappa built for (\S+) v(\S+) \(changed or copied by hand\); run: (.+)$/,
    {
      nb: 'er ikke filen Trappa bygde for $1 v$2 (endret eller kopiert for hånd); kjør: $3',
      nn: 'er ikkje fila Trappa bygde for $1 v$2 (endra eller kopiert for hand); køyr: $3',
    },
  ],
  [
    /^is older than its data or templates; run: (.+) before sending$/,
    {
      nb: 'er eldre enn dataene eller malene sine; kjør $1 før du sender',
      nn: 'er eldre enn dataa eller malane sine; køyr $1 før du sender',
    },
  ],
  [/^no deck with id '(.+)'$/, { nb: "ingen presentasjon har id-en '$1'", nn: "ingen presentasjon har id-en '$1'" }],
];
