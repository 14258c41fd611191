/**
 * Wording templates compiled when Trappa is bundled (scripts/build-dist.mjs writes them beside the
 * bundle): every template of templates/<language>/*.yaml as Trappa ships it. A project's templates
 * are copies of those until someone edits them, so a build finds most of its wording here, by the
 * exact source text, instead of parsing it and compiling JavaScript for it on every start
 * (16 templates, ~10 ms of a cold build's first deck). A source not found here (edited wording, a
 * deck's own, notes) is compiled as before; run from source there is no file, and all are.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import Handlebars from 'handlebars';

/** How every template compiles: strict (a missing field is an error) and without HTML escaping. */
export const COMPILE_OPTIONS = Object.freeze({ strict: true, noEscape: true });

/** The file beside the bundle; absent when run from source. */
const PRECOMPILED = process.env.TRAPPA_PRECOMPILED_TEMPLATES;

interface PrecompiledFile {
  /** The Handlebars that compiled them, and with which options: used only when both are this process's. */
  version: string;
  options: unknown;
  templates: Map<string, TemplateSpecification>;
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

let specs: Map<string, TemplateSpecification> | undefined;

/** The compiled form of `source` made when Trappa was bundled, if there is one. */
export function precompiledTemplate(source: string): TemplateSpecification | undefined {
  if (!PRECOMPILED) return undefined;
  specs ??= readPrecompiled(PRECOMPILED);
  return specs.get(source);
}

function readPrecompiled(name: string): Map<string, TemplateSpecification> {
  try {
    // Beside the bundle: import.meta.dirname is the script's folder there (build-dist's scriptRewrites).
    const read = createRequire(import.meta.url)(path.join(import.meta.dirname, name)) as PrecompiledFile;
    // As text: build-dist writes the options in this order, and node:util's deep comparison would cost a module load.
    const same =
      read.version === Handlebars.VERSION && JSON.stringify(read.options) === JSON.stringify(COMPILE_OPTIONS);
    if (same) return read.templates;
  } catch {
    // A bundle without the file compiles every template, as a run from source does.
  }
  return new Map();
}
