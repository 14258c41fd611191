/**
 * Wording compiled when Trappa is bundled (scripts/build-dist.mjs → dist/wording-templates.cjs,
 * read by src/render/precompiled-templates.ts): the file holds every template of
 * templates/<language>/*.yaml exactly as Handlebars compiles it with Trappa's options, and the
 * bundled CLI, which finds its wording there, builds the very decks a build from source (which has
 * no such file and compiles everything) builds. Wording someone changed is not in the file and is
 * compiled at run time.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Handlebars from 'handlebars';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { COMPILE_OPTIONS } from '../src/render/precompiled-templates.js';
import { editFile, REPO, runCli } from './helpers/project.js';
import { copyProjectInto } from './helpers/project-copy.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-precompiled-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Spec = Record<string, unknown>;
const precompiled = (): { version: string; options: unknown; templates: Map<string, Spec> } =>
  createRequire(import.meta.url)(path.join(REPO, 'dist/wording-templates.cjs'));

/** Every Handlebars template (a string with `{{`) in templates/<language>/*.yaml. */
function shippedTemplates(): Set<string> {
  const found = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.includes('{{')) found.add(value);
    } else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  const dir = path.join(REPO, 'templates');
  for (const file of readdirSync(dir, { recursive: true }) as string[])
    if (file.endsWith('.yaml')) collect(parse(readFileSync(path.join(dir, file), 'utf8')));
  return found;
}

/** A compiled template as text: its functions by their source, the rest as it is. */
const specText = (spec: Spec): string =>
  JSON.stringify(spec, (_key, value) => (typeof value === 'function' ? String(value) : value));

describe('wording compiled at bundling', () => {
  it('holds every shipped template as Handlebars compiles it with the options of a build', () => {
    const file = precompiled();
    expect(file.version).toBe(Handlebars.VERSION);
    expect(file.options).toEqual(COMPILE_OPTIONS);
    const shipped = shippedTemplates();
    expect(shipped.size).toBeGreaterThan(40);
    expect(new Set(file.templates.keys())).toEqual(shipped);
    for (const [source, spec] of file.templates) {
      const now = new Function(`return ${Handlebars.precompile(source, { ...COMPILE_OPTIONS })};`)() as Spec;
      expect(specText(spec), source).toBe(specText(now));
    }
  });

  it('the bundled CLI builds the decks a build from source builds, and compiles wording someone changed', async () => {
    const root = copyProjectInto(mkdtempSync(path.join(work, 'project-')));
    const fromSource = await buildDecks({ root, dryRun: true, check: false });
    const run = await runCli(['build', '--all'], root);
    expect(run.status, run.stderr).toBe(0);
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    const out = path.join(root, 'output');
    const built = Object.fromEntries(
      readdirSync(out).flatMap((f) => (f.endsWith('.pptx') ? [[f, sha(path.join(out, f))]] : [])),
    );
    expect(built).toEqual(Object.fromEntries(fromSource.decks.map((d) => [`${d.plan.baseName}.pptx`, d.sha256])));

    // A template not as shipped: compiled at run time, its own wording on the slide.
    editFile(root, 'templates/nb/slides.yaml', 'step: "Trinn {{number}}"', 'step: "Steg nummer {{number}}"');
    const again = await runCli(['build', '--all'], root);
    expect(again.status, again.stderr).toBe(0);
    const deck = readdirSync(out).find((f) => f.startsWith('strategi') && f.endsWith('.pptx'))!;
    const slides = Object.entries(unzipSync(readFileSync(path.join(out, deck))))
      .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .map(([, bytes]) => strFromU8(bytes))
      .join('');
    expect(slides).toContain('Steg nummer 1');
    expect(slides).not.toContain('Trinn 1');
  }, 120_000);
});
