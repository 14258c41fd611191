/**
 * The page's buttons run the CLI itself (build, check, release, bump, draft, send) in a
 * child process: the same rules, refusals and messages as on the command line, a crash or
 * a long LibreOffice run cannot stall the server, and the output streams to the page as
 * progress. One job at a time, like a person at a terminal.
 */
import { spawn } from 'node:child_process';
import type { Messages } from '../messages/catalogue.js';

type ActionName = 'build' | 'check' | 'release' | 'bump' | 'draft' | 'send-dry-run' | 'send';

export interface ActionRequest {
  action: ActionName;
  /** A deck id; every deck when absent. */
  deck?: string;
  /** bump: the new version. */
  version?: string;
  /** bump: what changed. */
  note?: string;
  /** build: also a PDF beside each deck. */
  pdf?: boolean;
}

export interface ActionResult {
  code: number;
  output: string[];
  /** Plain words for a non-zero exit: what happened and what to do. */
  refusal?: string;
}

const DECK_ID = /^[a-z0-9][a-z0-9-]*$/;
const VERSION = /^\d+(\.\d+){0,3}$/;

/** The CLI arguments of a request, or a message saying why the request is not valid. */
export function cliArgs(request: ActionRequest, knownDecks: readonly string[], messages: Messages): string[] | string {
  const { say } = messages;
  const { deck } = request;
  if (deck !== undefined && (typeof deck !== 'string' || !DECK_ID.test(deck) || !knownDecks.includes(deck)))
    return say('unknownDeck', { deck: String(deck) });
  const decks = deck ? ['--deck', deck] : ['--all'];
  switch (request.action) {
    case 'build':
      return ['build', ...decks, ...(request.pdf ? ['--pdf'] : [])];
    case 'check':
      return ['check', ...decks];
    case 'release':
      return ['release', ...decks];
    case 'draft':
      return ['draft', ...decks];
    case 'send-dry-run':
      return ['send', ...decks, '--dry-run'];
    case 'send':
      return ['send', ...decks];
    case 'bump': {
      if (typeof request.version !== 'string' || !VERSION.test(request.version)) return say('versionFormat');
      const note = typeof request.note === 'string' ? request.note.trim() : '';
      return noteProblem(note, messages) ?? ['bump', request.version, '--note', note];
    }
    default:
      return say('unknownAction', { action: String(request.action) });
  }
}

/** A bump note longer than this is not a note (and would not fit in a command line). */
const NOTE_LIMIT = 2000;

/** Why a bump note cannot go into strategy.yaml, in the reader's words; undefined when it can. */
function noteProblem(note: string, { say }: Messages): string | undefined {
  if (!note) return say('noteEmpty');
  if (note.length > NOTE_LIMIT) return say('noteTooLong', { length: note.length, limit: NOTE_LIMIT });
  const control = CONTROL.exec(note);
  if (control)
    return say('noteControl', { code: `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` });
  return undefined;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** What each exit code of the CLI means for the person at the page (the one table: exit-codes.ts). */
const refusalFor = (code: number, messages: Messages): string | undefined =>
  code === 0 ? undefined : messages.exitExplanation(code);

/** Values that look like secrets (passwords, tokens, keys in the environment) never leave the server. */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(
      ([name, value]) => /PASS|SECRET|TOKEN|KEY|CREDENTIAL/i.test(name) && value !== undefined && value.length >= 4,
    )
    .map(([, value]) => value!);
}

export function redact(line: string, secrets: readonly string[]): string {
  return secrets.reduce((text, secret) => text.split(secret).join('••••'), line);
}

export interface RunOptions {
  /** The CLI entry the studio itself runs from, and node's flags (tsx's loader in development). */
  entry: string;
  execArgv: string[];
  /** --root/--data/--templates/--out as the studio got them. */
  globalArgs: string[];
  cwd: string;
  onLine: (line: string) => void;
  /** The Studio's messages (its language), for the refusal. */
  messages: Messages;
}

export function runCli(args: string[], options: RunOptions): Promise<ActionResult> {
  const secrets = secretValues(process.env);
  return new Promise((resolve) => {
    // In the Studio's language, whatever the locale of the process that started it.
    const lang = ['--lang', options.messages.lang];
    const child = spawn(
      process.execPath,
      [...options.execArgv, options.entry, ...lang, ...options.globalArgs, ...args],
      {
        cwd: options.cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    const output: string[] = [];
    const take = (chunk: Buffer, rest: { text: string }): void => {
      rest.text += chunk.toString('utf8');
      const lines = rest.text.split('\n');
      rest.text = lines.pop() ?? '';
      for (const line of lines) emit(line);
    };
    const emit = (raw: string): void => {
      const line = redact(raw.replace(/\r$/, ''), secrets);
      output.push(line);
      options.onLine(line);
    };
    const out = { text: '' };
    const err = { text: '' };
    child.stdout.on('data', (c: Buffer) => take(c, out));
    child.stderr.on('data', (c: Buffer) => take(c, err));
    child.on('error', (error) => {
      emit(`trappa: ${error.message}`);
      resolve({ code: 70, output, refusal: refusalFor(70, options.messages) });
    });
    child.on('close', (code) => {
      for (const rest of [out, err]) if (rest.text) emit(rest.text);
      const exit = code ?? 70;
      // Missing mail settings end in exit 2 like wrong data, but the data is fine: say what is missing.
      const mail = exit === 2 && output.some((line) => /TRAPPA_SMTP_HOST/.test(line));
      const refusal = mail ? options.messages.say('mailNotSet') : refusalFor(exit, options.messages);
      resolve({ code: exit, output, ...(refusal ? { refusal } : {}) });
    });
  });
}
