/**
 * The wording stage: every text on a slide that is not data comes from a Handlebars
 * template in templates/<language>/slides.yaml, or from a deck's `wording` override.
 * Templates compile strict (a missing field is an error, not an empty string) and
 * without HTML escaping, because slides are not HTML.
 */
import type Handlebars from 'handlebars';
import type { Issue, SourceLocation } from '../errors.js';
import { english, said } from '../messages/catalogue.js';
import { createTemplateEnvironment } from './template-environment.js';
import { COMPILE_OPTIONS, precompiledTemplate } from './precompiled-templates.js';
import { describeTemplateError } from './template-errors.js';
import type { Labels } from './labels.js';

/** One template string and where it was written. */
export interface TemplateSource {
  source: string;
  location: SourceLocation;
}

export interface TemplateSet {
  labels: Labels;
  /** Keyed by "slide.key", e.g. "plan.title". */
  templates: Map<string, TemplateSource>;
}

/** Thrown by `render` when a template fails; build-deck turns it into a located issue. */
export class TemplateIssue extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
  }
}

export type RenderText = (key: string, context?: Record<string, unknown>) => string;

export interface Renderer {
  /** Renders the template `key` with the base context plus `extra`. */
  text: RenderText;
  /** Renders a template string written in the data (notes, custom titles). */
  inline(source: string, location: SourceLocation, extra?: Record<string, unknown>): string;
  labels: Labels;
}

type Compiled = Handlebars.TemplateDelegate;

/** A located issue for a template that failed, at the template's own place in its file. */
function templateIssue(error: unknown, key: string, template: TemplateSource): Issue {
  const problem = describeTemplateError(error, template.source);
  const line = problem.line !== undefined && problem.line > 1 ? problem.line : undefined;
  const message = said(line ? 'hbs.inLine' : 'hbs.in', { key, line: line ?? '', message: problem.message });
  return { ...template.location, message: english(message) };
}

/**
 * One environment and compile cache per label set, shared by every deck of that
 * language in a process: compiling is most of a template's cost, and decks of one
 * strategy share nearly all their templates.
 */
const compilers = new WeakMap<Labels, (source: string) => Compiled>();

function compilerFor(labels: Labels): (source: string) => Compiled {
  let compiler = compilers.get(labels);
  if (!compiler) {
    const hb = createTemplateEnvironment(labels);
    const cache = new Map<string, Compiled>();
    compiler = (source) => {
      let fn = cache.get(source);
      if (!fn) {
        // Plain text needs no compiling; most wording was compiled when Trappa was bundled.
        const spec = source.includes('{{') ? precompiledTemplate(source) : undefined;
        // With the options: Handlebars compiles a partial by the calling template's (a precompiled spec has none).
        if (spec) fn = hb.template({ ...spec, compilerOptions: COMPILE_OPTIONS });
        else fn = source.includes('{{') ? hb.compile(source, COMPILE_OPTIONS) : () => source;
        cache.set(source, fn);
      }
      return fn;
    };
    compilers.set(labels, compiler);
  }
  return compiler;
}

export function createRenderer(
  set: TemplateSet,
  baseContext: Record<string, unknown>,
  overrides: Map<string, TemplateSource> = new Map(),
): Renderer {
  const compile = compilerFor(set.labels);
  const context = { ...baseContext, label: set.labels };

  const run = (key: string, template: TemplateSource, extra: Record<string, unknown> | undefined): string => {
    try {
      return compile(template.source)({ ...context, ...extra }).trim();
    } catch (error) {
      throw new TemplateIssue(templateIssue(error, key, template));
    }
  };

  return {
    labels: set.labels,
    text(key, extra) {
      const template = overrides.get(key) ?? set.templates.get(key);
      if (!template) {
        throw new TemplateIssue({
          file: 'templates',
          field: key,
          message: `no template "${key}" for language ${set.labels.language}; add it to slides.yaml`,
        });
      }
      return run(key, template, extra);
    },
    inline(source, location, extra) {
      return run(location.field ?? 'text', { source, location }, extra);
    },
  };
}
