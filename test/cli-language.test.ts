/**
 * The CLI speaks the reader's language in every line: commander's help and usage errors, the
 * commands' own lines, and the messages of the stages below them. Each command runs in-process
 * (runMain) with --lang nb and --lang nn on good and bad input, and no line of what it prints
 * may hold English (test/helpers/english-words.ts). The catalogue's three languages hold the
 * same keys and the same holes.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkDeck, checkFailure } from '../src/check/check-deck.js';
import { found } from '../src/check/pdf/finding.js';
import { formatPdfFindings } from '../src/check/pdf/index.js';
import { watchBuild } from '../src/commands/watch.js';
import { catalogueEntries, english, messagesIn, type Said, said, stageEntries } from '../src/messages/catalogue.js';
import { translateLines, translateText } from '../src/messages/issue-text.js';
import { LockBusyError, withOutputLock } from '../src/versions/lock.js';
import { editRun, openDeck, saveDeck, slideParts } from './helpers/edit-pptx.js';
import { englishLines, englishWords } from './helpers/english-words.js';
import { runMain } from './helpers/in-process.js';
import { copyBuiltProject, copyProject, editFile, REPO, runCliAsync } from './helpers/project.js';
import { CLIENT_ID, startFakeM365, TENANT } from './m365-fake.js';

const LANGS = ['nb', 'nn'] as const;

/** The holes of a catalogue text: `{name}` and `{name|one|more}` by name. */
const holes = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)[|}]/g)].map((m) => m[1]!))].sort();

/** `trappa --lang <lang> <args>` in `root` (with `env`, without the developer's own TRAPPA_* settings): status and lines. */
async function run(lang: string, args: string[], root: string, env: NodeJS.ProcessEnv = {}) {
  const result = await runMain(['--lang', lang, ...args], root, env, { withoutOwnSettings: true });
  return { status: result.status, text: `${result.stdout}\n${result.stderr}`.trim() };
}

/** Every line of `text` free of English; on failure the lines and the words that gave them away. */
function expectNorwegian(text: string, what: string): void {
  expect(englishLines(text), `${what}:\n${text}`).toEqual([]);
}

describe('the catalogue', () => {
  it('holds every message in nb, nn and en, with the same holes in each', () => {
    const entries = catalogueEntries();
    expect(entries.length).toBeGreaterThan(150);
    for (const [key, entry] of entries) {
      for (const lang of ['nb', 'nn', 'en'] as const) expect(entry[lang], `${key} ${lang}`).not.toBe('');
      expect(holes(entry.nb), `${key} nb`).toEqual(holes(entry.en));
      expect(holes(entry.nn), `${key} nn`).toEqual(holes(entry.en));
    }
  });

  it('its Norwegian texts are Norwegian (the word check finds the English text of each)', () => {
    for (const [key, entry] of catalogueEntries()) {
      expect(englishWords(entry.nb), `${key} nb: ${entry.nb}`).toEqual([]);
      expect(englishWords(entry.nn), `${key} nn: ${entry.nn}`).toEqual([]);
    }
    // The check itself sees English: most English texts give themselves away.
    const caught = catalogueEntries().filter(([, e]) => englishWords(e.en).length > 0).length;
    expect(caught / catalogueEntries().length).toBeGreaterThan(0.6);
  });
});

describe("the checks' common findings", () => {
  it('read in Norwegian, with what stands around them kept (the Studio shows `rule: message («element»)`)', () => {
    const findings = [
      'overflow: the text needs 3.10 in at 24 pt/21 pt but the frame has 2.50 in; it runs 0.60 in out of its frame («List»)',
      'the text needs 3.10 in but the frame has 2.50 in; it runs 0.60 in out of its frame',
      "the text frame reaches past the slide's right edge",
      "text is 9 pt («Kilde: SSB»); the theme's minimum is 12 pt",
      "row 2, column 3: text is 8 pt («x»); the theme's table minimum is 10 pt",
      'the title placeholder is empty',
      'the slide has no title (no title placeholder)',
      'the slide has 2 titles; keep one',
      "the title «Mål» is also slide 2's title",
      'the picture has no alt text and is not marked decorative',
      'the picture\'s alt text is a file name ("logo.png"); describe what it shows',
      'the table has no header row (a:tblPr firstRow="1" is not set)',
      "the table's header row is empty",
      // The operating system's refusals (exit 7), with the path before and the code after.
      'output/a.pptx: the disk is full; free some space and run the command again (ENOSPC)',
      'output/a.pptx: the file is probably open in PowerPoint (or another program); close it there and run the command again (EBUSY)',
      'output/.trappa.lock: permission denied; choose another folder (--out) or ask for write access (EACCES)',
      // A send that did not reach everyone, line by line, and the sign-in prompt.
      '2 recipient(s) did not get their deck for certain:',
      'ansatte v0.2 → ola@levanger.kommune.no: refused (550 5.1.1)',
      'Run the same command again to retry only the failed recipients.',
      'Refused recipients already have this version with other content: raise the version, or use --resend.',
      'To sign in, open https://microsoft.com/devicelogin in a browser and enter the code ABC123',
      // Why a PDF is left out of a mail or a draft.
      'it is not the accessible PDF of the deck (build it again with --pdf):',
      'there is no deck to check it against',
      // A template's font this machine does not have.
      'templates/x.potx: the font "Segoe UI" is not on this machine; its text is measured with Carlito (a face of its kind) with 15 % wider widths for safety',
      'templates/x.potx: the font "Calibri" is not on this machine; its text is measured with Carlito (metric-compatible)',
    ];
    for (const lang of LANGS)
      for (const finding of findings) {
        const text = translateText(finding, lang);
        expect(englishWords(text), `${lang}: ${text}`).toEqual([]);
        expect(text.endsWith('(«List»)')).toBe(finding.endsWith('(«List»)'));
      }
  });
});

describe.each(LANGS)('trappa --lang %s', (lang) => {
  it('help of the program and of every command, and usage errors', async () => {
    const root = copyProject();
    const commands = ['build', 'check', 'preview', 'send', 'draft', 'list', 'release', 'bump', 'migrate'];
    const more = ['studio', 'absorb', 'mail', 'diff', 'template'];
    const help = await run(lang, ['--help'], root);
    expect(help.status).toBe(0);
    expect(help.text).toContain(lang === 'nb' ? 'Kommandoer:' : 'Kommandoar:');
    expectNorwegian(help.text, '--help');
    for (const command of [...commands, ...more]) {
      const one = await run(lang, [command, '--help'], root);
      expect(one.status, command).toBe(0);
      expectNorwegian(one.text, `${command} --help`);
    }
    expectNorwegian((await run(lang, ['help', 'mail'], root)).text, 'help mail');
    const template = await run(lang, ['template', path.join(REPO, 'test/fixtures/templates/dark-dejavu.potx')], root);
    expect(template.status, template.text).toBe(0);
    expectNorwegian(template.text, 'template');
    expectNorwegian((await run(lang, ['mail', 'login', '--help'], root)).text, 'mail login --help');
    const usage = [
      ['buidl'],
      ['build', '--dekc', 'x'],
      ['absorb'],
      ['bump', '1.0', '2.0'],
      ['preview', '--dpi', '5'],
      ['studio', '--port', 'x'],
      ['build', '--deck'],
    ];
    for (const args of usage) {
      const bad = await run(lang, args, root);
      expect(bad.status, args.join(' ')).toBe(1);
      expect(bad.text.split('\n')[0], args.join(' ')).toMatch(/^feil: /);
      expectNorwegian(bad.text, args.join(' '));
    }
  });

  it('build, list, check, bump and migrate on good and bad input', async () => {
    const root = await copyBuiltProject(['storledermote']);
    const good = [
      ['build', '--deck', 'storledermote'],
      ['list'],
      ['check', '--deck', 'storledermote'],
      ['migrate'],
      ['migrate', '--dry-run'],
      ['preview', '--fast', '--deck', 'storledermote'],
      ['send', '--deck', 'storledermote', '--dry-run'],
      ['draft', '--deck', 'storledermote'],
      ['bump', '9.0', '--note', 'Ny versjon', '--date', '2099-01-01'],
    ];
    for (const args of good) {
      const done = await run(lang, args, root);
      expect(done.status, `${args.join(' ')}\n${done.text}`).toBe(0);
      expectNorwegian(done.text, args.join(' '));
    }
    writeFileSync(path.join(root, 'not-a-deck.pptx'), 'plain text');
    const bad = [
      ['check', 'not-a-deck.pptx'],
      ['check', 'missing.pptx'],
      ['bump', '0.1', '--note', 'x'],
      ['bump', '99.0'],
      ['bump', 'x.y', '--note', 'x'],
      ['absorb', 'missing.pptx'],
      ['diff'],
      ['diff', 'nope@0.1'],
      ['diff', 'storledermote@0.1'],
      ['send', '--deck', 'nope', '--dry-run'],
      ['build', '--from-release', 'storledermote@0.1', '--watch'],
    ];
    for (const args of bad) {
      const refused = await run(lang, args, root);
      expect(refused.status, args.join(' ')).not.toBe(0);
      expectNorwegian(refused.text, args.join(' '));
    }
    // Broken data: every located message in the reader's language.
    const strategy = path.join(root, 'data/strategy.yaml');
    const text = readFileSync(strategy, 'utf8');
    writeFileSync(strategy, text.replace(/^date: .*$/m, 'date: 2027-02-31').replace(/^name: .*$/m, 'name: ""'));
    for (const args of [['build', '--deck', 'storledermote'], ['list']]) {
      const refused = await run(lang, args, root);
      expect(refused.status, args.join(' ')).toBe(2);
      expectNorwegian(refused.text, args.join(' '));
      // The field by its label in the form too, after its path.
      expect(refused.text).toContain('date «Dato»:');
    }
  });

  it("an older form of a field: the build's warning and trappa migrate", async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'trappa-language-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
    cpSync(path.join(REPO, 'test/fixtures/fjellregionen/data'), path.join(root, 'data'), { recursive: true });
    const decks = readdirSync(path.join(root, 'data/decks')).map((f) => f.replace(/\.ya?ml$/, ''));
    const built = await run(lang, ['build', '--deck', decks[0]!], root);
    expect(built.text).toContain('trappa migrate');
    expectNorwegian(built.text, 'build with an older form');
    for (const args of [['migrate', '--dry-run'], ['migrate']]) {
      const migrated = await run(lang, args, root);
      expect(migrated.status, migrated.text).toBe(0);
      expectNorwegian(migrated.text, args.join(' '));
    }
  });

  it('build --watch says what it does between builds', async () => {
    const root = copyProject();
    const lines: string[] = [];
    const stop = new AbortController();
    await watchBuild({
      build: { root, decks: ['storledermote'] },
      onBuilt: () => stop.abort(),
      onError: (error) => lines.push(String(error)),
      log: (line) => lines.push(line),
      signal: stop.signal,
      messages: messagesIn(lang),
    });
    expect(lines).toHaveLength(2);
    expectNorwegian(lines.join('\n'), 'build --watch');
  });

  it('release, and absorb of a deck edited in PowerPoint (a field and a computed text)', async () => {
    const root = await copyBuiltProject(['storledermote']);
    const released = await run(lang, ['release', '--deck', 'storledermote'], root);
    expect(released.status, released.text).toBe(0);
    expectNorwegian(released.text, 'release');
    const again = await run(lang, ['release', '--deck', 'storledermote'], root);
    expectNorwegian(again.text, 'release again');
    const parts = openDeck(readFileSync(path.join(root, 'output/storledermote-v0.2-2004-02-04.pptx')));
    editRun(parts, 1, 'Versjon 0.2', 'Versjon 0.3');
    editRun(parts, 3, 'bedre tjenester', 'bedre og enklere tjenester');
    writeFileSync(path.join(root, 'edited.pptx'), saveDeck(parts));
    const absorbed = await run(lang, ['absorb', '--dry-run', 'edited.pptx'], root);
    expect(absorbed.status, absorbed.text).toBe(0);
    expect(absorbed.text).toContain('mainMessage.why');
    expect(absorbed.text).toContain('Versjon 0.3');
    expectNorwegian(absorbed.text, 'absorb');
    const diff = await run(lang, ['diff', 'output/storledermote-v0.2-2004-02-04.pptx', 'edited.pptx'], root);
    expect(diff.status, diff.text).toBe(0);
    expect(diff.text).toContain('bedre og enklere tjenester');
    expectNorwegian(diff.text, 'diff');
  });
});

describe('English stays English', () => {
  it('and the word check sees it: the same commands in English are caught', async () => {
    const root = await copyBuiltProject(['storledermote']);
    for (const args of [
      ['build', '--deck', 'storledermote'],
      ['list'],
      ['check', '--deck', 'storledermote'],
      ['diff'],
      ['diff', 'nope@0.1'],
      ['diff', 'storledermote@0.1'],
    ]) {
      const english = await run('en', args, root);
      expect(englishLines(english.text).length, `${args.join(' ')}\n${english.text}`).toBeGreaterThan(0);
    }
  });

  it('with --lang en the help and a usage error are commander’s English', async () => {
    const root = copyProject();
    const help = await run('en', ['--help'], root);
    expect(help.text).toContain('Commands:');
    expect(help.text).toContain('build [options]');
    const bad = await run('en', ['build', '--dekc', 'x'], root);
    expect(bad.text.split('\n')[0]).toBe("error: unknown option '--dekc'");
  });
});

/** Every hole of an English stage text given a value of its own: counts, a catalogue word, plain text otherwise. */
function sampleValues(english: string, n: number): Record<string, string | number | Said> {
  const values: Record<string, string | number | Said> = {};
  for (const m of english.matchAll(/\{(\w+)(\|)?/g)) {
    const name = m[1]!;
    if (name in values) continue;
    // A message inside a line is itself a stage text (the catalogue's English of another key).
    values[name] =
      name === 'message'
        ? 'the PDF has no structure tree (no tags)'
        : name.endsWith('Size')
          ? '1.5 MB'
          : name.endsWith('Value')
            ? "'vx'"
            : name.endsWith('AndList')
              ? said('list.and', { a: 'text: …', b: 'sub: [...]' })
              : name.endsWith('List')
                ? said('list.or', { a: said('word.kind.text'), b: "'auto'" })
                : name.endsWith('Word')
                  ? said('word.id.planRow')
                  : m[2] || name === 'n'
                    ? n
                    : `v${name}`;
  }
  return values;
}

describe("the stages' messages from the catalogue", () => {
  it('each stage text, reaching the edge in English, is read back into its key and said in nb and nn', () => {
    const en = messagesIn('en');
    for (const [key, entry] of stageEntries())
      for (const n of [1, 3]) {
        const values = sampleValues(entry.en, n);
        const english = en.tell(said(key, values));
        for (const lang of LANGS) {
          const told = messagesIn(lang).tell(
            said(key, {
              ...values,
              ...('message' in values ? { message: messagesIn(lang).tell(said('pdf.noTree')) } : {}),
            }),
          );
          expect(translateText(english, lang), `${key} (${n}) ${lang}`).toBe(told);
          // With a finding's field after it, the field is kept as it is (a text ending in a hole takes it in).
          if (!/\}\)?$/.test(entry.en))
            expect(translateText(`${english} (strategy.yaml x)`, lang), `${key} + field`).toBe(
              `${told} (strategy.yaml x)`,
            );
        }
      }
  });

  it("a refused build's lines and a refused PDF's lines, as the stages write them, read in Norwegian", async () => {
    const root = await copyBuiltProject(['storledermote']);
    const bytes = readFileSync(path.join(root, 'output/storledermote-v0.2-2004-02-04.pptx'));
    const findings = checkDeck(breakDeck(bytes), { minBodySize: 12, language: 'nb-NO' });
    const refused = checkFailure('storledermote-v0.2-2004-02-04.pptx', findings)!;
    const pdf = [
      found('pdf-lang', 0, '(document)', said('pdf.langMissing', { expected: 'nb-NO' })),
      found('pdf-alt', 3, 'Figure', said('pdf.figuresNoAlt', { missing: 1, n: 2 })),
      found('pdf-text', 2, '(page)', said('pdf.textOrder', { text: 'Hovedbudskap' })),
    ];
    const pdfLines = `${english(said('pdf.refusedOne'))}\nx.pdf:\n${formatPdfFindings(pdf)}`;
    for (const lang of LANGS) {
      expectNorwegian(translateLines(refused.message, lang), 'refused build');
      expectNorwegian(translateLines(pdfLines, lang), 'refused PDF');
    }
    expect(englishLines(refused.message).length).toBeGreaterThan(2);
    expect(englishLines(pdfLines).length).toBe(4);
  });

  it('a held lock, in the words of the one waiting', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'trappa-lock-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    let release = (): void => undefined;
    const holding = withOutputLock(folder, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const busy = await withOutputLock(folder, async () => undefined, { waitMs: 300 }).catch((error: unknown) => error);
    release();
    await holding;
    expect(busy).toBeInstanceOf(LockBusyError);
    for (const lang of LANGS) expectNorwegian(translateLines((busy as Error).message, lang), 'lock');
    expect(englishLines((busy as Error).message).length).toBe(1);
  });
});

/** A built deck as a hand might leave it: untagged text, a foreign tag, a shape id twice, a link to a missing part. */
function breakDeck(bytes: Uint8Array): Uint8Array {
  const parts = openDeck(bytes);
  const [, second, third, fourth] = slideParts(parts);
  const edit = (part: string, change: (xml: string) => string) =>
    parts.set(part, new TextEncoder().encode(change(new TextDecoder().decode(parts.get(part)!))));
  edit(second!, (xml) => xml.replace(/ lang="[^"]*"/, ''));
  edit(third!, (xml) => {
    const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]!);
    return xml.replace(/ lang="[^"]*"/, ' lang="en-GB"').replace(`<p:cNvPr id="${ids[2]}"`, `<p:cNvPr id="${ids[1]}"`);
  });
  const rels = fourth!.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels');
  const image = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
  edit(rels, (xml) =>
    xml.replace(
      '</Relationships>',
      `<Relationship Id="rId99" Type="${image}" Target="../media/gone.png"/></Relationships>`,
    ),
  );
  return saveDeck(parts);
}

/**
 * The runs that meet the rarer messages: a deck failing the language and package checks, a
 * broken release record, mail settings wrong three ways, broken Handlebars in an e-mail and a
 * slide template, a credential file that is not one, a picture that is not one, an unknown
 * and a repeated id. Each
 * run's output, by what it provoked.
 */
async function rareRuns(lang: string): Promise<Array<[string, string]>> {
  const root = await copyBuiltProject(['storledermote']);
  const out: Array<[string, string]> = [];
  const runOf = async (what: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const done = await run(lang, args, root, env);
    expect(done.status, `${what}\n${done.text}`).not.toBe(0);
    out.push([what, done.text]);
  };
  const built = readFileSync(path.join(root, 'output/storledermote-v0.2-2004-02-04.pptx'));
  writeFileSync(path.join(root, 'edited.pptx'), breakDeck(built));
  await runOf('check of a deck failing rarer checks', ['check', 'edited.pptx']);
  expect((await run(lang, ['release', '--deck', 'storledermote'], root)).status).toBe(0);
  writeFileSync(path.join(root, 'output/releases/storledermote-v0.2/release.json'), '{ broken');
  await runOf('a broken release record', ['build', '--from-release', 'storledermote@0.2']);
  await runOf('not a release', ['build', '--from-release', 'nope']);
  const mail = { TRAPPA_SMTP_FROM: 'a@example.no' };
  await runOf('no mail server', ['send', '--deck', 'storledermote'], { HOME: root, ...mail });
  await runOf('a bad port', ['send', '--deck', 'storledermote'], {
    ...mail,
    TRAPPA_SMTP_HOST: 'x',
    TRAPPA_SMTP_PORT: 'x',
  });
  await runOf('a bad transport', ['send', '--deck', 'storledermote'], { TRAPPA_MAIL_TRANSPORT: 'due' });
  // Port 1 on this machine refuses at once: the server line and the refusal, the system's words quoted.
  await runOf('an unreachable server', ['send', '--deck', 'storledermote'], {
    ...mail,
    TRAPPA_SMTP_HOST: '127.0.0.1',
    TRAPPA_SMTP_PORT: '1',
  });
  // Handlebars written wrong: an e-mail template's unknown token, a slide template's block never closed.
  const subject = path.join(root, 'templates/nb/email/subject.hbs');
  const goodSubject = readFileSync(subject, 'utf8');
  writeFileSync(subject, '{{#if meeting}}{{title}\n');
  await runOf('an e-mail template with broken Handlebars', ['send', '--deck', 'storledermote'], {
    ...mail,
    TRAPPA_SMTP_HOST: '127.0.0.1',
    TRAPPA_SMTP_PORT: '1',
  });
  writeFileSync(subject, goodSubject);
  // A credential store that is not one (the sign-in's file holds something else).
  writeFileSync(path.join(root, 'credentials.json'), '{ broken');
  const signIn = { TRAPPA_OAUTH_TENANT: 'contoso', TRAPPA_OAUTH_CLIENT_ID: 'app' };
  await runOf('a broken credential store', ['mail', 'logout'], {
    ...signIn,
    TRAPPA_CREDENTIAL_FILE: path.join(root, 'credentials.json'),
  });
  // Signing out with nothing kept: said where it looked (its own line, not the stage's refusal).
  const nothing = await run(lang, ['mail', 'logout'], root, {
    ...signIn,
    TRAPPA_CREDENTIAL_FILE: path.join(root, 'none.json'),
  });
  expect(nothing.status, nothing.text).toBe(0);
  out.push(['a sign-out with nothing kept', nothing.text]);
  const slides = 'templates/nb/slides.yaml';
  editFile(root, slides, '{{strategy.name}}{{/if}}"', '{{strategy.name}}"');
  await runOf('a slide template with a block never closed', ['build', '--deck', 'storledermote']);
  editFile(root, slides, '{{strategy.name}}"', '{{strategy.name}}{{/if}}"');
  writeFileSync(path.join(root, 'assets/broken.png'), 'not a picture');
  editFile(root, 'data/strategy.yaml', 'file: logos/isk.svg', 'file: broken.png');
  await runOf('a broken image', ['build', '--deck', 'storledermote']);
  editFile(root, 'data/strategy.yaml', 'groups: [ansatte-isk]', 'groups: [ansatte-iks]');
  editFile(root, 'data/strategy.yaml', '{ id: tillitsvalgte,', '{ id: ansatte-isk,');
  await runOf('an unknown and a repeated target group', ['list']);
  return out;
}

describe.each(LANGS)('the rarer messages in %s', (lang) => {
  it('a deck failing rarer checks, a broken release record, wrong mail settings, a broken image', async () => {
    const runs = await rareRuns(lang);
    for (const [what, text] of runs) expectNorwegian(text, what);
    const all = runs.map(([, text]) => text).join('\n');
    expect(all).toContain(lang === 'nb' ? 'mangler språkmerke' : 'manglar språkmerke');
    expect(all).toContain(lang === 'nb' ? 'E-postoppsettet må rettes først' : 'E-postoppsettet må rettast først');
    // Located at the file and line, what is wrong in the reader's words; Handlebars' own at most quoted.
    expect(all).toMatch(/templates\/nb\/slides\.yaml:\d+:\d+ .*\{\{#if …\}\} (blir aldri lukket|vert aldri lukka)/);
    // A template's key is no data field: named as slides.yaml has it, not «Tittel › Tittel».
    expect(all).toMatch(/templates\/nb\/slides\.yaml:\d+:\d+ title\.title: /);
    expect(all).toMatch(/templates\/nb\/email\/subject\.hbs:1 syntaksfeil: Handlebars (ventet ikke|venta ikkje) /);
    expect(all).toContain(lang === 'nb' ? 'er ikke en innloggingsfil' : 'er ikkje ei innloggingsfil');
    expect(all).toContain(lang === 'nb' ? 'ikke logget inn (ingenting i ' : 'ikkje logga inn (ingenting i ');
  });
});

describe('the rarer messages in English', () => {
  it('are caught by the word check, run by run (guards the guard)', async () => {
    for (const [what, text] of await rareRuns('en'))
      expect(englishLines(text).length, `${what}\n${text}`).toBeGreaterThan(0);
  });
});

/**
 * The operating system's credential store out of reach, in a real run. Its binary missing: the
 * keyring's loader pointed at a file that is not there (NAPI_RS_NATIVE_LIBRARY_PATH, in a child
 * process, since a module once loaded stays loaded). The store refusing: a sign-in against the
 * fake Microsoft 365 on 127.0.0.1 keeps its token in the store, which on a machine without a
 * keyring daemon (a container, CI) is refused; where a desktop's store works, that run would
 * really keep a token, so it runs only when a probe (keeping a dummy entry, deleted at once if
 * kept) shows the store refused.
 */
describe('the credential store out of reach', () => {
  const signIn = { TRAPPA_OAUTH_TENANT: TENANT, TRAPPA_OAUTH_CLIENT_ID: CLIENT_ID };
  const FIRST = {
    nb: 'trappa: Innloggingen for e-post gikk ikke. Meldingen under sier hva du gjør; ingen e-post ble sendt.',
    nn: 'trappa: Innlogginga for e-post gjekk ikkje. Meldinga under seier kva du gjer; ingen e-post vart sendt.',
  };

  it('no binary for the store: trappa mail logout says so in nb and nn, after a first line of its own', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'trappa-cred-'));
    onTestFinished(() => rmSync(cwd, { recursive: true, force: true }));
    const env = { ...signIn, NAPI_RS_NATIVE_LIBRARY_PATH: path.join(cwd, 'no-such-keyring.node') };
    const runs = await Promise.all(
      (['nb', 'nn', 'en'] as const).map((lang) =>
        runCliAsync(['--lang', lang, 'mail', 'logout'], cwd, env, { withoutOwnSettings: true }),
      ),
    );
    const [nb, nn, en] = runs.map((r) => ({ status: r.status, lines: r.stderr.trim().split('\n') }));
    for (const [lang, run] of [
      ['nb', nb!],
      ['nn', nn!],
    ] as const) {
      expect(run.status, run.lines.join('\n')).toBe(6);
      expect(run.lines[0]).toBe(FIRST[lang]);
      expect(run.lines[1]).toMatch(
        lang === 'nb'
          ? /^trappa: Trappa når ikke Secret Service-tjenesten .* på denne maskinen \(@napi-rs\/keyring mangler program for den\); sett TRAPPA_CREDENTIAL_FILE/
          : /^trappa: Trappa når ikkje Secret Service-tenesta .* på denne maskina \(@napi-rs\/keyring manglar program for ho\); set TRAPPA_CREDENTIAL_FILE/,
      );
      expectNorwegian(run.lines.join('\n'), `no keyring binary, ${lang}`);
    }
    expect(en!.lines).toEqual([
      'trappa: Trappa cannot reach the Secret Service (GNOME Keyring, KWallet) on this machine (@napi-rs/keyring has no binary for it); set TRAPPA_CREDENTIAL_FILE to a file only you can read to keep the sign-in there instead.',
    ]);
  });

  it('the store refuses: trappa mail login says it is not available, the system’s words quoted', async () => {
    const { AsyncEntry } = await import('@napi-rs/keyring');
    const probe = new AsyncEntry('trappa', `trappa-test-probe-${process.pid}`);
    const refused = await probe.setPassword('probe').then(
      () => probe.deletePassword().then(() => false),
      () => true,
    );
    if (!refused) return console.warn('the credential store works on this machine: its refusal is not provoked here');
    const m365 = await startFakeM365('kommunikasjon@innherred-samkommune.no');
    onTestFinished(() => m365.close());
    const cwd = mkdtempSync(path.join(tmpdir(), 'trappa-cred-'));
    onTestFinished(() => rmSync(cwd, { recursive: true, force: true }));
    const env = { ...signIn, TRAPPA_OAUTH_FLOW: 'delegated', TRAPPA_OAUTH_TOKEN_URL: m365.tokenUrl };
    for (const lang of LANGS) {
      const login = await runMain(['--lang', lang, 'mail', 'login'], cwd, env, { withoutOwnSettings: true });
      const lines = login.stderr.trim().split('\n');
      expect(login.status, login.stderr).toBe(6);
      expect(lines[0]).toBe(FIRST[lang]);
      expect(lines[1]).toMatch(
        lang === 'nb'
          ? /^trappa: Secret Service-tjenesten \(GNOME Keyring, KWallet\) er ikke tilgjengelig \(«.+»\); lås opp eller start den/
          : /^trappa: Secret Service-tenesta \(GNOME Keyring, KWallet\) er ikkje tilgjengeleg \(«.+»\); lås opp eller start han/,
      );
      expectNorwegian(`${login.stdout}\n${login.stderr}`, `the store refused, ${lang}`);
    }
  });
});

/**
 * The data's own messages, of the forms the sweep found (test/message-sweep.test.ts): an e-mail
 * address without "@", a bare version number, a size that is not a number, an empty colour, a
 * tab in the YAML. Each in nb and nn, located and labelled, with no English; in English caught.
 */
async function dataRuns(lang: string): Promise<string[]> {
  const root = copyProject();
  editFile(
    root,
    'data/decks/storledermote.yaml',
    'email: ledere@levanger.kommune.no',
    'email: ledere.levanger.kommune.no',
  );
  editFile(root, 'data/strategy.yaml', 'version: "0.2"', 'version: 0.2');
  editFile(root, 'data/theme.yaml', 'subtitle: 20', 'subtitle: tjue');
  editFile(root, 'data/theme.yaml', 'accent: "E8A33D"', 'accent:');
  const values = await run(lang, ['list'], root);
  expect(values.status, values.text).toBe(2);
  editFile(root, 'data/decks/ansatte.yaml', '  name: Ansatte i ISK', '\tname: Ansatte i ISK');
  const yaml = await run(lang, ['list'], root);
  expect(yaml.status, yaml.text).toBe(2);
  return [values.text, yaml.text];
}

describe.each(LANGS)("the data's own messages in %s", (lang) => {
  it('a wrong e-mail address, a bare version, a size in words, an empty colour, a tab in the YAML', async () => {
    const texts = await dataRuns(lang);
    for (const text of texts) expectNorwegian(text, 'data');
    const all = texts.join('\n');
    const nb = lang === 'nb';
    expect(all).toContain('«ledere.levanger.kommune.no» har ingen «@»');
    expect(all).toContain(nb ? 'skriv versjonen som tekst i anførselstegn' : 'skriv versjonen som tekst i hermeteikn');
    expect(all).toContain(nb ? 'skal være et tall, men er tekst' : 'skal vere eit tal, men er tekst');
    expect(all).toContain(nb ? 'er tom; skriv fargen i anførselstegn' : 'er tom; skriv fargen i hermeteikn');
    expect(all).toMatch(
      /data\/decks\/ansatte\.yaml:\d+:\d+ tabulator brukt til innrykk; bruk mellomrom i (stedet|staden)/,
    );
  });
});

describe("the data's own messages in English", () => {
  it('are caught by the word check (guards the guard)', async () => {
    for (const text of await dataRuns('en')) expect(englishLines(text).length, text).toBeGreaterThan(0);
  });
});
