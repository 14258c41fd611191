/**
 * The command line: argv → library calls. The only module that prints or sets exit codes.
 * User errors print as located one-liners with exit code 2 (see errors.ts for the others);
 * anything else is a bug and prints its stack.
 */
import { Command } from 'commander';
import path from 'node:path';
import { buildDecks } from './build-deck.js';
import { formatIssue, InputError, sortIssues, TrappaError } from './errors.js';

interface GlobalOptions {
  root: string;
  data?: string;
  templates?: string;
  out?: string;
}

const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;

function projectOptions(opts: GlobalOptions) {
  const root = path.resolve(opts.root);
  return { root, dataDir: opts.data, templatesDir: opts.templates, outDir: opts.out };
}

async function runBuild(opts: GlobalOptions & { deck?: string[]; all?: boolean }): Promise<number> {
  const started = performance.now();
  const result = await buildDecks({ ...projectOptions(opts), decks: opts.all ? [] : opts.deck });
  for (const deck of result.decks) {
    const rel = path.relative(process.cwd(), deck.file);
    console.log(`✓ ${deck.deckId}  ${rel}  (${deck.slideCount} slides, ${kb(deck.bytes.length)})`);
  }
  const ms = Math.round(performance.now() - started);
  console.log(`${result.decks.length} deck${result.decks.length === 1 ? '' : 's'} built in ${ms} ms`);
  return 0;
}

export function createProgram(): Command {
  const program = new Command('trappa')
    .description('Builds the decks of a communication strategy: data/*.yaml + templates/ → output/*.pptx')
    .option('--root <dir>', 'project folder', '.')
    .option('--data <dir>', 'folder with strategy.yaml, theme.yaml and decks/ (default: <root>/data)')
    .option('--templates <dir>', 'folder with the wording templates (default: <root>/templates)')
    .option('--out <dir>', 'folder for the built files (default: <root>/output)')
    .showHelpAfterError();

  program
    .command('build')
    .description('build decks (all by default)')
    .option('-d, --deck <id...>', 'deck id(s) to build')
    .option('-a, --all', 'build every deck in data/decks')
    .action(async (cmdOpts, cmd: Command) => {
      process.exitCode = await runBuild({ ...cmd.optsWithGlobals<GlobalOptions>(), ...cmdOpts });
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof InputError) {
      for (const issue of sortIssues(error.issues)) console.error(formatIssue(issue));
      return error.exitCode;
    }
    if (error instanceof TrappaError) {
      console.error(`trappa: ${error.message}`);
      return error.exitCode;
    }
    console.error('trappa: internal error (please report it with the lines below)');
    console.error(error);
    return 70;
  }
}

const isEntry = process.argv[1] && /cli\.(ts|js)$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
