/** `trappa diff A B` and `trappa diff --since-sent DECK`: what changed between two versions of a deck, per slide. */
import path from 'node:path';
import type { Command } from 'commander';
import { compareDecks, formatDiff } from '../diff/compare.js';
import { diffHtml } from '../diff/html.js';
import { lastSent, resolveSide } from '../diff/sides.js';
import { TrappaError } from '../errors.js';
import { resolvePaths } from '../project-paths.js';
import { saveAtomically } from '../io/save-file.js';
import type { Messages } from '../messages/catalogue.js';
import { projectOptions } from './shared.js';

interface DiffFlags {
  html?: string;
  sinceSent?: string;
}

export function registerDiff(program: Command, messages: Messages): void {
  const { say } = messages;
  program
    .command('diff')
    .description(say('diff.desc'))
    .argument('[a]', say('diff.a'))
    .argument('[b]', say('diff.b'))
    .option(`--html <${say('arg.file')}>`, say('diff.html'))
    .option(`--since-sent <${say('arg.deck')}>`, say('diff.sinceSent'))
    .addHelpText(
      'after',
      `\n${say('help.examples')}\n  trappa diff docs/v0.1/data strategi\n  trappa diff strategi@0.1 strategi@0.2\n  trappa diff strategi@0.1 strategi --html output/diff.html\n` +
        '  trappa diff output/ansatte-v0.2-2004-02-10.pptx edited.pptx\n  trappa diff --since-sent samkommunestyre',
    )
    .action(async (a: string | undefined, b: string | undefined, flags: DiffFlags, cmd: Command) => {
      const options = projectOptions(cmd);
      const paths = { ...options, outDir: resolvePaths(options).outDir };
      let left = a;
      let right = b;
      if (flags.sinceSent) {
        if (a || b) throw new TrappaError(say('diff.sinceSentAlone'));
        left = await lastSent(flags.sinceSent, paths);
        right = flags.sinceSent;
      }
      if (!left) throw new TrappaError(say('diff.what'));
      right ??= /^([a-z0-9-]+)@/.exec(left)?.[1];
      if (!right) throw new TrappaError(say('diff.whatFile'));
      const deckOf = (spec: string): string | undefined => /^([a-z0-9-]+)(@|$)/.exec(spec)?.[1];
      const sideA = await resolveSide(left, paths, deckOf(right));
      const sideB = await resolveSide(right, paths, deckOf(left));
      const diff = compareDecks(sideA.slides, sideB.slides);
      console.log(formatDiff(diff, [sideA.label, sideB.label], messages));
      if (flags.html) {
        await saveAtomically(flags.html, diffHtml(sideA, sideB, diff));
        console.log(`\n✓ ${path.relative(process.cwd(), path.resolve(flags.html))}`);
      }
    });
}
