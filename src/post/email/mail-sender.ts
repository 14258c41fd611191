/**
 * What every transport (SMTP, Microsoft Graph) offers the send loop: one message handed over
 * per call, with the moment of hand-over marked so the send log can record the intent first.
 */
import { domainToASCII } from 'node:url';
import type { PreparedAttachment } from './prepare-messages.js';
import type { Recipient } from './types.js';

/** One message of one deck to some of its recipients. */
export interface OutgoingMail {
  deckId: string;
  version: string;
  messageId: string;
  from: Recipient;
  /** What the To and Cc headers show (Bcc never shows). */
  to: Recipient[];
  cc: Recipient[];
  replyTo?: Recipient;
  /** Who this message goes to. */
  recipients: Recipient[];
  subject: string;
  text: string;
  attachments: PreparedAttachment[];
}

export interface MailFailure {
  /** Worth retrying: 4xx replies, throttling, lost or timed-out connections before hand-over. */
  transient: boolean;
  /** Retrying cannot help and later messages would fail the same way: login, TLS, settings. */
  fatal: boolean;
  /** SMTP reply code or HTTP status. */
  code?: number;
  /** Reply or error text, with secrets redacted and control characters escaped. */
  detail: string;
  /** How long the server asked to wait before the next try (HTTP Retry-After). */
  retryAfterMs?: number;
}

/** What one attempt did, in the terms the send loop needs. */
export interface AttemptResult {
  /** Normalised addresses the server took the message for. */
  accepted: Set<string>;
  /** Per-recipient refusals, keyed by normalised address. */
  rejected: Map<string, MailFailure>;
  /** The attempt as a whole failed. */
  error?: MailFailure;
  /** The message was handed over but no answer came: it may or may not have been delivered. */
  uncertain?: boolean;
}

export interface MailSender {
  /** Connects and logs in once, so a wrong setting stops the run before anything is frozen or sent. */
  verify(): Promise<void>;
  /**
   * Sends one message. `beforeHandOver` runs at the last moment the message can still be
   * withdrawn (SMTP: after the server said 354 to DATA; Graph: before the send request);
   * when it throws, the message is abandoned.
   */
  send(mail: OutgoingMail, beforeHandOver: () => Promise<void>): Promise<AttemptResult>;
  close(): void;
}

/** Escapes control characters (CR, LF, ESC, bidi overrides …) so a name or a reply cannot rewrite the console. */
export function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const named: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * A TLS error's text without the advice Node 24 appends for developers ("try running Node.js
 * with --use-system-ca"): a user trusts a CA with TRAPPA_SMTP_CA_FILE, and the line reads the
 * same on every Node line.
 */
export function withoutNodeAdvice(text: string): string {
  return text.replace(/; if the root CA is installed locally, try running Node\.js with --use-system-ca/g, '');
}

/** Lower-cased, with the domain in ASCII (punycode), so addresses compare as the server sees them. */
export function normalizeAddress(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  return `${address.slice(0, at).toLowerCase()}@${(domainToASCII(domain) || domain).toLowerCase()}`;
}
