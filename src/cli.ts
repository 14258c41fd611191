/**
 * The command line: argv → library calls. The only module that prints or sets exit codes.
 * User errors print as located one-liners with exit code 2 (see errors.ts for the others);
 * anything else is a bug and prints its stack. Each command lives in src/commands/.
 */
import { enableVerbose } from './debug-log.js';
import { growHeapSlowly, restoreHeapDefaults } from './heap-growth.js';

export { growHeapSlowly, restoreHeapDefaults };
import { type Command, CommanderError } from 'commander';
import { localizeHelp, localizeUsage, TrappaCommand } from './commands/cli-language.js';
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
import { registerMail, SignInError } from './commands/mail.js';
import { registerDiff } from './commands/diff.js';
import { registerTemplate } from './commands/template.js';
import { trappaVersion } from './versions/input-hash.js';
import { languageFrom, type Messages, messagesIn } from './messages/catalogue.js';
import { SmtpConfigError } from './post/email/smtp-config-error.js';

/** The program with its help, usage errors and commands' own lines in `messages`' language. */
export function createProgram(messages: Messages = messagesIn('en')): Command {
  const { say } = messages;
  const dir = say('arg.dir');
  const program = new TrappaCommand('trappa', messages);
  localizeHelp(program, messages);
  program
    .description(say('help.program'))
    .version(trappaVersion(), '-V, --version', say('help.version'))
    .option(`--root <${dir}>`, say('help.root'), '.')
    .option(`--data <${dir}>`, say('help.data'))
    .option(`--templates <${dir}>`, say('help.templates'))
    .option(`--out <${dir}>`, say('help.out'))
    .option('--lang <nb|nn|en>', say('help.lang'))
    .option('--verbose', say('help.verbose'))
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
${say('help.examples')}
  trappa build                              ${say('help.ex.build')}
  trappa build --deck storledermote --pdf   ${say('help.ex.pdf')}
  trappa build --watch                      ${say('help.ex.watch')}
  trappa check --all                        ${say('help.ex.check')}
  trappa send --deck samkommunestyre --dry-run   ${say('help.ex.send')}

${exitCodeHelp(messages.lang)}`,
    );
  for (const register of COMMANDS) register(program, messages);
  localizeUsage(program, messages);
  return program;
}

const COMMANDS = [
  registerBuild,
  registerCheck,
  registerPreview,
  registerSend,
  registerList,
  registerRelease,
  registerBump,
  registerMigrate,
  registerStudio,
  registerAbsorb,
  registerMail,
  registerDiff,
  registerTemplate,
];

export async function main(argv: string[]): Promise<number> {
  // Before parsing, so even a usage error is explained in the reader's language.
  const flag = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = flag < 0 ? undefined : argv[flag]!.includes('=') ? argv[flag]!.split('=')[1] : argv[flag + 1];
  const messages = messagesIn(languageFrom(given, process.env, 'en'));
  try {
    await createProgram(messages).parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    // Commander has already printed the usage problem or the help text.
    if (error instanceof CommanderError) return error.exitCode;
    // In Norwegian, a first line says what the exit code means and what to do (messages/catalogue.ts);
    // the messages it points to follow below it.
    // Mail settings share exit 2 with the data, but the data is fine: say so (issue #25).
    // A failed sign-in shares exit 6 with undelivered mail, but nothing was being sent: say so.
    const explanation =
      error instanceof SmtpConfigError
        ? messages.say('mail.setupFirst')
        : error instanceof SignInError
          ? messages.say('mail.signInFailed')
          : messages.exitExplanation(exitCodeFor(error));
    if (messages.lang !== 'en') console.error(`trappa: ${explanation}`);
    return reportError(error, messages);
  }
}

/**
 * `trappa list | head -3`: the reader closed the pipe early. Node then fails the next write
 * with EPIPE, which would crash with a stack trace. The rest of the output has nowhere to go
 * and that is no error: the command finishes its work quietly and keeps its exit code.
 */
export function ignoreClosedPipes(): void {
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
