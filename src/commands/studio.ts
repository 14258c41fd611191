/**
 * `trappa studio`: the strategy and every deck in a local web page (src/studio/).
 * The first line on standard output is the address to open, with its access token.
 */
import { spawn } from 'node:child_process';
import { InvalidArgumentError, type Command } from 'commander';
import type { GlobalOptions } from './shared.js';
import { projectOptions } from './shared.js';
import { languageFrom, type Messages } from '../messages/catalogue.js';

interface StudioFlags {
  port: number;
  open: boolean;
}

export function registerStudio(program: Command, { say }: Messages): void {
  const parsePort = (value: string): number => {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError(`${say('usage.port')}.`);
    return port;
  };
  program
    .command('studio')
    .description(say('studio.desc'))
    .option('-p, --port <n>', say('studio.port'), parsePort, 0)
    .option('--no-open', say('studio.noOpen'))
    .action(async (flags: StudioFlags, cmd: Command) => {
      const { startStudio } = await import('../studio/server.js');
      // The page is written in bokmål; its messages follow unless --lang asks for nynorsk or English.
      const lang = cmd.optsWithGlobals<GlobalOptions & { lang?: string }>().lang;
      const options = projectOptions(cmd);
      const studio = await startStudio({
        ...options,
        lang: lang ? languageFrom(lang) : 'nb',
        port: flags.port,
        cliEntry: process.argv[1],
        execArgv: process.execArgv,
        globalArgs: globalArgs(cmd.optsWithGlobals<GlobalOptions>()),
      });
      console.log(studio.url);
      console.log(say('studio.running'));
      if (flags.open) openBrowser(studio.url);
      await new Promise<void>((resolve) => {
        const stop = (): void => void studio.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

/** --root/--data/--templates/--out for the CLI runs the page starts. */
function globalArgs(opts: GlobalOptions): string[] {
  const args = ['--root', opts.root];
  if (opts.data) args.push('--data', opts.data);
  if (opts.templates) args.push('--templates', opts.templates);
  if (opts.out) args.push('--out', opts.out);
  return args;
}

/** The system's browser; when there is none the printed address still works. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}
