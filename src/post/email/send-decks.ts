import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SendMailOptions } from 'nodemailer';
import { appendSendLog, readSendLog, SentIndex, type SendLogEntry, type SendLogRecipient } from './send-log.js';
import { formatMailbox, SmtpConfigError, type SmtpConfig } from './smtp-config.js';
import { createSmtpSender, normalizeAddress, type SmtpFailure, type SmtpSender } from './smtp-transport.js';
import { prepareMessages, type PreparedMessage } from './prepare-messages.js';
import { freezeBeforeSending } from '../../versions/freeze.js';
import type { DeckOutcome, DeliveryStatus, OutgoingDeck, RecipientOutcome, SendReport } from './types.js';

export interface RetryOptions {
  /** Tries per message, the first included. @default 4 */
  attempts?: number;
  /** Wait before the first retry; each further retry waits twice as long. @default 2000 */
  baseDelayMs?: number;
  /** @default 60000 */
  maxDelayMs?: number;
}

export interface SendDecksOptions {
  /** Required unless `dryRun` (or nothing is due). */
  smtp?: SmtpConfig;
  /** `output/send-log.jsonl`. */
  logFile: string;
  templatesDir: string;
  /** Plan only: read the log, report who would get what, connect to nothing, write nothing. */
  dryRun?: boolean;
  /** Send again to recipients who already got this version. */
  resend?: boolean;
  /** @default 10 MiB, all attachments of one message together, checked before connecting */
  sizeLimitBytes?: number;
  retry?: RetryOptions;
  /** Called after each deck is done, for progress output. */
  onDeck?: (outcome: DeckOutcome) => void;
}

/**
 * Sends each deck as one message to those of its To/Cc/Bcc recipients who do not have this
 * version yet. Headers always show the deck's full To and Cc; the SMTP envelope holds only
 * the recipients still due, so a re-run after a failure sends only what is missing.
 */
export async function sendDecks(decks: readonly OutgoingDeck[], options: SendDecksOptions): Promise<SendReport> {
  const messages = await prepareMessages(decks, options);
  const index = new SentIndex((await readSendLog(options.logFile)).entries);
  const outcomes = messages.map((message) => planDeck(message, index, options.resend ?? false));
  const due = outcomes.some((o) => o.recipients.some((r) => r.status === 'planned'));
  if (options.dryRun || !due) {
    outcomes.forEach((o) => options.onDeck?.(o));
    return buildReport(outcomes, options);
  }
  if (!options.smtp) throw new SmtpConfigError('Sending needs SMTP settings: set TRAPPA_SMTP_HOST and TRAPPA_SMTP_FROM.');
  const sender = await createSmtpSender(options.smtp);
  try {
    let fatal: string | undefined;
    for (const [i, message] of messages.entries()) {
      const outcome = outcomes[i]!;
      const due = outcome.recipients.filter((r) => r.status === 'planned');
      if (due.length > 0 && fatal) {
        for (const r of due) Object.assign(r, { status: 'failed', detail: `not attempted: ${fatal}` });
      } else if (due.length > 0) {
        // Frozen before the message leaves: a crash after sending can never leave it replaceable.
        const pptx = message.attachments.find((a) => a.path.endsWith('.pptx')) ?? message.attachments[0]!;
        await freezeBeforeSending(path.dirname(options.logFile), { deckId: message.deck.deckId, version: message.deck.version, file: pptx.path, sha256: pptx.sha256 });
        fatal = await deliver(sender, message, outcome, due, options);
      }
      options.onDeck?.(outcome);
    }
  } finally {
    sender.close();
  }
  return buildReport(outcomes, options);
}

function planDeck(message: PreparedMessage, index: SentIndex, resend: boolean): DeckOutcome {
  const { deck, attachments } = message;
  const hashes = attachments.map((a) => a.sha256);
  const recipients = message.recipients.map((r): RecipientOutcome => {
    const base = { email: r.email, ...(r.name ? { name: r.name } : {}), field: r.field };
    const previous = resend ? undefined : index.lookup(deck.deckId, deck.version, hashes, r.email);
    if (previous?.state === 'sent') return { ...base, status: 'skipped', detail: `already sent ${previous.time}; --resend sends again` };
    if (previous?.state === 'conflict') {
      return { ...base, status: 'refused', detail: `got version ${deck.version} with other content ${previous.time}; raise the version, or --resend` };
    }
    return { ...base, status: 'planned' };
  });
  return {
    deckId: deck.deckId,
    version: deck.version,
    subject: message.subject,
    attachments: attachments.map(({ content: _, ...info }) => info),
    recipients,
    attempts: 0,
  };
}

/** Sends one deck with retries. Returns a reason when the run cannot go on (login, TLS, no server). */
async function deliver(
  sender: SmtpSender,
  message: PreparedMessage,
  outcome: DeckOutcome,
  due: RecipientOutcome[],
  options: SendDecksOptions,
): Promise<string | undefined> {
  const attempts = Math.max(1, options.retry?.attempts ?? 4);
  const baseDelay = options.retry?.baseDelayMs ?? 2000;
  const maxDelay = options.retry?.maxDelayMs ?? 60_000;
  const from = options.smtp!.from;
  const messageId = `<${randomUUID()}@${from.email.slice(from.email.lastIndexOf('@') + 1)}>`;
  const failed: RecipientOutcome[] = [];
  let remaining = due;
  let last: SmtpFailure | undefined;
  while (remaining.length > 0 && outcome.attempts < attempts) {
    if (outcome.attempts > 0) await sleep(Math.min(maxDelay, baseDelay * 2 ** (outcome.attempts - 1)));
    outcome.attempts += 1;
    const result = await sender.send(mailOptions(message, remaining, messageId, options.smtp!));
    const sent: RecipientOutcome[] = [];
    const retry: RecipientOutcome[] = [];
    for (const r of remaining) {
      const key = normalizeAddress(r.email);
      const refusal = result.rejected.get(key) ?? (result.accepted.has(key) ? undefined : result.error);
      if (!refusal) sent.push(Object.assign(r, { status: 'sent' as const }));
      else if (refusal.transient) retry.push(r);
      else failed.push(fail(r, refusal));
      if (refusal && (refusal.transient || refusal.fatal)) last = refusal;
    }
    if (sent.length > 0) {
      outcome.messageId = messageId;
      await log(options.logFile, outcome, [...sent, ...failed.splice(0)], messageId);
    }
    remaining = retry;
    if (result.error?.fatal) break;
  }
  for (const r of remaining) failed.push(fail(r, last, `gave up after ${outcome.attempts} attempts`));
  if (failed.length > 0) await log(options.logFile, outcome, failed, undefined);
  // A whole attempt that failed without any SMTP reply means the server is out of reach.
  const unreachable = remaining.length > 0 && last !== undefined && last.code === undefined;
  return last?.fatal || unreachable ? last?.detail : undefined;
}

function fail(r: RecipientOutcome, failure: SmtpFailure | undefined, prefix?: string): RecipientOutcome {
  const detail = [prefix, failure?.detail].filter(Boolean).join(': ');
  return Object.assign(r, { status: 'failed' as const, detail, ...(failure?.code ? { smtpCode: failure.code } : {}) });
}

function mailOptions(message: PreparedMessage, due: readonly RecipientOutcome[], messageId: string, smtp: SmtpConfig): SendMailOptions {
  const { deck, distribution } = message;
  const address = (r: { name?: string; email: string }) => ({ name: r.name ?? '', address: r.email });
  return {
    from: address(smtp.from),
    to: distribution.to.map(address),
    ...(distribution.cc?.length ? { cc: distribution.cc.map(address) } : {}),
    ...(distribution.replyTo ? { replyTo: address(distribution.replyTo) } : {}),
    subject: message.subject,
    text: message.text,
    messageId,
    headers: { 'X-Trappa-Deck': `${deck.deckId}; version=${deck.version}` },
    attachments: message.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    // Bcc recipients are only in the envelope, never in a header.
    envelope: { from: smtp.from.email, to: due.map((r) => r.email) },
  };
}

async function log(file: string, outcome: DeckOutcome, recipients: readonly RecipientOutcome[], messageId: string | undefined): Promise<void> {
  const entries: SendLogRecipient[] = recipients.map((r) => ({
    email: r.email,
    ...(r.name ? { name: r.name } : {}),
    field: r.field,
    result: r.status === 'sent' ? 'sent' : 'failed',
    ...(r.smtpCode ? { code: r.smtpCode } : {}),
    ...(r.status !== 'sent' && r.detail ? { response: r.detail } : {}),
  }));
  const sentCount = entries.filter((e) => e.result === 'sent').length;
  const entry: SendLogEntry = {
    deck: outcome.deckId,
    version: outcome.version,
    attachments: outcome.attachments.map(({ filename, sha256, size }) => ({ filename, sha256, size })),
    recipients: entries,
    ...(messageId ? { messageId } : {}),
    time: new Date().toISOString(),
    result: sentCount === entries.length ? 'sent' : sentCount === 0 ? 'failed' : 'partial',
    attempts: outcome.attempts,
  };
  await appendSendLog(file, entry);
}

function buildReport(decks: DeckOutcome[], options: SendDecksOptions): SendReport {
  const counts: Record<DeliveryStatus, number> = { planned: 0, sent: 0, skipped: 0, failed: 0, refused: 0 };
  for (const deck of decks) for (const r of deck.recipients) counts[r.status] += 1;
  return {
    dryRun: options.dryRun ?? false,
    ...(options.smtp ? { from: formatMailbox(options.smtp.from) } : {}),
    decks,
    counts,
    ok: counts.failed === 0 && counts.refused === 0,
  };
}
