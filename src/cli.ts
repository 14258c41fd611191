/**
 * The command line: argv → library calls. The only module that prints or sets exit codes.
 * User errors print as located one-liners with exit code 2 (see errors.ts for the others);
 * anything else is a bug and prints its stack. Each command lives in src/commands/.
 */
import { enableVerbose } from './debug-log.js';
import { growHeapSlowly } from './heap-growth.js';

export { growHeapSlowly };
import { Command, CommanderError } from 'commander';
import { exitCodeFor, reportError } from './commands/report-error.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerPreview } from './commands/preview.js';
import { registerSend } from './commands/send.js';
import { registerList } from './commands/list.js';
import { registerRelease } from './commands/release.js';
import { registerBump } from './commands/bump.js';
import { registerMigrate } from './commands/migrate.js';
import { registerStudio } from './commands/studio.js';
import { exitCodeHelp } from './exit-codes.js';
import { registerAbsorb } from './commands/absorb.js';
import { registerMail } from './commands/mail.js';
import { registerDiff } from './commands/diff.js';
import { registerTemplate } from './commands/template.js';
import { trappaVersion } from './versions/input-hash.js';
import { languageFrom, messagesIn } from './messages/catalogue.js';

export function createProgram(): Command {
  const program = new Command('trappa')
    .description('Builds the decks of a communication strategy: data/*.yaml + templates/ → output/*.pptx')
    .version(trappaVersion(), '-V, --version', 'print the version of Trappa')
    .option('--root <dir>', 'project folder', '.')
    .option('--data <dir>', 'folder with strategy.yaml, theme.yaml and decks/ (default: <root>/data)')
    .option('--templates <dir>', 'folder with the wording templates (default: <root>/templates)')
    .option('--out <dir>', 'folder for the built files (default: <root>/output)')
    .option('--lang <nb|nn|en>', 'language of the explanations (default: from the locale, else English)')
    .option('--verbose', "each stage's time and decisions, one line each on stderr (as DEBUG=trappa:*)")
    .hook('preAction', (command) => {
      if (command.opts().verbose) enableVerbose();
    })
    .showHelpAfterError()
    // Usage errors, --help and --version end in a CommanderError that main() turns into an
    // exit code, instead of commander calling process.exit: main() is a call that returns.
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  trappa build                              build every deck in data/decks
  trappa build --deck storledermote --pdf   one deck, with an accessible PDF beside it
  trappa build --watch                      rebuild on every change
  trappa check --all                        check the built decks
  trappa send --deck samkommunestyre --dry-run

${exitCodeHelp()}`,
    );
  registerBuild(program);
  registerCheck(program);
  registerPreview(program);
  registerSend(program);
  registerList(program);
  registerRelease(program);
  registerBump(program);
  registerMigrate(program);
  registerStudio(program);
  registerAbsorb(program);
  registerMail(program);
  registerDiff(program);
  registerTemplate(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  // Before parsing, so even a usage error is explained in the reader's language.
  const flag = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = flag < 0 ? undefined : argv[flag]!.includes('=') ? argv[flag]!.split('=')[1] : argv[flag + 1];
  const messages = messagesIn(languageFrom(given, process.env, 'en'));
  try {
    await createProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    // Commander has already printed the usage problem or the help text.
    if (error instanceof CommanderError) return error.exitCode;
    // In Norwegian, a first line says what the exit code means and what to do (messages/catalogue.ts);
    // the messages it points to follow below it.
    if (messages.lang !== 'en') console.error(`trappa: ${messages.exitExplanation(exitCodeFor(error))}`);
    return reportError(error, messages);
  }
}

/**
 * `trappa list | head -3`: the reader closed the pipe early. Node then fails the next write
 * with EPIPE, which would crash with a stack trace. The rest of the output has nowhere to go
 * and that is no error: the command finishes its work quietly and keeps its exit code.
 */
function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

const isEntry = process.argv[1] !== undefined && /cli\.(ts|js)$/.test(process.argv[1]);
if (isEntry) {
  growHeapSlowly();
  ignoreClosedPipes();
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
