/**
 * `trappa migrate`: rewrites older forms of fields in data/strategy.yaml into the newer ones
 * (src/data/migrations.ts). Only the migrated fields' text changes: comments, key order,
 * quoting, CRLF line endings and the byte order mark stay (io/text-style.ts). The result is
 * parsed back, and saved atomically under the project's lock (absorb/write.ts's saveEdits:
 * nothing is written if the file changed meanwhile). `--dry-run` prints the diff, writes nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { type FileEdit, saveEdits } from '../absorb/write.js';
import { matchLines } from '../data/line-diff.js';
import { parseYaml } from '../data/load-yaml.js';
import { applySplices, findMigrations } from '../data/migrations.js';
import { InputError, TrappaError } from '../errors.js';
import { applyTextStyle, splitTextStyle } from '../io/text-style.js';
import { resolvePaths } from '../project-paths.js';
import type { Messages } from '../messages/catalogue.js';
import { translateText } from '../messages/issue-text.js';
import { projectOptions } from './shared.js';

/** The changed lines of a file, `-` before and `+` after, each change headed by its line number. */
function diffLines(edit: FileEdit, { say }: Messages): string[] {
  const a = splitTextStyle(edit.before).text.split('\n');
  const b = splitTextStyle(edit.after).text.split('\n');
  const pairs = [...(matchLines(a, b, a.length + b.length) ?? []), [a.length, b.length] as const];
  const out = [`--- ${edit.shown}`, `+++ ${edit.shown}`];
  let [i, j] = [0, 0];
  for (const [ni, nj] of pairs) {
    if (ni > i || nj > j)
      out.push(
        say('cli.line', { n: i + 1 }),
        ...a.slice(i, ni).map((l) => `-${l}`),
        ...b.slice(j, nj).map((l) => `+${l}`),
      );
    [i, j] = [ni + 1, nj + 1];
  }
  return out;
}

export function registerMigrate(program: Command, messages: Messages): void {
  const { say } = messages;
  program
    .command('migrate')
    .description(say('migrate.desc'))
    .option('--dry-run', say('migrate.dryRun'))
    .action(async (flags: { dryRun?: boolean }, cmd: Command) => {
      const paths = resolvePaths(projectOptions(cmd));
      const file = path.join(paths.dataDir, 'strategy.yaml');
      const shown = path.relative(process.cwd(), file) || file;
      const before = await readFile(file, 'utf8');
      const { text, style } = splitTextStyle(before);
      const parsed = parseYaml(shown, text);
      if (!parsed.ok) throw new InputError(parsed.issues);
      const found = findMigrations(parsed.value.doc, text);
      if (found.length === 0) {
        console.log(say('migrate.nothing', { file: shown }));
        return;
      }
      const migrated = applySplices(
        text,
        found.flatMap((f) => f.splices),
      );
      const again = parseYaml(shown, migrated);
      if (!again.ok || findMigrations(again.value.doc, migrated).length > 0)
        throw new TrappaError(say('migrate.broken', { file: shown }));
      const edit: FileEdit = { file, shown, before, after: applyTextStyle(migrated, style) };
      for (const f of found) console.log(`${shown} ${f.field} → ${translateText(f.change, messages.lang)}`);
      if (flags.dryRun) {
        console.log(diffLines(edit, messages).join('\n'));
        console.log(say('migrate.dryRunDone'));
        return;
      }
      await saveEdits(paths.outDir, [edit]);
      console.log(say('cli.wrote', { file: shown }));
    });
}
