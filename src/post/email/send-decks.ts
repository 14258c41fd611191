import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_BATCH_SIZE, type MailConfig } from './mail-config.js';
import type { AttemptResult, MailSender } from './mail-sender.js';
import { createTokenSource } from './oauth-token.js';
import { prepareMessages, type PreparedMessage } from './prepare-messages.js';
import { SendJournal } from './send-journal.js';
import type { SendLogRecipient } from './send-log.js';
import {
  initialWork,
  newMessageId,
  outgoingMail,
  planDeck,
  chunk,
  fail,
  settle,
  type PlannedRecipient,
  type WorkItem,
} from './send-plan.js';
import { formatMailbox, SmtpConfigError, type SmtpConfig } from './smtp-config.js';
import type { AttachmentInfo, DeckOutcome, DeliveryStatus, OutgoingDeck, SendReport } from './types.js';

export interface RetryOptions {
  /** Tries per message, the first included. @default 4 */
  attempts?: number;
  /** Wait before the first retry; each further retry waits twice as long. @default 2000 */
  baseDelayMs?: number;
  /** @default 60000 */
  maxDelayMs?: number;
}

export interface SendDecksOptions {
  /** Transport, login and limits; required unless `dryRun` (or nothing is due). */
  mail?: MailConfig;
  /** Plain SMTP settings, for callers without a MailConfig (default timeouts and batch size). */
  smtp?: SmtpConfig;
  /** `output/send-log.jsonl`; its folder's lock guards every write. */
  logFile: string;
  templatesDir: string;
  /** Plan only: read the log, report who would get what, connect to nothing, write nothing. */
  dryRun?: boolean;
  /** Send again to recipients who already got this version. */
  resend?: boolean;
  /** Send again, with the same Message-ID, to recipients whose earlier message has an unknown fate. */
  resendUncertain?: boolean;
  /** @default 10 MiB, all attachments of one message together, checked before connecting */
  sizeLimitBytes?: number;
  retry?: RetryOptions;
  /**
   * Freezes a deck version. Runs once per deck before its first message is handed over
   * (never after), outside the send log's lock: it may take the output lock itself.
   */
  freeze?: (deckId: string, version: string, attachments: readonly AttachmentInfo[]) => Promise<void>;
  /** Called after each deck is done, for progress output. */
  onDeck?: (outcome: DeckOutcome) => void;
}

/** The hand-over was withdrawn because another Trappa run took some recipients meanwhile. */
class Withdrawn extends Error {
  constructor(readonly taken: string[]) {
    super('withdrawn');
  }
}

/**
 * Sends each deck to those of its To/Cc/Bcc recipients who do not have this version yet, in
 * messages of at most `batchSize` recipients. Every hand-over is preceded by an intent in the
 * send log and followed by its outcome, so a crash can never lead to a silent second delivery.
 */
export async function sendDecks(decks: readonly OutgoingDeck[], options: SendDecksOptions): Promise<SendReport> {
  const messages = await prepareMessages(decks, options);
  const journal = await SendJournal.open(options.logFile);
  const outcomes = messages.map((message) => planDeck(message, journal.index, options));
  const config = mailConfig(options);
  const due = outcomes.some((o) => o.recipients.some((r) => r.status === 'planned'));
  if (options.dryRun || !due) {
    outcomes.forEach((o) => options.onDeck?.(o));
    return buildReport(outcomes, options, config);
  }
  if (!config) throw new SmtpConfigError('Sending needs mail settings: set TRAPPA_SMTP_HOST and TRAPPA_SMTP_FROM.');
  const sender = await createSender(config);
  let fatal: string | undefined;
  try {
    await sender.verify();
    for (const [i, message] of messages.entries()) {
      const outcome = outcomes[i]!;
      const planned = outcome.recipients.filter((r) => r.status === 'planned') as PlannedRecipient[];
      if (planned.length > 0 && fatal) {
        for (const r of planned) Object.assign(r, { status: 'failed', detail: `not attempted: ${fatal}` });
      } else if (planned.length > 0) {
        fatal = await deliverDeck({ sender, message, outcome, journal, config, options }, planned);
      }
      options.onDeck?.(outcome);
    }
  } finally {
    sender.close();
  }
  return { ...buildReport(outcomes, options, config), ...(fatal ? { fatal } : {}) };
}

function mailConfig(options: SendDecksOptions): MailConfig | undefined {
  if (options.mail) return options.mail;
  if (!options.smtp) return undefined;
  const timeouts = { connectMs: 10_000, greetingMs: 10_000, commandMs: 30_000 };
  return { transport: 'smtp', from: options.smtp.from, smtp: options.smtp, timeouts, batchSize: DEFAULT_BATCH_SIZE };
}

async function createSender(config: MailConfig): Promise<MailSender> {
  const tokens = config.oauth ? createTokenSource(config.oauth) : undefined;
  if (config.transport === 'graph') {
    const { createGraphSender } = await import('./graph-transport.js');
    return createGraphSender(config, tokens!);
  }
  const { createSmtpSender } = await import('./smtp-transport.js');
  return createSmtpSender({
    smtp: config.smtp,
    timeouts: config.timeouts,
    ...(config.oauth ? { oauth: config.oauth } : {}),
    ...(tokens ? { tokens } : {}),
  });
}

interface DeckRun {
  sender: MailSender;
  message: PreparedMessage;
  outcome: DeckOutcome;
  journal: SendJournal;
  config: MailConfig;
  options: SendDecksOptions;
}

/** Sends one deck's messages with retries. Returns a reason when the run cannot go on. */
async function deliverDeck(run: DeckRun, due: PlannedRecipient[]): Promise<string | undefined> {
  const { outcome, options, config } = run;
  const attempts = Math.max(1, options.retry?.attempts ?? 4);
  const delay = (tries: number) =>
    Math.min(options.retry?.maxDelayMs ?? 60_000, (options.retry?.baseDelayMs ?? 2000) * 2 ** (tries - 1));
  let batchSize = config.batchSize;
  let frozen = false;
  const queue: WorkItem[] = initialWork(due, batchSize, config.from);
  while (queue.length > 0) {
    const item = queue.shift()!;
    if (item.tries > 0) await sleep(delay(item.tries));
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
      if (item.tries + 1 < attempts)
        queue.push({ recipients: settled.retry, messageId: item.messageId, tries: item.tries + 1 });
      else for (const r of settled.retry) fail(r, settled.failure, `gave up after ${item.tries + 1} attempts`);
    }
    if (settled.sent.length > 0 && !outcome.messageId) outcome.messageId = item.messageId;
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

function buildReport(decks: DeckOutcome[], options: SendDecksOptions, config: MailConfig | undefined): SendReport {
  const counts: Record<DeliveryStatus, number> = {
    planned: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    refused: 0,
    uncertain: 0,
  };
  for (const deck of decks) for (const r of deck.recipients) counts[r.status] += 1;
  for (const deck of decks) for (const r of deck.recipients) delete (r as PlannedRecipient).reuseMessageId;
  return {
    dryRun: options.dryRun ?? false,
    ...(config ? { from: formatMailbox(config.from) } : {}),
    decks,
    counts,
    ok: counts.failed === 0 && counts.refused === 0 && counts.uncertain === 0,
  };
}
