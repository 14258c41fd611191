/**
 * One deck's messages, handed over with retries: an intent in the send log before each
 * hand-over and its outcome after, so a crash can never lead to a silent second delivery.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { MailConfig } from './mail-config.js';
import type { AttemptResult, MailSender } from './mail-sender.js';
import type { PreparedMessage } from './prepare-messages.js';
import type { SendJournal } from './send-journal.js';
import type { SendLogRecipient } from './send-log.js';
import type { SendDecksOptions } from './send-options.js';
import {
  chunk,
  fail,
  initialWork,
  newMessageId,
  outgoingMail,
  type PlannedRecipient,
  settle,
  type WorkItem,
} from './send-plan.js';
import type { DeckOutcome } from './types.js';

/** The hand-over was withdrawn because another Trappa run took some recipients meanwhile. */
class Withdrawn extends Error {
  constructor(readonly taken: string[]) {
    super('withdrawn');
  }
}

export interface DeckRun {
  sender: MailSender;
  message: PreparedMessage;
  outcome: DeckOutcome;
  journal: SendJournal;
  config: MailConfig;
  options: SendDecksOptions;
}

/** Sends one deck's messages with retries. Returns a reason when the run cannot go on. */
export async function deliverDeck(run: DeckRun, due: PlannedRecipient[]): Promise<string | undefined> {
  const { outcome, options, config } = run;
  const attempts = Math.max(1, options.retry?.attempts ?? 4);
  const delay = (tries: number) =>
    Math.min(options.retry?.maxDelayMs ?? 60_000, (options.retry?.baseDelayMs ?? 2000) * 2 ** (tries - 1));
  const wait = options.retry?.sleep ?? sleep;
  const maxTotalWait = options.retry?.maxTotalWaitMs ?? 300_000;
  let waited = 0;
  let batchSize = config.batchSize;
  let frozen = false;
  const queue: WorkItem[] = initialWork(due, batchSize, config.from);
  while (queue.length > 0) {
    const item = queue.shift()!;
    if (item.tries > 0) {
      const ms = item.waitMs ?? delay(item.tries);
      waited += ms;
      await wait(ms);
    }
    outcome.attempts += 1;
    let intentId: string | undefined;
    const mail = outgoingMail(run.message, item, config.from, config.batchSize);
    const handOver = async () => {
      if (!frozen) await options.freeze?.(outcome.deckId, outcome.version, outcome.attachments);
      frozen = true;
      const recorded = await run.journal.recordIntent({
        deck: outcome.deckId,
        version: outcome.version,
        attachments: outcome.attachments.map(({ filename, sha256, size }) => ({ filename, sha256, size })),
        recipients: item.recipients.map((r) => ({
          email: r.email,
          ...(r.name ? { name: r.name } : {}),
          field: r.field,
        })),
        messageId: item.messageId,
        transport: config.transport,
      });
      if ('taken' in recorded) throw new Withdrawn(recorded.taken);
      intentId = recorded.id;
    };
    let result: AttemptResult;
    try {
      result = await run.sender.send(mail, handOver);
    } catch (error) {
      if (!(error instanceof Withdrawn)) throw error;
      const taken = new Set(error.taken);
      for (const r of item.recipients.filter((r) => taken.has(r.email.toLowerCase()))) {
        Object.assign(r, { status: 'skipped', detail: 'another trappa send took this recipient at the same time' });
      }
      const rest = item.recipients.filter((r) => !taken.has(r.email.toLowerCase()));
      if (rest.length > 0) queue.unshift({ ...item, recipients: rest });
      continue;
    }
    const settled = settle(item, result);
    if (settled.capped.length > 0) {
      // 452 after some were accepted: the server's recipient limit. Go on in messages of that size, at once.
      batchSize = Math.max(1, Math.min(batchSize, item.recipients.length - settled.capped.length));
      queue.unshift(
        ...chunk(settled.capped, batchSize).map((recipients) => ({
          recipients,
          messageId: newMessageId(config.from),
          tries: item.tries,
        })),
      );
    }
    if (settled.retry.length > 0) {
      const next = Math.max(delay(item.tries + 1), settled.failure?.retryAfterMs ?? 0);
      const tooLong = waited + next > maxTotalWait;
      if (item.tries + 1 < attempts && !tooLong)
        queue.push({ recipients: settled.retry, messageId: item.messageId, tries: item.tries + 1, waitMs: next });
      else {
        const why = tooLong
          ? `gave up: the server asked to wait ${Math.ceil(next / 1000)} s more; send again later`
          : `gave up after ${item.tries + 1} attempts`;
        for (const r of settled.retry) fail(r, settled.failure, why);
      }
    }
    if (settled.sent.length > 0 && !outcome.messageId) {
      outcome.messageId = item.messageId;
      await options.sent?.(outcome.deckId, outcome.version, outcome.attachments);
    }
    // Every recipient of a handed-over message gets an outcome; those to retry as 'failed' for now.
    if (intentId || item.recipients.some((r) => r.status === 'failed'))
      await recordOutcome(run, item, intentId, item.recipients);
    if (result.error?.fatal) {
      for (const rest of queue.splice(0)) for (const r of rest.recipients) fail(r, result.error, 'not attempted');
      return result.error.detail;
    }
  }
  return undefined;
}

async function recordOutcome(
  run: DeckRun,
  item: WorkItem,
  id: string | undefined,
  finished: readonly PlannedRecipient[],
): Promise<void> {
  const recipients: SendLogRecipient[] = finished.map((r) => ({
    email: r.email,
    ...(r.name ? { name: r.name } : {}),
    field: r.field,
    result: r.status === 'sent' ? 'sent' : r.status === 'uncertain' ? 'uncertain' : 'failed',
    ...(r.smtpCode ? { code: r.smtpCode } : {}),
    ...(r.status !== 'sent' && r.detail ? { response: r.detail } : {}),
  }));
  const results = new Set(recipients.map((r) => r.result));
  await run.journal.recordOutcome({
    ...(id ? { id } : {}),
    deck: run.outcome.deckId,
    version: run.outcome.version,
    attachments: run.outcome.attachments.map(({ filename, sha256, size }) => ({ filename, sha256, size })),
    recipients,
    messageId: item.messageId,
    result: results.size > 1 ? 'partial' : ([...results][0] ?? 'failed'),
    attempts: item.tries + 1,
  });
}
