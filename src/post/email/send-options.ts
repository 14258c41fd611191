/** What `sendDecks` takes: where the log is, what to send again, how to retry, how to freeze a deck. */
import type { MailConfig } from './mail-config.js';
import type { SmtpConfig } from './smtp-config.js';
import type { AttachmentInfo, DeckOutcome } from './types.js';

interface RetryOptions {
  /** Tries per message, the first included. @default 4 */
  attempts?: number;
  /** Wait before the first retry; each further retry waits twice as long. @default 2000 */
  baseDelayMs?: number;
  /** @default 60000 */
  maxDelayMs?: number;
  /**
   * All waits of one deck together. A server that asks (Retry-After) for a wait beyond it is
   * not tried again early, which it would refuse: those recipients fail, to be sent later.
   * @default 300000 (5 minutes)
   */
  maxTotalWaitMs?: number;
  /** How to wait; tests record the waits instead of sitting through them. */
  sleep?: (ms: number) => Promise<unknown>;
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
  /** Records a deck version as sent. Runs once per deck, after the server confirmed its first delivery. */
  sent?: (deckId: string, version: string, attachments: readonly AttachmentInfo[]) => Promise<void>;
  /** Called after each deck is done, for progress output. */
  onDeck?: (outcome: DeckOutcome) => void;
}
