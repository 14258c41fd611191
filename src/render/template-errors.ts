/**
 * Handlebars' errors in plain words, on one line. Its parser speaks in grammar tokens
 * ("Expecting 'OPEN_ENDBLOCK', got 'EOF'") and its runtime errors end in " - line:col";
 * users who edit a template need to know what to type instead. Each message is a catalogue
 * entry (messages/template-syntax-text.ts) kept as its English, read back in the reader's language.
 */
import { english, type MessageKey, said } from '../messages/catalogue.js';

export interface TemplateProblem {
  message: string;
  /** The expression that named a field the context lacks, e.g. "meeting.room". */
  missing?: string;
  /** Line and column inside the template, 1-based, when Handlebars gave them. */
  line?: number;
  col?: number;
}

/** Blocks opened with {{#name}} and not closed with {{/name}}, innermost last. */
function unclosedBlocks(source: string): string[] {
  const open: string[] = [];
  for (const m of source.matchAll(/\{\{~?\s*([#/^])\s*([\w.-]+)/g)) {
    if (m[1] === '/') {
      const i = open.lastIndexOf(m[2]!);
      if (i >= 0) open.splice(i, 1);
    } else if (m[1] === '#') open.push(m[2]!);
  }
  return open;
}

/** The whole expression around a failing name, e.g. "strategy.slagord" for "slagord" at 1:2. */
function expressionAt(source: string, line: number, col: number, name: string): string {
  const text = source.split('\n')[line - 1] ?? '';
  for (const m of text.matchAll(/\{\{~?\s*([^}]*?)\s*~?\}\}/g)) {
    if ((m.index ?? 0) <= col && col <= (m.index ?? 0) + m[0].length) {
      const word = (m[1] ?? '').split(/\s+/).find((w) => w === name || w.endsWith(`.${name}`));
      if (word) return word;
    }
  }
  return name;
}

const TOKEN_WORDS: Record<string, MessageKey> = {
  EOF: 'word.hbs.end',
  CLOSE: 'word.hbs.close',
  OPEN: 'word.hbs.open',
  INVALID: 'word.hbs.char',
};

/** A token Handlebars did not expect, as a word when it has one, else its own name quoted. */
function unexpected(token: string, line: number): string {
  const word = TOKEN_WORDS[token];
  return english(
    word ? said('hbs.unexpected', { tokenWord: said(word), line }) : said('hbs.unexpectedToken', { token, line }),
  );
}

export function describeTemplateError(error: unknown, source: string): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(message);
  if (missing) {
    const [, name = '', line = '1', col = '0'] = missing;
    const expression = expressionAt(source, Number(line), Number(col), name);
    return {
      message: english(said('hbs.missing', { expression: `{{${expression}}}` })),
      missing: expression,
      line: Number(line),
      col: Number(col) + 1,
    };
  }
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(message);
  if (mismatch) {
    return {
      message: english(said('hbs.mismatch', { close: `{{/${mismatch[2]}}}`, open: `{{#${mismatch[1]}}}` })),
      line: Number(mismatch[3]),
      col: Number(mismatch[4]) + 1,
    };
  }
  const parse = /^Parse error on line (\d+):[\s\S]*?got '([A-Z_]+)'/.exec(message);
  if (parse) {
    const line = Number(parse[1]);
    const open = unclosedBlocks(source);
    if (parse[2] === 'EOF' && open.length > 0) {
      const name = open.at(-1)!;
      return { message: english(said('hbs.unclosed', { open: `{{#${name} …}}`, close: `{{/${name}}}` })), line };
    }
    return { message: unexpected(parse[2]!, line), line };
  }
  const unknownHelper = /^Missing helper: "([^"]+)"/.exec(message);
  if (unknownHelper)
    return {
      message: english(
        said('hbs.unknownHelper', {
          expression: `{{${unknownHelper[1]} …}}`,
          known: 'longDate, shortDate, upper, join, if, each, unless, with',
        }),
      ),
    };
  // Handlebars' own words, quoted: a form not met above.
  return {
    message: english(said('hbs.other', { detail: (message.split('\n')[0] ?? message).replace(/ - (\d+):(\d+)$/, '') })),
  };
}
