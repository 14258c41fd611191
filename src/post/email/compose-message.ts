import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { InputError, TrappaError } from '../../errors.js';
import { describeTemplateError } from '../../render/template-errors.js';
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

const MONTHS: Record<string, readonly string[]> = {
  nb: [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
MONTHS.nn = MONTHS.nb!;
const WEEKDAYS: Record<string, readonly string[]> = {
  nb: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  nn: ['sundag', 'måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/**
 * `2004-02-04` → "4. februar 2004" (nb, nn) or "4 February 2004" (en); with `weekday`,
 * "onsdag 4. februar 2004". A time part is ignored: the calendar date is taken as written,
 * never shifted by time zones.
 */
export function formatNorwegianDate(iso: string, options: { language?: string; weekday?: boolean } = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    throw new TrappaError(`"${iso}" is not a date in the form 2004-02-04`);
  }
  const language = options.language && MONTHS[options.language] ? options.language : 'nb';
  const monthName = MONTHS[language]![month - 1]!;
  const text = language === 'en' ? `${day} ${monthName} ${year}` : `${day}. ${monthName} ${year}`;
  return options.weekday ? `${WEEKDAYS[language]![date.getUTCDay()]} ${text}` : text;
}

function createEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
  // {{date meeting.date}} or {{date meeting.date weekday=true}}; the language comes from the root context.
  hb.registerHelper('date', function (value: unknown, options: Handlebars.HelperOptions) {
    if (typeof value !== 'string' && !(value instanceof Date)) {
      throw new TrappaError(
        `the date helper needs an ISO date, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
      );
    }
    const iso = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    const root = options.data?.root as { language?: unknown } | undefined;
    return formatNorwegianDate(iso, {
      ...(typeof root?.language === 'string' ? { language: root.language } : {}),
      weekday: options.hash?.weekday === true,
    });
  });
  // {{quote title}}: «…» (nb, nn) or “…” (en), with quotes inside the text turned into the inner kind.
  hb.registerHelper('quote', function (value: unknown, options: Handlebars.HelperOptions) {
    const root = options.data?.root as { language?: unknown } | undefined;
    return quote(String(value ?? ''), typeof root?.language === 'string' ? root.language : 'nb');
  });
  // {{contactDetails contact phone="tlf."}}: "Kari (kari@x.no, tlf. 74 05 28 00)", any part may be missing.
  hb.registerHelper('contactDetails', function (value: unknown, options: Handlebars.HelperOptions) {
    const c = (value ?? {}) as { name?: string; email?: string; phone?: string };
    const phone = c.phone ? `${String(options.hash?.phone ?? 'tlf.')} ${c.phone}` : undefined;
    const details = [c.email, phone].filter(Boolean).join(', ');
    if (!c.name) return details;
    return details ? `${c.name} (${details})` : c.name;
  });
  return hb;
}

/** Wraps text in the language's quotation marks; marks already in it become the inner kind, never nested «…«…»…». */
export function quote(text: string, language: string): string {
  const [open, close, innerOpen, innerClose] = language === 'en' ? ['“', '”', '‘', '’'] : ['«', '»', '‘', '’'];
  const bare = text.trim().replace(/^[«“"](.*)[»”"]$/s, '$1');
  const inner = bare
    .replace(/[«“]/g, innerOpen)
    .replace(/[»”]/g, innerClose)
    .replace(/"([^"]*)"/g, `${innerOpen}$1${innerClose}`);
  return `${open}${inner}${close}`;
}

/** Reads and compiles `templates/<language>/email/{subject,body}.hbs` in an isolated Handlebars. */
export async function loadEmailTemplates(templatesDir: string, language: string): Promise<EmailTemplates> {
  if (!/^[a-z]{2,3}(-[A-Za-z]{2})?$/.test(language)) {
    throw new TrappaError(`"${language}" is not a language code such as nb, nn or en`);
  }
  const hb = createEnvironment();
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
      ? `uses {{${problem.missing}}}, which deck "${deck.deckId}" does not have`
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
