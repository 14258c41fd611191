/** `trappa absorb FILE.pptx`: edits made in PowerPoint back into the data (src/absorb/). */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { absorbDeck, type AbsorbResult } from '../absorb/absorb.js';
import { InputError, TrappaError } from '../errors.js';
import { projectOptions } from './shared.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A value as one line: a text quoted, a list as its items. */
function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return `«${value.replace(/\n/g, '⏎')}»`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(', ')}}`;
  return String(value);
}

const ORIGIN: Record<AbsorbResult['origin'], string> = {
  current: 'the current data',
  release: 'its release snapshot',
  unknown: 'unknown data (it was built from data that changed since and has no snapshot; every change is a conflict)',
};

function printResult(result: AbsorbResult, dryRun: boolean): void {
  console.log(`${result.deckId} v${result.version}: compared with a rebuild from ${ORIGIN[result.origin]}`);
  for (const c of result.changes) {
    const where = `slide ${c.slides.join(', ')}`;
    const mark = c.conflict ? (c.take ? ` conflict, taking the ${c.take}` : ' CONFLICT') : '';
    console.log(`${where}  ${c.file} ${c.field}${mark}`);
    if (c.conflict) {
      console.log(`    built: ${show(c.built)}`);
      console.log(`    data:  ${show(c.data)}`);
      console.log(`    deck:  ${show(c.deck)}`);
      if (!c.take) console.log(`    choose: --take '${c.field}=deck' or --take '${c.field}=data'`);
    } else {
      console.log(`    was: ${show(c.built)}`);
      console.log(`    now: ${show(c.deck)}`);
    }
  }
  for (const u of result.unmapped) console.error(`trappa: warning: slide ${u.slide}: ${u.what}`);
  if (result.changes.length === 0) console.log('no edits to bring back');
  if (dryRun) {
    for (const f of result.files) console.log(diffText(f.before, f.after, f.shown));
    return;
  }
  if (result.written) console.log(`✓ wrote ${result.files.map((f) => f.shown).join(', ')}`);
  if (result.written && result.frozen) {
    const { next, currentVersion } = result.frozen;
    console.log(
      currentVersion === result.version
        ? `  v${result.version} was released: these edits belong to the next version; bump it with: trappa bump ${next} --note "Endringer fra PowerPoint"`
        : `  v${result.version} was released: the edits went into the data of v${currentVersion}`,
    );
  }
}

/** The changed lines of a file, with their line numbers. */
function diffText(before: string, after: string, shown: string): string {
  const a = before.replace(/\r\n/g, '\n').split('\n');
  const b = after.replace(/\r\n/g, '\n').split('\n');
  const out = [`--- ${shown}`, `+++ ${shown}`];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // The next line both have again: what lies between is the change.
    let [ni, nj] = [i, j];
    search: for (let d = 1; d < a.length + b.length; d++) {
      for (let k = 0; k <= d; k++) {
        if (
          i + k <= a.length &&
          j + d - k <= b.length &&
          (a[i + k] === b[j + d - k] || (i + k === a.length && j + d - k === b.length))
        ) {
          [ni, nj] = [i + k, j + d - k];
          break search;
        }
      }
    }
    out.push(`@@ line ${i + 1} @@`, ...a.slice(i, ni).map((l) => `-${l}`), ...b.slice(j, nj).map((l) => `+${l}`));
    [i, j] = [ni, nj];
  }
  return out.join('\n');
}

export function registerAbsorb(program: Command): void {
  program
    .command('absorb')
    .description('bring edits made in PowerPoint back into the data (strategy, deck, wording)')
    .argument('<file>', 'a deck written by trappa build, edited and saved in PowerPoint or LibreOffice')
    .option('--dry-run', 'show the YAML changes as a diff and write nothing')
    .option('--take <choice>', 'for conflicts: deck or data (all), or FIELD=deck|data (repeatable)', collect, [])
    .action(async (file: string, flags: { dryRun?: boolean; take: string[] }, cmd: Command) => {
      const absolute = path.resolve(file);
      const found = await stat(absolute).catch(() => undefined);
      if (!found?.isFile()) throw new InputError([{ file, message: 'no such file; give the path of a .pptx' }]);
      const result = await absorbDeck({
        ...projectOptions(cmd),
        file: absolute,
        dryRun: flags.dryRun,
        take: flags.take,
      });
      printResult(result, flags.dryRun === true);
      if (result.open.length > 0)
        throw new TrappaError(
          `${result.open.length} field(s) changed both in the YAML since the build and in the deck; nothing was ` +
            'written. Choose with --take FIELD=deck|data (or --take deck / --take data for all)',
        );
    });
}
