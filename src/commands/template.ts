/**
 * `trappa template FILE`: what Trappa sees in a template before theme.yaml names it — its
 * layouts and the slides each one gets, its fonts and the faces that measure them here, its
 * colours and backgrounds — as text or JSON, and with --sheet a contact sheet of the
 * project's slides built on it. A template no deck can be built on is one located line, exit 2.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { FontRegistry, withFonts } from '../fonts/fonts.js';
import { chooseLayouts } from '../template/choose-layouts.js';
import { describeTemplate, formatTemplateReport } from '../template/describe-template.js';
import { readTemplateFile } from '../template/load-template.js';
import type { Messages } from '../messages/catalogue.js';
import { projectOptions } from './shared.js';

interface TemplateFlags {
  json?: boolean;
  sheet?: string;
}

export function registerTemplate(program: Command, messages: Messages): void {
  const { say } = messages;
  program
    .command('template')
    .description(say('template.desc'))
    .argument(`<${say('arg.file')}>`, say('template.file'))
    .option('--json', say('template.json'))
    .option(`--sheet <${say('arg.dir')}>`, say('template.sheet'))
    .action(async (file: string, flags: TemplateFlags, cmd: Command) => {
      const absolute = path.resolve(file);
      const display = path.relative(process.cwd(), absolute) || absolute;
      const read = await readTemplateFile(absolute, display);
      if (!read.ok) throw new InputError(read.issues);
      const set = read.value;
      const chosen = chooseLayouts(set, {}, { file: display });
      if (!chosen.ok) throw new InputError(chosen.issues.map((i) => ({ ...i, message: i.message })));
      const report = withFonts(new FontRegistry(), () => describeTemplate(set, chosen.value.layouts));
      console.log(flags.json ? JSON.stringify(report, null, 2) : formatTemplateReport(report, messages));
      if (!flags.sheet) return;
      const { writeTemplateSheet } = await import('./template-sheet.js');
      const sheet = await writeTemplateSheet(projectOptions(cmd), absolute, path.resolve(flags.sheet));
      const show = (f: string) => path.relative(process.cwd(), f) || f;
      const legend = sheet.layouts.map((name, i) => `${i + 1} ${name}`).join(', ');
      // On stderr with --json, so stdout stays one JSON document.
      (flags.json ? console.error : console.log)(say('template.sheetDone', { file: show(sheet.contactSheet), legend }));
    });
}
