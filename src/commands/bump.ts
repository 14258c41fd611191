/** `trappa bump <version>`: moves the strategy to a new version, with a history entry. */
import { resolvePaths } from '../project-paths.js';
import path from 'node:path';
import type { Command } from 'commander';
import { bumpStrategy } from '../versions/bump.js';
import type { Messages } from '../messages/catalogue.js';
import { projectOptions, type GlobalOptions } from './shared.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `trappa build --all` with the folders this bump was given, so the hint works as printed. */
function buildHint(cmd: Command): string {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const quote = (v: string): string => (/^[\w./@:-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
  const flags = (['root', 'data', 'templates', 'out'] as const).flatMap((k) => {
    const v = opts[k];
    return v !== undefined && !(k === 'root' && path.resolve(v) === process.cwd()) ? [`--${k} ${quote(v)}`] : [];
  });
  return ['trappa build --all', ...flags].join(' ');
}

export function registerBump(program: Command, { say }: Messages): void {
  program
    .command('bump')
    .description(say('bump.desc'))
    .argument(`<${say('arg.version')}>`, say('bump.version'))
    .option(`-n, --note <${say('arg.text')}>`, say('bump.note'), collect, [])
    .option(`--date <${say('arg.date')}>`, say('bump.date'))
    .action(async (version: string, flags: { note: string[]; date?: string }, cmd: Command) => {
      const options = projectOptions(cmd);
      const dataDir = resolvePaths(options).dataDir;
      const bumped = await bumpStrategy(dataDir, { version, date: flags.date, notes: flags.note }, options.root);
      const file = path.relative(process.cwd(), bumped.file);
      console.log(say('bump.done', { file, from: bumped.from, to: bumped.to, date: bumped.date }));
      console.log(say('bump.hint', { command: buildHint(cmd) }));
    });
}
