/**
 * A save of typed edits needs no parse of what it wrote (issue #27: a 2 MB save spent seconds
 * parsing its own text, so the next keystroke could start from it). The Studio's kept parse
 * of the loaded text is the root of every later edit's splices: the text a save writes is
 * that root with the splices applied, kept as such, and an edit after the save is spliced
 * into the root again. What it gives must be exactly what parsing the text would give: the
 * same text as the CLI's editYamlText writes, the same value, every field at the same line
 * and column.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYaml } from '../src/data/load-yaml.js';
import { locateIn } from '../src/data/locate.js';
import { ownLanguageStrategy } from '../src/data/strategy-languages.js';
import { editYamlText } from '../src/data/yaml-edit.js';
import { EditedSources } from '../src/studio/edited-source.js';
import { REPO } from './helpers/project.js';

type Value = Record<string, any>;
const FILE = 'data/strategy.yaml';

/** Every path of a value, and one that is not there. */
function pathsOf(value: unknown): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [['no', 'such', 'field']];
  const walk = (v: unknown, at: Array<string | number>): void => {
    paths.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(value, []);
  return paths;
}

/** The edited text as a save writes it and the Studio then reads it, against a parse of that text. */
function expectSameAsParsed(sources: EditedSources, saved: string, value: Value): string {
  const written = sources.written(FILE, saved, value);
  expect(written).toBe(editYamlText(saved, value));
  const edited = sources.load(FILE, saved, value, ownLanguageStrategy);
  const parsed = parseYaml(FILE, written!);
  if (!edited.ok || !parsed.ok) throw new Error('does not load');
  expect(edited.value.source.text).toBe(written);
  for (const at of pathsOf(value))
    for (const where of ['value', 'key'] as const)
      expect(locateIn(edited.value.source, at, where), `${at.join('.')} (${where})`).toEqual(
        locateIn(parsed.value, at, where),
      );
  return written!;
}

describe('a save of typed edits, and the edits after it', () => {
  it('keeps the written text without parsing it, and splices later edits into the first parse', () => {
    const loaded = readFileSync(path.join(REPO, FILE), 'utf8');
    const sources = new EditedSources();
    const value = parse(loaded) as Value;
    value.profile[0] = 'Kort';
    value.actionPlan[1].activity = 'En mye lengre aktivitet enn den som sto der før, med «anførsel»';
    value.actionPlan[1].groups[0] = 'ansatte-i-hele-samkommunen';
    const first = expectSameAsParsed(sources, loaded, value);
    expect(sources.parses).toEqual({ kept: 1, lazy: 0 });
    // Saved: the page's value is what the Studio now reads the file as, from the splices alone.
    expect(sources.plainOf(FILE, first)).toEqual(parse(first));
    expect(sources.parses).toEqual({ kept: 1, lazy: 0 });

    // Typing on after the save: the same field again, a field before it and one after it.
    const next = structuredClone(value);
    next.profile[0] = 'Kort igjen, men lengre enn sist';
    next.version = '0.9';
    next.actionPlan[1].activity = 'Kortere';
    next.actionPlan.at(-1).activity = 'Siste rad, endret etter lagringen';
    const second = expectSameAsParsed(sources, first, next);
    expect(second).toBe(editYamlText(loaded, next));
    expect(sources.plainOf(FILE, second)).toEqual(parse(second));
    expect(sources.parses).toEqual({ kept: 1, lazy: 0 });
    expect(sources.stats.parsed).toBe(0);
  });

  it('parses the written text when the edit was more than typing (a row removed)', () => {
    const loaded = readFileSync(path.join(REPO, FILE), 'utf8');
    const sources = new EditedSources();
    const value = parse(loaded) as Value;
    value.actionPlan.splice(1, 1);
    expect(sources.written(FILE, loaded, value)).toBeUndefined();
    const text = editYamlText(loaded, value);
    expect(sources.plainOf(FILE, text)).toEqual(value);
    expect(sources.parses.kept).toBe(2);
  });

  // The page renders its edit, then saves it: the save checks that very text like a build. It was
  // spliced and validated again (zod over the whole strategy, ~100 ms of a 2 MB save, and its garbage).
  it('validates the edit the page just rendered once, not again when it is saved', () => {
    const loaded = readFileSync(path.join(REPO, FILE), 'utf8');
    const sources = new EditedSources();
    const value = parse(loaded) as Value;
    value.profile[0] = 'Skrevet, vist og så lagret';
    const rendered = sources.load(FILE, loaded, value, ownLanguageStrategy);
    expect(rendered.ok).toBe(true);
    expect(sources.validations).toBe(1);
    const written = sources.written(FILE, loaded, value);
    expect(written).toBe(editYamlText(loaded, value));
    const checked = sources.load(FILE, loaded, value, ownLanguageStrategy);
    expect(sources.validations).toBe(1);
    if (!rendered.ok || !checked.ok) throw new Error('does not load');
    expect(checked.value).toBe(rendered.value);
    // Another edit is validated as before.
    value.profile[0] = 'Endret igjen';
    expect(sources.load(FILE, loaded, value, ownLanguageStrategy).ok).toBe(true);
    expect(sources.validations).toBe(2);
  });

  // Aliases are looked for only in a text with an `&` (an anchor needs one): the walk cost ~130 ms of a 2 MB load.
  // Typing over a letter gives a text of the same length as the last edit's. Comparing the two
  // spliced texts (ropes) flattened both: each flat copy of a large text with a character beyond
  // Latin-1 went to V8's large-object space and, kept as the last edit, stayed until a full GC.
  it('tells a repeated edit by its splices: texts of equal length are not flattened to be compared', () => {
    const loaded = readFileSync(path.join(REPO, FILE), 'utf8');
    const rows = Array.from(
      { length: 2500 },
      (_, i) => `  - audience: Gruppe ${i} – alle\n    activity: Aktivitet ${i}\n`,
    );
    const saved = loaded.replace(/^actionPlan:\n/m, `actionPlan:\n${rows.join('')}`);
    const sources = new EditedSources();
    const value = parse(saved) as Value;
    expect(sources.load(FILE, saved, value, ownLanguageStrategy).ok).toBe(true);
    const large = () =>
      v8
        .getHeapSpaceStatistics()
        .filter((s) => s.space_name.endsWith('large_object_space'))
        .reduce((sum, s) => sum + s.space_used_size, 0);
    const before = large();
    for (let i = 0; i < 6; i++) {
      value.profile[0] = `Samme lengde ${i}`;
      expect(sources.load(FILE, saved, value, ownLanguageStrategy).ok).toBe(true);
    }
    // Flattened, each edit's text is ~0.8 MB (two bytes a character): 6 edits left ~5 MB.
    expect(large() - before).toBeLessThan(500_000);
    // The same edit again is still known as the last one: validated once.
    const validations = sources.validations;
    expect(sources.load(FILE, saved, value, ownLanguageStrategy).ok).toBe(true);
    expect(sources.validations).toBe(validations);
  });

  it('writes no splice into a text with aliases, and splices one whose only & is in a value', () => {
    const sources = new EditedSources();
    const aliased = 'a: &navn Kari\nb: *navn\n';
    expect(sources.written('x.yaml', aliased, { a: 'Ola', b: 'Kari' })).toBeUndefined();
    const plain = 'a: Hansen & Sønner\nb: Kari\n';
    expect(sources.written('y.yaml', plain, { a: 'Hansen & Co', b: 'Kari' })).toBe('a: Hansen & Co\nb: Kari\n');
  });
});
