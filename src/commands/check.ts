/** `trappa check`: runs the deck checks on built .pptx files and reports per slide and element. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { findBuiltDecks } from '../check/built-decks.js';
import { checkBuiltDeck } from '../check/check-deck.js';
import { formatFindings, formatSummary, summarize, type FileReport } from '../check/format-findings.js';
import { loadYamlFile } from '../data/load-yaml.js';
import { themeSchema, type Theme } from '../data/schema.js';
import { validateSource } from '../data/validate.js';
import { CheckFailedError, InputError } from '../errors.js';
import { outputDir, projectOptions, type ProjectOptions } from './shared.js';

interface CheckFlags {
  deck?: string[];
  all?: boolean;
  json?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check built decks: text that overflows, titles, alt text, table headers, contrast, text size, language, package')
    .argument('[files...]', '.pptx files to check (default: the newest built file of each deck in the output folder)')
    .option('-d, --deck <id...>', 'deck id(s) to check')
    .option('-a, --all', 'check every built deck (the default)')
    .option('--json', 'print the findings as JSON')
    .action(async (files: string[], flags: CheckFlags, cmd: Command) => {
      const options = projectOptions(cmd);
      const theme = await loadThemeSizes(options);
      const targets = await checkTargets(options, files, flags);
      const reports: FileReport[] = [];
      for (const target of targets) {
        const findings = checkBuiltDeck(await readFile(target.file), theme);
        reports.push({ ...target, file: path.relative(process.cwd(), target.file) || target.file, ...summarize(findings), findings });
      }
      printReports(reports, flags.json ?? false);
      const failed = reports.filter((r) => r.errors > 0);
      if (failed.length > 0) {
        const errors = failed.reduce((n, r) => n + r.errors, 0);
        throw new CheckFailedError(`${errors} error${errors === 1 ? '' : 's'} in ${failed.map((r) => r.file).join(', ')}`);
      }
    });
}

async function checkTargets(options: ProjectOptions, files: string[], flags: CheckFlags) {
  if (files.length > 0) return files.map((file) => ({ file: path.resolve(file) }));
  const decks = await findBuiltDecks(outputDir(options), flags.all ? [] : (flags.deck ?? []), options.root);
  return decks.map(({ deckId, version, file }) => ({ deckId, version, file }));
}

/** The theme's minimum sizes; the schema's defaults when the project has no theme.yaml. */
async function loadThemeSizes(options: ProjectOptions): Promise<Pick<Theme, 'sizes'>> {
  const file = path.resolve(options.root, options.dataDir ?? 'data', 'theme.yaml');
  const loaded = await loadYamlFile(file, path.relative(options.root, file) || file);
  if (!loaded.ok) {
    if (loaded.issues.every((i) => i.message === 'file not found')) return { sizes: themeSchema.shape.sizes.parse(undefined) };
    throw new InputError(loaded.issues);
  }
  const validated = validateSource(loaded.value, themeSchema);
  if (!validated.ok) throw new InputError(validated.issues);
  return validated.value;
}

function printReports(reports: FileReport[], json: boolean): void {
  const total = summarize(reports.flatMap((r) => r.findings));
  if (json) {
    console.log(JSON.stringify({ ...total, files: reports }, null, 2));
    return;
  }
  for (const report of reports) {
    const mark = report.errors > 0 ? '✗' : report.warnings > 0 ? '!' : '✓';
    console.log(`${mark} ${report.file}  ${formatSummary(report)}`);
    if (report.findings.length > 0) console.log(formatFindings(report.findings, { indent: '  ' }));
  }
  if (reports.length > 1) console.log(`${reports.length} decks checked: ${formatSummary(total)}`);
}
