/**
 * The test suite's two tiers, in one place (vitest.config.ts reads this list).
 *
 * `npm test` runs the default tier: every claim of the product tested once on a real artefact
 * (XML of built decks, the OOXML validator, LibreOffice, an SMTP server on 127.0.0.1, Chromium),
 * in about two minutes on a 2-core machine, so that it is run before every commit.
 * `npm run test:long` runs the files below: the same claims repeated over many inputs or many
 * rounds, and whole browser tours. Each is here because its cost is repetition, not because
 * its claim is untested by default; the comment names what in the default tier covers the
 * same ground once. CI (`.ci/run`) runs both tiers on every Node line.
 *
 * A file is long when it costs more than ~10 s of CPU (TRAPPA_TEST_CPU, see
 * test/helpers/cpu-per-file.ts) AND its cost is repetition. Figures: CPU seconds (own + child
 * processes) measured on the 2-core machine, 2026-12-06.
 */
export const LONG_TEST_FILES: Readonly<Record<string, string>> = {
  // 28 templates × 4 decks, built, validated, converted (75 s). Default: template-package,
  // template-untrusted, choose-layouts, theme-check, font-resolution build on templates.
  'test/template-corpus.test.ts': 'every bundled deck on 28 templates',
  // 4 strategies (Innafjords, Fjellregionen, Vestfjord, 20 synthetic rows) on 28 templates and the built-in
  // design, 3 variations of the bundled one on 11 of them; a rotating eighth of the ~330 decks validated and
  // converted. Default: template-placement builds each deck this sweep found refused.
  'test/template-strategies.test.ts': 'every fixture strategy and three variations on the template corpus',
  // 3 templates × 4 decks with a LibreOffice round trip each (36 s). Default: template-package.
  'test/templates.test.ts': 'every bundled deck on three tools’ templates, LibreOffice round trip',
  // Contact sheet through LibreOffice (13 s). Default: the command's JSON in template-package.
  'test/template-command.test.ts': '`trappa template` with its contact sheet',
  // LibreOffice's 23 templates converted once to reach Midnightblue (cached in the temp folder; minutes
  // on a fresh machine). Default: cli-language reads every adaptation note back from the catalogue.
  'test/cli-language-templates.test.ts': 'adaptation notes in nb/nn on a LibreOffice template',
  // 20 rounds of processes racing on one output folder (49 s). Default: versions-lock, versions.
  'test/versions-concurrency.test.ts': 'concurrent builds, many rounds',
  // 20 kill -9 rounds (37 s). Default: versions-records, versions-lock, windows-save.
  'test/versions-kill.test.ts': 'builds killed at random points, many rounds',
  // 20 kill -9 rounds of `send`, 5,000 recipients (30 s). Default: email, email-crash, e2e/send.
  'test/e2e/send-kill.test.ts': 'sends killed at random points, many rounds',
  // Browser tours (38 + 18 + 15 s). Default: studio-absorb (Chromium + axe), studio-server,
  // studio-office, studio-merge.
  'test/studio-e2e.test.ts': 'the whole Studio flow in Chromium',
  'test/studio-plain-e2e.test.ts': 'the Studio’s plain-language screens in Chromium',
  'test/studio-office-e2e.test.ts': 'two pages and an editor on one file in Chromium',
  'test/studio-side-by-side-e2e.test.ts': 'two Studios in one browser profile, in Chromium',
  'test/studio-translations-e2e.test.ts': 'translations edited side by side in Chromium',
  // A 2 MB strategy laid out while others are answered (23 s). Default: studio-server's limits.
  'test/studio-bounded.test.ts': 'the Studio under a 2 MB strategy',
  // A 400-row strategy's form in Chromium, built section by section (~15 s). Default:
  // studio-check-bounds, studio-saved-splices (the Studio's other bounds on a large project).
  'test/studio-large-form-e2e.test.ts': 'a large strategy’s form built as its sections open, in Chromium',
  // Every bundled deck's PDF read by poppler and qpdf (35 s), planted faults (28 s).
  // Default: pdf-deck, pdf-check, pdf-finish-content.
  'test/pdf-accessible.test.ts': 'every deck’s PDF read by other tools',
  'test/pdf-planted.test.ts': 'faults planted into PDFs from LibreOffice',
  // Every line of every bundled slide against LibreOffice's PDF (13 s), the PNG previews of
  // every deck (34 s). Default: preview-fast, measure-text-libreoffice.
  'test/preview-faithful.test.ts': 'every text line of every slide against LibreOffice',
  'test/preview.test.ts': 'PNG previews of the decks through LibreOffice',
  // The bundle end to end on every deck (25 s). Default: e2e/bad-input, e2e/send, build, check-cli.
  'test/e2e/build-check.test.ts': 'the bundled CLI on every deck and check',
  // Generated strategies (14 + 10 s) and the nynorsk fixture through LibreOffice (16 s).
  // Default: layout-words, layout-quality, sparse-slides, split-groups.
  'test/props/layout.props.test.ts': 'generated strategies, laid out and checked',
  'test/props/words-pdf.props.test.ts': 'generated strategies, words read back from the PDF',
  'test/props/sparse-arrangements.props.test.ts': 'generated target groups and messages, arranged',
  'test/whole-words.test.ts': 'no word broken, read back from LibreOffice’s PDF',
  // Build, edit, absorb, rebuild on generated strategies, once more after LibreOffice saved
  // the deck (10 s). Default: absorb, readme-absorb, studio-absorb.
  'test/absorb-roundtrip.test.ts': 'absorb round trips on generated strategies',
  // Eight hostile templates built through the CLI, a zip bomb among them (18 s). Default:
  // template-package, input-limits (hostile data files), os-errors.
  'test/template-untrusted.test.ts': 'hostile templates, one by one through the CLI',
  // `trappa diff` on three pairs of decks, one through LibreOffice's side-by-side page (12 s).
  // Default: changes-since-sent (the same comparison on a slide), readme-absorb.
  'test/diff.test.ts': '`trappa diff` on three pairs of versions',
  // A 24-megapixel camera photo made, encoded and built into whole decks (19 s wall, 10 s of
  // CPU). Default: images-prepare shrinks the same photo and strips its EXIF; images-budget.
  'test/images-deck.test.ts': 'camera photos through whole decks',
  // Ten texts laid out by Trappa and by LibreOffice, line for line (11 s). Default: measure-text
  // (the metrics), layout-words.
  'test/measure-text-libreoffice.test.ts': 'line breaks compared with LibreOffice’s, ten cases',
  // Three templates' decks rendered by LibreOffice with their texts emptied, every text's
  // colour measured on the pixels under it (18 s). Default: check-rules' contrast rule,
  // template-package.
  'test/template-legibility.test.ts': 'text colours against LibreOffice’s rendering of three templates',
  // The bundled strategy built on three corpus templates whose art takes part of the layout
  // places (~10 s of CPU with the templates' conversion). Default: template-slots.
  'test/template-insets.test.ts':
    'three LibreOffice templates converted and three decks built on them (art in the layout places)',
  // Four decks built on four corpus templates and checked with their pictures decoded (~15 s of
  // CPU). Default: check-rules (the rules on the built-in deck), template-slots.
  'test/template-art.test.ts': 'four decks built on LibreOffice templates whose art text must keep off',
  // Series of Studio edits on the bundled and a 400-row strategy, each compared with a cold
  // render (13 s). Default: studio-server, studio-merge, studio-office.
  'test/studio-incremental.test.ts': 'edit series compared with cold renders',
};
