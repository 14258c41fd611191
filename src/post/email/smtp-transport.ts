import type { SendMailOptions, SMTPSentMessageInfo, Transporter } from 'nodemailer';
import { domainToASCII } from 'node:url';
import type { SmtpConfig } from './smtp-config.js';

/** What one SMTP attempt did, in the terms the retry loop needs. */
export interface AttemptResult {
  /** Normalised addresses the server took the message for. */
  accepted: Set<string>;
  /** Per-recipient refusals (RCPT TO), keyed by normalised address. */
  rejected: Map<string, SmtpFailure>;
  /** The attempt as a whole failed (connection, MAIL FROM, DATA …). */
  error?: SmtpFailure;
  messageId?: string;
}

export interface SmtpFailure {
  /** Worth retrying: 4xx replies, 503, lost or timed-out connections. */
  transient: boolean;
  /** Retrying cannot help and later messages would fail the same way: login, TLS, settings. */
  fatal: boolean;
  code?: number;
  /** Reply or error text, with credentials redacted. */
  detail: string;
}

export interface SmtpSender {
  send(mail: SendMailOptions): Promise<AttemptResult>;
  close(): void;
}

interface NodemailerLikeError extends Error {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  permanent?: boolean;
  response?: string;
  recipient?: string;
  rejectedErrors?: NodemailerLikeError[];
}

const TRANSIENT_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'EPROTOCOL']);
const FATAL_CODES = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'ECONFIG', 'EREQUIRETLS']);
const CERT_PROBLEM = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/;

/** Opens a nodemailer SMTP transport, loaded only now so other commands do not pay for it. */
export async function createSmtpSender(config: SmtpConfig): Promise<SmtpSender> {
  const { default: nodemailer } = await import('nodemailer');
  const transporter: Transporter<SMTPSentMessageInfo> = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.user && config.password ? { auth: { user: config.user, pass: config.password.reveal() } } : {}),
    tls: { minVersion: 'TLSv1.2', ...config.tls },
    // nodemailer's logger would print the SMTP dialogue, AUTH lines included.
    logger: false,
    debug: false,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
  const redact = redactor(config);
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail(mail);
        return {
          accepted: new Set(info.accepted.map(String).map(normalizeAddress)),
          rejected: rejections(info.rejectedErrors, redact),
          messageId: info.messageId,
        };
      } catch (error) {
        const err = error as NodemailerLikeError;
        return { accepted: new Set(), rejected: rejections(err.rejectedErrors, redact), error: classify(err, redact) };
      }
    },
    close: () => transporter.close(),
  };
}

function rejections(errors: readonly NodemailerLikeError[] | undefined, redact: (s: string) => string): Map<string, SmtpFailure> {
  const map = new Map<string, SmtpFailure>();
  for (const err of errors ?? []) if (err.recipient) map.set(normalizeAddress(err.recipient), classify(err, redact));
  return map;
}

function classify(err: NodemailerLikeError, redact: (s: string) => string): SmtpFailure {
  const code = err.responseCode;
  const detail = redact(err.response?.trim() || err.message);
  const certificate = CERT_PROBLEM.test(`${err.originalCode ?? ''} ${err.code ?? ''}`);
  const fatal = certificate || FATAL_CODES.has(err.code ?? '');
  const transient = !fatal && (code !== undefined ? err.permanent === false || (code >= 400 && code < 500) : TRANSIENT_CODES.has(err.code ?? ''));
  return { transient, fatal, ...(code !== undefined ? { code } : {}), detail };
}

/** Lower-cased, with the domain in ASCII (punycode), so addresses compare as the server sees them. */
export function normalizeAddress(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  return `${address.slice(0, at).toLowerCase()}@${(domainToASCII(domain) || domain).toLowerCase()}`;
}

/**
 * Replaces the password, and the base64 forms AUTH PLAIN and AUTH LOGIN put on the wire,
 * in any text that may be shown or logged.
 */
export function redactor(config: Pick<SmtpConfig, 'user' | 'password'>): (text: string) => string {
  const password = config.password?.reveal();
  if (!password) return (text) => text;
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const secrets = [b64(`\u0000${config.user ?? ''}\u0000${password}`), b64(`${config.user ?? ''}\u0000${password}`), b64(password), password]
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}
