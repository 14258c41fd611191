/** `trappa check`: runs the deck checks on built .pptx files and reports per slide and element. */
import { FontRegistry, withFonts } from '../fonts/fonts.js';
import { resolvePaths } from '../project-paths.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { unzipSync } from 'fflate';
import { findBuiltDecks } from '../check/built-decks.js';
import { checkBuiltDeck } from '../check/check-deck.js';
import { backdropPictures } from '../check/backdrop-pictures.js';
import { rasterCacheDir } from '../images/decode-raster.js';
import { summarize, type FileReport, type Summary } from '../check/format-findings.js';
import type { Finding } from '../check/types.js';
import type { Messages } from '../messages/catalogue.js';
import { translateText } from '../messages/issue-text.js';
import { registerThemeFonts } from '../data/check-theme.js';
import { loadYamlFile } from '../data/load-yaml.js';
import { themeSchema, type Theme } from '../data/schema.js';
import { validateSource } from '../data/validate.js';
import { CheckFailedError, fail, InputError, ok, type Result } from '../errors.js';
import { outputDir, projectOptions, type ProjectOptions } from './shared.js';

interface CheckFlags {
  deck?: string[];
  all?: boolean;
  json?: boolean;
}

export function registerCheck(program: Command, messages: Messages): void {
  const { say } = messages;
  program
    .command('check')
    .description(say('check.desc'))
    .argument(`[${say('arg.files')}...]`, say('check.files'))
    .option('-d, --deck <id...>', say('check.deck'))
    .option('-a, --all', say('check.all'))
    .option('--json', say('check.json'))
    .action(async (files: string[], flags: CheckFlags, cmd: Command) => {
      const options = projectOptions(cmd);
      const { theme, fonts } = await loadCheckTheme(options);
      const targets = await checkTargets(options, files, flags);
      const read = await Promise.all(targets.map((t) => readDeckFile(t.file, displayPath(t.file))));
      const unreadable = read.flatMap((r) => (r.ok ? [] : r.issues));
      if (unreadable.length > 0) throw new InputError(unreadable);
      const decks = read.flatMap((r) => (r.ok ? [r.value] : []));
      const pictures = await Promise.all(
        decks.map((d) => backdropPictures(d.bytes, { cacheDir: rasterCacheDir(options.root) })),
      );
      const reports: FileReport[] = targets.map((target, i) => {
        const { bytes, shown } = decks[i]!;
        const findings = withFonts(fonts, () => checkBuiltDeck(bytes, theme, { pictures: pictures[i]! }));
        return { ...target, file: shown, ...summarize(findings), findings };
      });
      printReports(reports, flags.json ?? false, messages);
      const failed = reports.filter((r) => r.errors > 0);
      if (failed.length > 0) {
        const n = failed.reduce((sum, r) => sum + r.errors, 0);
        throw new CheckFailedError(say('check.failed', { n, files: failed.map((r) => r.file).join(', ') }));
      }
    });
}

async function checkTargets(options: ProjectOptions, files: string[], flags: CheckFlags) {
  if (files.length > 0) return files.map((file) => ({ file: path.resolve(file) }));
  const decks = await findBuiltDecks(outputDir(options), flags.all ? [] : (flags.deck ?? []), options.root);
  return decks.map(({ deckId, version, file }) => ({ deckId, version, file }));
}

/**
 * The theme's minimum sizes (the schema's defaults when the project has no theme.yaml),
 * with the theme's own font files registered, so text is measured as the build measured it.
 */
async function loadCheckTheme(options: ProjectOptions): Promise<{ theme: Pick<Theme, 'sizes'>; fonts: FontRegistry }> {
  const fonts = new FontRegistry();
  const file = path.join(resolvePaths(options).dataDir, 'theme.yaml');
  const loaded = await loadYamlFile(file, path.relative(options.root, file) || file);
  if (!loaded.ok) {
    if (loaded.issues.every((i) => i.message === 'file not found'))
      return { theme: { sizes: themeSchema.shape.sizes.parse(undefined) }, fonts };
    throw new InputError(loaded.issues);
  }
  const validated = validateSource(loaded.value, themeSchema);
  if (!validated.ok) throw new InputError(validated.issues);
  const fontIssues = await registerThemeFonts(options.root, validated.value, loaded.value, fonts);
  if (fontIssues.length > 0) throw new InputError(fontIssues);
  return { theme: validated.value, fonts };
}

/** Relative to the working directory when the file is inside it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

interface DeckFile {
  bytes: Uint8Array;
  /** As printed: relative to the working directory. */
  shown: string;
}

/**
 * The bytes of a file to check, or one located line when it cannot be a deck: missing,
 * unreadable, not a zip package, or a zip package without a presentation (a .docx, say).
 */
async function readDeckFile(file: string, shown: string): Promise<Result<DeckFile>> {
  const wrong = (message: string) => fail<DeckFile>([{ file: shown, message }]);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return wrong('file not found');
    if (code === 'EISDIR') return wrong('expected a .pptx file, found a folder');
    return wrong(`cannot read the file (${code ?? String(cause)})`);
  }
  let parts: string[];
  try {
    parts = zipEntryNames(bytes);
  } catch {
    return wrong('is not a .pptx file (not a zip package; a .ppt from old PowerPoint must be saved as .pptx first)');
  }
  if (!parts.includes('ppt/presentation.xml'))
    return wrong('is not a .pptx file (a zip package without ppt/presentation.xml)');
  return ok({ bytes, shown });
}

/** The names in a zip's central directory; nothing is inflated. @throws Error when the bytes are not a zip. */
function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (entry) => {
      names.push(entry.name);
      return false;
    },
  });
  return names;
}

function printReports(reports: FileReport[], json: boolean, messages: Messages): void {
  const total = summarize(reports.flatMap((r) => r.findings));
  if (json) {
    console.log(JSON.stringify({ ...total, files: reports }, null, 2));
    return;
  }
  const { say } = messages;
  for (const report of reports) {
    const mark = report.errors > 0 ? '✗' : report.warnings > 0 ? '!' : '✓';
    console.log(`${mark} ${report.file}  ${summaryText(report, messages)}`);
    for (const finding of report.findings) console.log(`  ${findingLine(finding, messages)}`);
  }
  if (reports.length > 1) console.log(say('check.total', { n: reports.length, summary: summaryText(total, messages) }));
}

/** `2 errors, 1 warning` or `no problems`, in the reader's language. */
function summaryText({ errors, warnings }: Summary, { say }: Messages): string {
  if (errors === 0 && warnings === 0) return say('check.none');
  const parts = [
    errors > 0 ? say('check.errors', { n: errors }) : '',
    warnings > 0 ? say('check.warnings', { n: warnings }) : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** `slide 8 · Action plan · error overflow: the table's …` (as check/format-findings.ts), in the reader's language. */
function findingLine(f: Finding, { say, tell, lang }: Messages): string {
  const where = f.slide > 0 ? say('cli.slide', { n: f.slide }) : say('check.package');
  const field = f.field ? ` (${f.field})` : '';
  const severity = say(f.severity === 'error' ? 'check.error' : 'check.warning');
  // A table cell's place after the table's name (whole-words), in the reader's words.
  const element = f.element.replace(
    / row (\d+), column (\d+)$/,
    (_, row: string, column: string) => ` ${say('find.cell', { row, column })}`,
  );
  return `${where} · ${element} · ${severity} ${f.rule}: ${f.said ? tell(f.said) : translateText(f.message, lang)}${field}`;
}
