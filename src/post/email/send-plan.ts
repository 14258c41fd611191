/**
 * Who gets what in one run, before anything is sent: each recipient's status from the send
 * log, and the messages the due recipients are split into.
 *
 * A list that fits in one message goes as one message whose To and Cc show the list as
 * written (Bcc stays hidden). A longer list goes in Bcc batches: every copy shows the sender
 * in To, so nobody sees, or replies to, thousands of addresses.
 */
import { randomUUID } from 'node:crypto';
import type { PreparedMessage } from './prepare-messages.js';
import type { AttemptResult, MailFailure, OutgoingMail } from './mail-sender.js';
import { normalizeAddress } from './mail-sender.js';
import type { SentIndex } from './send-log.js';
import type { DeckOutcome, Recipient, RecipientOutcome } from './types.js';

export interface PlanOptions {
  resend?: boolean;
  resendUncertain?: boolean;
}

/** A planned recipient whose earlier message has an unknown fate keeps that Message-ID. */
export type PlannedRecipient = RecipientOutcome & { reuseMessageId?: string };

export function planDeck(message: PreparedMessage, index: SentIndex, options: PlanOptions): DeckOutcome {
  const { deck, attachments } = message;
  const hashes = attachments.map((a) => a.sha256);
  const recipients = message.recipients.map((r): PlannedRecipient => {
    const base = { email: r.email, ...(r.name ? { name: r.name } : {}), field: r.field };
    const previous = index.lookup(deck.deckId, deck.version, hashes, r.email);
    if (options.resend && previous?.state !== 'uncertain') return { ...base, status: 'planned' };
    if (previous?.state === 'sent')
      return { ...base, status: 'skipped', detail: `already sent ${previous.time}; --resend sends again` };
    if (previous?.state === 'conflict') {
      return {
        ...base,
        status: 'refused',
        detail: `got version ${deck.version} with other content ${previous.time}; raise the version, or --resend`,
      };
    }
    if (previous?.state === 'uncertain') {
      if (options.resendUncertain) return { ...base, status: 'planned', reuseMessageId: previous.messageId };
      return {
        ...base,
        status: 'uncertain',
        detail:
          `handed to the server ${previous.time} as ${previous.messageId} with no answer recorded; it may have ` +
          `arrived. Check, then --resend-uncertain`,
      };
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

/** One message to send: some recipients, its Message-ID, how often it was tried. */
export interface WorkItem {
  recipients: PlannedRecipient[];
  messageId: string;
  tries: number;
  /** Wait before this try: the backoff, or longer when the server asked for it (Retry-After). */
  waitMs?: number;
}

export function newMessageId(from: Recipient): string {
  return `<${randomUUID()}@${from.email.slice(from.email.lastIndexOf('@') + 1)}>`;
}

/** Re-sends first, grouped by their old Message-ID; then the rest in batches. */
export function initialWork(due: readonly PlannedRecipient[], batchSize: number, from: Recipient): WorkItem[] {
  const reused = new Map<string, PlannedRecipient[]>();
  for (const r of due) if (r.reuseMessageId) reused.set(r.reuseMessageId, [...(reused.get(r.reuseMessageId) ?? []), r]);
  const items = [...reused].flatMap(([messageId, rs]) =>
    chunk(rs, batchSize).map((recipients) => ({ recipients, messageId, tries: 0 })),
  );
  const fresh = due.filter((r) => !r.reuseMessageId);
  return [
    ...items,
    ...chunk(fresh, batchSize).map((recipients) => ({ recipients, messageId: newMessageId(from), tries: 0 })),
  ];
}

export function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The message for one work item: headers as the list is written when it fits one message, else Bcc. */
export function outgoingMail(
  message: PreparedMessage,
  item: WorkItem,
  from: Recipient,
  batchSize: number,
): OutgoingMail {
  const { deck, distribution } = message;
  const oneMessage = message.recipients.length <= batchSize;
  return {
    deckId: deck.deckId,
    version: deck.version,
    messageId: item.messageId,
    from,
    to: oneMessage ? distribution.to : [from],
    cc: oneMessage ? (distribution.cc ?? []) : [],
    ...(distribution.replyTo ? { replyTo: distribution.replyTo } : {}),
    recipients: item.recipients.map((r) => ({ email: r.email, ...(r.name ? { name: r.name } : {}) })),
    subject: message.subject,
    text: message.text,
    attachments: message.attachments,
  };
}

/** Sorts one attempt's recipients: sent, uncertain, failed for good, over the server's limit, to retry. */
export function settle(item: WorkItem, result: AttemptResult) {
  const out = {
    sent: [] as PlannedRecipient[],
    capped: [] as PlannedRecipient[],
    retry: [] as PlannedRecipient[],
    failure: result.error,
  };
  const someAccepted = result.accepted.size > 0;
  for (const r of item.recipients) {
    const key = normalizeAddress(r.email);
    const refusal = result.rejected.get(key) ?? (result.accepted.has(key) ? undefined : result.error);
    if (result.uncertain) {
      Object.assign(r, {
        status: 'uncertain',
        detail:
          `handed over as ${item.messageId}, no answer (${result.error?.detail ?? 'unknown'}); it may have ` +
          `arrived`,
      });
    } else if (!refusal) {
      out.sent.push(Object.assign(r, { status: 'sent' as const, detail: undefined }));
    } else if (refusal.code === 452 && someAccepted) {
      out.capped.push(Object.assign(r, { detail: refusal.detail }));
    } else if (refusal.transient && !refusal.fatal) {
      out.retry.push(Object.assign(r, { detail: refusal.detail }));
      out.failure = refusal;
    } else {
      fail(r, refusal);
    }
  }
  return out;
}

export function fail(r: PlannedRecipient, failure: MailFailure | undefined, prefix?: string): void {
  const detail = [prefix, failure?.detail].filter(Boolean).join(': ');
  Object.assign(r, { status: 'failed' as const, detail, ...(failure?.code ? { smtpCode: failure.code } : {}) });
}
