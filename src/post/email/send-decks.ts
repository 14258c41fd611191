import { DEFAULT_BATCH_SIZE, type MailConfig } from './mail-config.js';
import type { MailSender } from './mail-sender.js';
import { createTokenSource } from './oauth-token.js';
import { deliverDeck } from './deliver-deck.js';
import { prepareMessages } from './prepare-messages.js';
import { SendJournal } from './send-journal.js';
import type { SendDecksOptions } from './send-options.js';
import { planDeck, type PlannedRecipient } from './send-plan.js';
import { formatMailbox, SmtpConfigError } from './smtp-config.js';
import type { DeckOutcome, DeliveryStatus, OutgoingDeck, SendReport } from './types.js';

export type { SendDecksOptions } from './send-options.js';

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
  const { oauth } = config;
  // Delegated: the user's own sign-in (trappa mail login); app: the app's client credentials.
  const tokens = oauth
    ? oauth.flow === 'delegated'
      ? (await import('./delegated.js')).createDelegatedTokenSource(oauth)
      : createTokenSource(oauth)
    : undefined;
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
