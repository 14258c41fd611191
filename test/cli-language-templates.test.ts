/**
 * A template's adaptation notes in the reader's language: on LibreOffice's Yellow_Idea (a
 * small body area), the strategy deck's model summary goes to the speaker notes, and the build
 * says so per slide (`deck …, slide n (kind): …`) in bokmål and nynorsk. (Midnightblue was the
 * template until its layouts took their master's places in the eighth round; Yellow_Idea's
 * staircase points were a list too until the ninth, when its narrow steps kept them.)
 * Long tier: the template comes from LibreOffice's own, converted once (test/helpers/template-corpus.ts).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishLines } from './helpers/english-words.js';
import { runMain } from './helpers/in-process.js';
import { copyProject } from './helpers/project.js';
import { libreOfficeTemplates } from './helpers/template-corpus.js';
import { hasSoffice } from './helpers/tools.js';

describe.runIf(hasSoffice)('adaptation notes', () => {
  it('say per slide how the text was fitted to the template, in nb and nn (and English is caught)', async () => {
    const file = (await libreOfficeTemplates()).find((f) => path.basename(f) === 'Yellow_Idea.potx')!;
    const root = copyProject();
    mkdirSync(path.join(root, 'assets/templates'), { recursive: true });
    copyFileSync(file, path.join(root, 'assets/templates/Yellow_Idea.potx'));
    const theme = path.join(root, 'data/theme.yaml');
    writeFileSync(theme, `${readFileSync(theme, 'utf8')}template: templates/Yellow_Idea.potx\n`);
    const notesOf = async (lang: string) => {
      const built = await runMain(
        ['--lang', lang, 'build', '--deck', 'strategi'],
        root,
        {},
        { withoutOwnSettings: true },
      );
      expect(built.status, built.stderr).toBe(0);
      return built.stderr
        .split('\n')
        .filter((l) => ['(staircase)', '(what-why)', '(messages)', '(model)'].some((kind) => l.includes(kind)));
    };
    const english = await notesOf('en');
    expect(english.length).toBeGreaterThanOrEqual(1);
    expect(englishLines(english.join('\n'))).toHaveLength(english.length);
    for (const lang of ['nb', 'nn']) {
      const notes = await notesOf(lang);
      expect(notes).toHaveLength(english.length);
      expect(notes.join('\n')).toContain(lang === 'nb' ? 'lysbilde 4 (model)' : 'lysbilete 4 (model)');
      expect(englishLines(notes.join('\n')), notes.join('\n')).toEqual([]);
    }
  });
});
