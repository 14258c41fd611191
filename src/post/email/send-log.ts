import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Issue } from '../../errors.js';
import type { RecipientField } from './types.js';

/*
 * output/send-log.jsonl: one JSON line per message handed to the SMTP server (or given up on).
 * The log is the memory that stops a deck version going to the same person twice, so each line
 * is fsynced before the next message goes out. Credentials never reach it: entries hold only
 * addresses, hashes and the server's replies, and replies pass through redaction first.
 */

export interface SendLogRecipient {
  email: string;
  name?: string;
  field: RecipientField;
  result: 'sent' | 'failed';
  /** SMTP reply code of a failure. */
  code?: number;
  /** The server's reply or the error, for failures. */
  response?: string;
}

export interface SendLogEntry {
  deck: string;
  version: string;
  attachments: { filename: string; sha256: string; size: number }[];
  recipients: SendLogRecipient[];
  messageId?: string;
  /** ISO time the server answered. */
  time: string;
  /** `partial`: some recipients got it, some failed. */
  result: 'sent' | 'partial' | 'failed';
  /** SMTP attempts this outcome took (retries of transient failures included). */
  attempts: number;
}

/** Appends one entry and fsyncs it. A torn last line from a crash is closed off first. */
export async function appendSendLog(file: string, entry: SendLogEntry): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
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
    await handle.write(`${prefix}${JSON.stringify(entry)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads the log. Unreadable lines (a crash mid-write) become warnings, not failures. */
export async function readSendLog(file: string): Promise<{ entries: SendLogEntry[]; warnings: Issue[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], warnings: [] };
    // readFile names no path on EISDIR; the CLI's one-line message needs it.
    throw Object.assign(error as NodeJS.ErrnoException, { path: (error as NodeJS.ErrnoException).path ?? file });
  }
  const entries: SendLogEntry[] = [];
  const warnings: Issue[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const entry = JSON.parse(line) as SendLogEntry;
      if (typeof entry.deck !== 'string' || !Array.isArray(entry.recipients) || !Array.isArray(entry.attachments)) throw new Error('not an entry');
      entries.push(entry);
    } catch {
      warnings.push({ file, line: index + 1, severity: 'warning', message: 'unreadable send-log line ignored' });
    }
  });
  return { entries, warnings };
}

/**
 * What a recipient already has. The key is deck + version + the attachments' sha256s + address:
 * same version and same bytes means "already sent"; same version with other bytes is a conflict.
 */
export class SentIndex {
  readonly #sent = new Map<string, string>();
  readonly #byVersion = new Map<string, { hashes: string; time: string }>();

  constructor(entries: readonly SendLogEntry[]) {
    for (const entry of entries) {
      const hashes = hashKey(entry.attachments.map((a) => a.sha256));
      for (const recipient of entry.recipients) {
        if (recipient.result !== 'sent') continue;
        this.#sent.set(deliveryKey(entry.deck, entry.version, hashes, recipient.email), entry.time);
        this.#byVersion.set(versionKey(entry.deck, entry.version, recipient.email), { hashes, time: entry.time });
      }
    }
  }

  /**
   * `sent` (with the time) when this recipient got exactly these attachments for this version;
   * `conflict` when they got this version with other attachments; undefined when not at all.
   */
  lookup(deckId: string, version: string, sha256s: readonly string[], email: string):
    | { state: 'sent'; time: string }
    | { state: 'conflict'; time: string }
    | undefined {
    const hashes = hashKey(sha256s);
    const time = this.#sent.get(deliveryKey(deckId, version, hashes, email));
    if (time) return { state: 'sent', time };
    const other = this.#byVersion.get(versionKey(deckId, version, email));
    return other ? { state: 'conflict', time: other.time } : undefined;
  }
}

/** The resend key: deck, version, attachments (order-independent) and address (case-insensitive). */
export function deliveryKey(deckId: string, version: string, sha256s: readonly string[] | string, email: string): string {
  const hashes = typeof sha256s === 'string' ? sha256s : hashKey(sha256s);
  return `${versionKey(deckId, version, email)}\u0000${hashes}`;
}

function versionKey(deckId: string, version: string, email: string): string {
  return `${deckId}\u0000${version}\u0000${email.toLowerCase()}`;
}

function hashKey(sha256s: readonly string[]): string {
  return [...sha256s].sort().join(',');
}
