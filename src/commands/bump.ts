/** `trappa bump <version>`: moves the strategy to a new version, with a history entry. */
import { resolvePaths } from '../project-paths.js';
import path from 'node:path';
import type { Command } from 'commander';
import { bumpStrategy } from '../versions/bump.js';
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

export function registerBump(program: Command): void {
  program
    .command('bump')
    .description('set a new strategy version in data/strategy.yaml and add it to the history')
    .argument('<version>', 'the new version, greater than the current one, e.g. 0.3 or 1.0')
    .option('-n, --note <text>', 'what changed (repeat for more lines)', collect, [])
    .option('--date <YYYY-MM-DD>', 'date of the new version (default: today)')
    .action(async (version: string, flags: { note: string[]; date?: string }, cmd: Command) => {
      const options = projectOptions(cmd);
      const dataDir = resolvePaths(options).dataDir;
      const bumped = await bumpStrategy(dataDir, { version, date: flags.date, notes: flags.note }, options.root);
      const file = path.relative(process.cwd(), bumped.file);
      console.log(`✓ ${file}: version ${bumped.from} → ${bumped.to}, dated ${bumped.date}`);
      console.log(`  build the new version with: ${buildHint(cmd)}`);
    });
}
