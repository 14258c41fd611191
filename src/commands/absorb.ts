/** `trappa absorb FILE.pptx`: edits made in PowerPoint back into the data (src/absorb/). */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { absorbDeck, type AbsorbResult } from '../absorb/absorb.js';
import { InputError, TrappaError } from '../errors.js';
import type { Messages } from '../messages/catalogue.js';
import { translateText } from '../messages/issue-text.js';
import { projectOptions } from './shared.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A value as one line: a text quoted, a list as its items. */
function show(value: unknown, none: string): string {
  const one = (v: unknown): string => show(v, none);
  if (value === undefined) return none;
  if (typeof value === 'string') return `«${value.replace(/\n/g, '⏎')}»`;
  if (Array.isArray(value)) return `[${value.map(one).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${one(v)}`)
      .join(', ')}}`;
  return String(value);
}

function printChange(c: AbsorbResult['changes'][number], { say }: Messages): void {
  const value = (v: unknown): { value: string } => ({ value: show(v, say('absorb.nothing')) });
  const taking = c.take
    ? say('absorb.taking', { take: say(c.take === 'deck' ? 'absorb.take.deck' : 'absorb.take.data') })
    : '';
  const mark = c.conflict ? taking || say('absorb.conflict') : '';
  console.log(`${say('absorb.slides', { slides: c.slides.join(', ') })}  ${c.file} ${c.field}${mark}`);
  if (c.conflict) {
    console.log(say('absorb.built', value(c.built)));
    console.log(say('absorb.data', value(c.data)));
    console.log(say('absorb.deck', value(c.deck)));
    if (!c.take) console.log(say('absorb.choose', { field: c.field }));
  } else {
    console.log(say('absorb.was', value(c.built)));
    console.log(say('absorb.now', value(c.deck)));
  }
}

function printResult(result: AbsorbResult, dryRun: boolean, messages: Messages): void {
  const { say, lang } = messages;
  const origin = say(`absorb.origin.${result.origin}`);
  console.log(say('absorb.compared', { deck: result.deckId, version: result.version, origin }));
  for (const c of result.changes) printChange(c, messages);
  for (const u of result.unmapped) {
    const text = `${say('cli.slide', { n: u.slide })}: ${translateText(u.what, lang)}`;
    console.error(say('cli.warning', { text }));
  }
  if (result.changes.length === 0) console.log(say('absorb.none'));
  if (dryRun) {
    for (const f of result.files) console.log(diffText(f.before, f.after, f.shown, messages));
    return;
  }
  if (result.written) console.log(say('cli.wrote', { file: result.files.map((f) => f.shown).join(', ') }));
  if (result.written && result.frozen) {
    const { next, currentVersion: current } = result.frozen;
    const version = result.version;
    console.log(
      current === version
        ? say('absorb.nextVersion', { version, next })
        : say('absorb.intoCurrent', { version, current }),
    );
  }
}

/** The changed lines of a file, with their line numbers. */
function diffText(before: string, after: string, shown: string, { say }: Messages): string {
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
    out.push(
      say('cli.line', { n: i + 1 }),
      ...a.slice(i, ni).map((l) => `-${l}`),
      ...b.slice(j, nj).map((l) => `+${l}`),
    );
    [i, j] = [ni, nj];
  }
  return out.join('\n');
}

export function registerAbsorb(program: Command, messages: Messages): void {
  const { say } = messages;
  program
    .command('absorb')
    .description(say('absorb.desc'))
    .argument(`<${say('arg.file')}>`, say('absorb.file'))
    .option('--dry-run', say('absorb.dryRun'))
    .option(`--take <${say('arg.choice')}>`, say('absorb.take'), collect, [])
    .action(async (file: string, flags: { dryRun?: boolean; take: string[] }, cmd: Command) => {
      const absolute = path.resolve(file);
      const found = await stat(absolute).catch(() => undefined);
      if (!found?.isFile()) throw new InputError([{ file, message: say('absorb.noFile') }]);
      const result = await absorbDeck({
        ...projectOptions(cmd),
        file: absolute,
        dryRun: flags.dryRun,
        take: flags.take,
      });
      printResult(result, flags.dryRun === true, messages);
      if (result.open.length > 0) throw new TrappaError(say('absorb.open', { n: result.open.length }));
    });
}
