import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, TrappaError } from '../../errors.js';
import { loadYamlFile } from '../../data/load-yaml.js';
import { english, said } from '../../messages/catalogue.js';
import { validateSource } from '../../data/validate.js';
import { labelsSchema, type Labels } from '../../render/labels.js';
import { describeTemplateError } from '../../render/template-errors.js';
import { createTemplateEnvironment } from '../../render/template-environment.js';
import type { AttachmentInfo, OutgoingDeck } from './types.js';

/** Subject and body templates of one language, compiled. */
export interface EmailTemplates {
  language: string;
  subjectPath: string;
  bodyPath: string;
  /** The template sources, so errors can name the expression that failed. */
  subjectSource: string;
  bodySource: string;
  subject: (context: object) => string;
  body: (context: object) => string;
}

const MIME_TYPES: Record<string, string> = {
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.pdf': 'application/pdf',
  '.ppt': 'application/vnd.ms-powerpoint',
};

/** The MIME type for an attachment: known by extension, else the one given, else octet-stream. */
export function contentTypeFor(filename: string, given?: string): string {
  return MIME_TYPES[path.extname(filename).toLowerCase()] ?? (given || 'application/octet-stream');
}

/**
 * The fixed words of the e-mail's language (month and weekday names, quotation marks), from
 * the same templates/<language>/labels.yaml as the slides, checked by the same schema.
 */
async function loadLabels(templatesDir: string, language: string): Promise<Labels> {
  const file = path.join(templatesDir, language, 'labels.yaml');
  const shown = path.relative(process.cwd(), file);
  const loaded = await loadYamlFile(file, shown.startsWith('..') ? file : shown);
  if (!loaded.ok) throw new InputError(loaded.issues);
  const labels = validateSource(loaded.value, labelsSchema);
  if (!labels.ok) throw new InputError(labels.issues);
  return labels.value;
}

/** Reads and compiles `templates/<language>/email/{subject,body}.hbs` in an isolated Handlebars. */
export async function loadEmailTemplates(templatesDir: string, language: string): Promise<EmailTemplates> {
  if (!/^[a-z]{2,3}(-[A-Za-z]{2})?$/.test(language)) {
    throw new TrappaError(`"${language}" is not a language code such as nb, nn or en`);
  }
  const hb = createTemplateEnvironment(await loadLabels(templatesDir, language));
  const dir = path.join(templatesDir, language, 'email');
  const load = async (name: string) => {
    const file = path.join(dir, name);
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (error) {
      throw new TrappaError(`No e-mail template ${file} for language "${language}"; add it or use nb, nn or en.`, {
        cause: error,
      });
    }
    return { file, source, render: hb.compile(source, { strict: true, noEscape: true }) };
  };
  const [subject, body] = await Promise.all([load('subject.hbs'), load('body.hbs')]);
  return {
    language,
    subjectPath: subject.file,
    bodyPath: body.file,
    subjectSource: subject.source,
    bodySource: body.source,
    subject: subject.render,
    body: body.render,
  };
}

/** The language a deck's e-mail is written in: `context.language`, default `nb`. */
export function emailLanguage(deck: OutgoingDeck): string {
  const language = deck.context.language;
  return typeof language === 'string' && language !== '' ? language : 'nb';
}

/**
 * Renders subject and body. The context gets `version` (from the deck when missing) and
 * `attachments` ({ filename, size: "2,3 MB", kind: "PowerPoint" | "PDF" | … }).
 */
export function renderEmailText(
  deck: OutgoingDeck,
  templates: EmailTemplates,
  attachments: readonly AttachmentInfo[],
): { subject: string; text: string } {
  const context = {
    version: deck.version,
    language: templates.language,
    attachments: attachments.map((a) => ({
      filename: a.filename,
      size: formatSize(a.size, templates.language),
      kind: kindOf(a.filename),
    })),
    ...deck.context,
  };
  const subject = renderOne(templates.subject, templates.subjectPath, context, deck, templates.subjectSource)
    .replace(/\s+/g, ' ')
    .trim();
  const text = renderOne(templates.body, templates.bodyPath, context, deck, templates.bodySource)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { subject, text: `${text}\n` };
}

function renderOne(
  template: (c: object) => string,
  file: string,
  context: object,
  deck: OutgoingDeck,
  source: string,
): string {
  try {
    return template(context);
  } catch (error) {
    const problem = describeTemplateError(error, source);
    const message = problem.missing
      ? english(said('hbs.missingInDeck', { expression: `{{${problem.missing}}}`, deck: deck.deckId }))
      : problem.message;
    const shown = path.relative(process.cwd(), file);
    throw new InputError([
      { file: shown.startsWith('..') ? file : shown, line: problem.line, col: problem.col, message },
    ]);
  }
}

/**
 * Human size with a decimal comma in Norwegian: "48,2 kB", "2,3 MB". Units of 1024 bytes, as
 * Windows Explorer counts them, so the 10 MiB default limit reads "10.0 MB" and matches what
 * the office sees next to the file.
 */
export function formatSize(bytes: number, language = 'nb'): string {
  const [value, unit] =
    bytes < 1024 ? [bytes, 'B'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kB'] : [bytes / (1024 * 1024), 'MB'];
  const text = unit === 'B' ? String(value) : value.toFixed(1);
  return `${language === 'en' ? text : text.replace('.', ',')} ${unit}`;
}

function kindOf(filename: string): string {
  const ext = path.extname(filename).toLowerCase();
  return ext === '.pptx' || ext === '.ppt' ? 'PowerPoint' : ext === '.pdf' ? 'PDF' : ext.slice(1).toUpperCase();
}
