/**
 * Commander in the reader's language. Everything commander itself writes goes through its
 * own hooks, not through patching its output: the help's headings and defaults through
 * `configureHelp`, the help option and help command through `helpOption`/`helpCommand`, the
 * usage lines through `usage()`, and its usage errors through `error()`, which commander calls
 * with a stable `code` for each kind (commander.unknownOption …). The values an error names
 * (the option, the command) are read from commander's fixed English form of that code; a form
 * this table does not know is printed as commander wrote it, never lost.
 */
import { Command, type Help, type Option } from 'commander';
import type { MessageKey, Messages } from '../messages/catalogue.js';

type Say = Messages['say'];

/** A commander Command whose usage errors are worded from the catalogue. */
export class TrappaCommand extends Command {
  constructor(
    name: string | undefined,
    private readonly messages: Messages,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new TrappaCommand(name, this.messages);
  }

  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    return super.error(usageError(message, options?.code, this.messages), options);
  }
}

/** `[code, commander's English form, the catalogue key, the names of the form's groups]`. */
const ERRORS: Array<[string, RegExp, MessageKey, string[]]> = [
  ['commander.unknownOption', /^error: unknown option '(.+?)'$/, 'usage.unknownOption', ['flag']],
  ['commander.unknownCommand', /^error: unknown command '(.+?)'$/, 'usage.unknownCommand', ['name']],
  ['commander.missingArgument', /^error: missing required argument '(.+)'$/, 'usage.missingArgument', ['name']],
  [
    'commander.optionMissingArgument',
    /^error: option '(.+)' argument missing$/,
    'usage.optionMissingArgument',
    ['flags'],
  ],
  [
    'commander.excessArguments',
    /^error: too many arguments(?: for '.+')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    'usage.excessArguments',
    ['expected', 'got'],
  ],
  [
    'commander.invalidArgument',
    /^error: option '(.+)' argument '(.*)' is invalid\. (.*)$/s,
    'usage.invalidArgument',
    ['what', 'value', 'reason'],
  ],
  [
    'commander.invalidArgument',
    /^error: command-argument value '(.*)' is invalid for argument '(.+)'\. (.*)$/s,
    'usage.invalidArgument',
    ['value', 'what', 'reason'],
  ],
  [
    'commander.missingMandatoryOptionValue',
    /^error: required option '(.+)' not specified$/,
    'usage.mandatory',
    ['flags'],
  ],
  ['commander.conflictingOption', /^error: (.+) cannot be used with (.+)$/, 'usage.conflict', ['a', 'b']],
];

/** Commander's usage error `message` (of kind `code`) in the reader's language. */
function usageError(message: string, code: string | undefined, messages: Messages): string {
  if (messages.lang === 'en') return message;
  // A suggestion follows on its own line: "\n(Did you mean --deck?)".
  const [first = '', ...rest] = message.split('\n');
  const suggestion = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(rest.join('\n'))?.[1];
  for (const [kind, form, key, names] of ERRORS) {
    const found = kind === code ? form.exec(first) : null;
    if (!found) continue;
    const values = Object.fromEntries(names.map((name, i) => [name, found[i + 1]!]));
    const line = messages.say('usage.error', { message: messages.say(key, values) });
    return suggestion ? `${line}\n${messages.say('usage.didYouMean', { what: suggestion })}` : line;
  }
  return message;
}

/**
 * The program's help, usage lines and error words in `messages`' language. Called on the
 * program before its commands are added (they inherit the help option, help command and help
 * configuration), and `localizeUsage` after.
 */
export function localizeHelp(program: Command, messages: Messages): void {
  const { say } = messages;
  program.helpOption('-h, --help', say('help.help'));
  program.helpCommand(`help [${say('usage.commandWord').slice(1, -1)}]`, say('help.helpCommand'));
  if (messages.lang === 'en') return;
  program.configureHelp({
    styleTitle: (title: string) => (HEADINGS[title] ? say(HEADINGS[title]) : title),
    optionDescription: (option: Option) => withDefault(option, say),
    // A command in the list as its usage line says it (localizeUsage): `absorb [valg] <fil>`.
    subcommandTerm: (command: Command) => `${command.name()} ${command.usage()}`.trim(),
  } satisfies Partial<Help>);
}

const HEADINGS: Record<string, MessageKey> = {
  'Usage:': 'usage.usage',
  'Options:': 'usage.options',
  'Global Options:': 'usage.globalOptions',
  'Commands:': 'usage.commands',
  'Arguments:': 'usage.arguments',
};

/** An option's description with its default value, as commander shows it, in words of the catalogue. */
function withDefault(option: Option, say: Say): string {
  const shown = option.defaultValue !== undefined && (option.required || option.optional);
  if (!shown || (Array.isArray(option.defaultValue) && option.defaultValue.length === 0)) return option.description;
  const value = option.defaultValueDescription || JSON.stringify(option.defaultValue);
  return `${option.description} (${say('usage.default', { value })})`;
}

/** Each command's usage line with its words translated: `trappa absorb [valg] <fil>`. */
export function localizeUsage(command: Command, messages: Messages): void {
  if (messages.lang !== 'en') {
    const args = command.registeredArguments.map((a) => {
      const name = `${a.name()}${a.variadic ? '...' : ''}`;
      return a.required ? `<${name}>` : `[${name}]`;
    });
    const words = [
      command.options.length > 0 || command.name() !== 'help' ? messages.say('usage.optionsWord') : '',
      command.commands.length > 0 ? messages.say('usage.commandWord') : '',
      ...args,
    ];
    command.usage(words.filter(Boolean).join(' '));
  }
  for (const sub of command.commands) localizeUsage(sub, messages);
}
