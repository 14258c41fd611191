import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Issue } from '../../errors.js';
import type { RecipientField } from './types.js';
import { makeFolder } from '../../io/save-file.js';

/*
 * output/send-log.jsonl: the memory that stops a deck version going to the same person twice.
 * Two kinds of line, each fsynced before the next step:
 * - an intent, written just before a message is handed over (deck, version, attachments'
 *   sha256, recipients, Message-ID, a fresh id);
 * - an outcome, written after the server answered, naming the intent's id.
 * An intent without an outcome (a crash, a connection lost after the message went out) is a
 * message whose fate is unknown: it may have been delivered. Credentials never reach the log.
 */

export interface SendLogRecipient {
  email: string;
  name?: string;
  field: RecipientField;
  /** `uncertain`: handed over, no answer. */
  result: 'sent' | 'failed' | 'uncertain';
  /** SMTP reply code (or HTTP status) of a failure. */
  code?: number;
  /** The server's reply or the error, for failures. */
  response?: string;
}

interface LogAttachment {
  filename: string;
  sha256: string;
  size: number;
}

/** The outcome of a message (lines without `kind` come from logs written before intents existed). */
export interface SendLogEntry {
  kind?: 'outcome';
  /** The intent this outcome closes. */
  id?: string;
  deck: string;
  version: string;
  attachments: LogAttachment[];
  recipients: SendLogRecipient[];
  messageId?: string;
  /** ISO time the server answered. */
  time: string;
  /** `partial`: some recipients got it, some failed. */
  result: 'sent' | 'partial' | 'failed' | 'uncertain';
  /** Attempts this outcome took (retries of transient failures included). */
  attempts: number;
}

export interface SendLogIntent {
  kind: 'intent';
  id: string;
  deck: string;
  version: string;
  attachments: LogAttachment[];
  recipients: { email: string; name?: string; field: RecipientField }[];
  messageId: string;
  transport: 'smtp' | 'graph';
  /** ISO time the message was about to be handed over. */
  time: string;
}

export type SendLogLine = SendLogEntry | SendLogIntent;

const isIntent = (line: SendLogLine): line is SendLogIntent => line.kind === 'intent';

/** Appends one line and fsyncs it. A torn last line from a crash is closed off first. */
export async function appendSendLog(file: string, line: SendLogLine): Promise<void> {
  await makeFolder(path.dirname(file));
  const handle = await open(file, 'a+');
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    // One write call per line: O_APPEND keeps concurrent lines whole on local file systems.
    await handle.write(`${prefix}${JSON.stringify(line)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface SendLogRead {
  /** Outcomes, in file order. */
  entries: SendLogEntry[];
  intents: SendLogIntent[];
  /** Every line in file order. */
  lines: SendLogLine[];
  warnings: Issue[];
  /** Byte offset after the last complete line, to read on from. */
  offset: number;
}

/**
 * Reads the log from `offset` (0: all of it). Only complete lines are read; unreadable
 * lines (a crash mid-write) become warnings, not failures.
 */
export async function readSendLog(file: string, offset = 0): Promise<SendLogRead> {
  const read: SendLogRead = { entries: [], intents: [], lines: [], warnings: [], offset };
  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      bytes = Buffer.alloc(Math.max(0, size - offset));
      if (bytes.length > 0) await handle.read(bytes, 0, bytes.length, offset);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return read;
    // A read of a folder (EISDIR) names no path; the CLI's one-line message needs it.
    throw Object.assign(error as NodeJS.ErrnoException, { path: (error as NodeJS.ErrnoException).path ?? file });
  }
  const end = bytes.lastIndexOf(0x0a) + 1;
  read.offset = offset + end;
  bytes
    .subarray(0, end)
    .toString('utf8')
    .split('\n')
    .forEach((text, index) => {
      if (text.trim() === '') return;
      try {
        const line = JSON.parse(text) as SendLogLine;
        if (typeof line.deck !== 'string' || !Array.isArray(line.recipients) || !Array.isArray(line.attachments))
          throw new Error('not a line');
        read.lines.push(line);
        if (isIntent(line)) read.intents.push(line);
        else read.entries.push(line);
      } catch {
        read.warnings.push({
          file,
          ...(offset === 0 ? { line: index + 1 } : {}),
          severity: 'warning',
          message: 'unreadable send-log line ignored',
        });
      }
    });
  return read;
}

export type Delivery =
  | { state: 'sent'; time: string }
  | { state: 'conflict'; time: string }
  | { state: 'uncertain'; time: string; messageId: string };

/**
 * What a recipient already has. The key is deck + version + the attachments' sha256s + address:
 * same version and same bytes means "already sent"; same version with other bytes is a conflict;
 * an intent with no outcome is uncertain.
 */
export class SentIndex {
  readonly #sent = new Map<string, string>();
  readonly #byVersion = new Map<string, { hashes: string; time: string }>();
  /** versionKey → intent id → what is pending for that recipient. */
  readonly #pending = new Map<string, Map<string, { time: string; messageId: string }>>();

  constructor(lines: readonly SendLogLine[] = []) {
    for (const line of lines) this.add(line);
  }

  add(line: SendLogLine): void {
    if (isIntent(line)) {
      for (const r of line.recipients) {
        const key = versionKey(line.deck, line.version, r.email);
        const pending = this.#pending.get(key) ?? new Map();
        pending.set(line.id, { time: line.time, messageId: line.messageId });
        this.#pending.set(key, pending);
      }
      return;
    }
    const hashes = hashKey(line.attachments.map((a) => a.sha256));
    for (const recipient of line.recipients) {
      const key = versionKey(line.deck, line.version, recipient.email);
      if (line.id && recipient.result !== 'uncertain') this.#pending.get(key)?.delete(line.id);
      if (recipient.result !== 'sent') continue;
      this.#sent.set(deliveryKey(line.deck, line.version, hashes, recipient.email), line.time);
      this.#byVersion.set(key, { hashes, time: line.time });
    }
  }

  lookup(deckId: string, version: string, sha256s: readonly string[], email: string): Delivery | undefined {
    const time = this.#sent.get(deliveryKey(deckId, version, hashKey(sha256s), email));
    if (time) return { state: 'sent', time };
    const other = this.#byVersion.get(versionKey(deckId, version, email));
    if (other) return { state: 'conflict', time: other.time };
    const pending = [...(this.#pending.get(versionKey(deckId, version, email))?.values() ?? [])].at(-1);
    return pending ? { state: 'uncertain', ...pending } : undefined;
  }
}

/** The resend key: deck, version, attachments (order-independent) and address (case-insensitive). */
function deliveryKey(deckId: string, version: string, sha256s: readonly string[] | string, email: string): string {
  const hashes = typeof sha256s === 'string' ? sha256s : hashKey(sha256s);
  return `${versionKey(deckId, version, email)}\u0000${hashes}`;
}

function versionKey(deckId: string, version: string, email: string): string {
  return `${deckId}\u0000${version}\u0000${email.toLowerCase()}`;
}

function hashKey(sha256s: readonly string[]): string {
  return [...sha256s].sort().join(',');
}
