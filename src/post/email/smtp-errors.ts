/** How SMTP failures are read: temporary, permanent or fatal for the run; secrets redacted. */
import { escapeControl, normalizeAddress, type MailFailure, withoutNodeAdvice } from './mail-sender.js';
import type { TokenSource } from './oauth-token.js';
import type { SmtpConfig } from './smtp-config.js';

export interface NodemailerLikeError extends Error {
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
// A TLS handshake that fails (a plain server on a TLS port, a bad certificate) fails again on retry.
const TLS_PROBLEM = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|SSL|TLS|wrong version number|handshake/i;

export function rejections(
  errors: readonly NodemailerLikeError[] | undefined,
  redact: (s: string) => string,
): Map<string, MailFailure> {
  const map = new Map<string, MailFailure>();
  for (const err of errors ?? []) if (err.recipient) map.set(normalizeAddress(err.recipient), classify(err, redact));
  return map;
}

export function classify(err: NodemailerLikeError, redact: (s: string) => string): MailFailure {
  const code = err.responseCode;
  const detail = escapeControl(redact(withoutNodeAdvice(err.response?.trim() || err.message)));
  const tls = code === undefined && TLS_PROBLEM.test(`${err.originalCode ?? ''} ${err.code ?? ''} ${err.message}`);
  const fatal = tls || FATAL_CODES.has(err.code ?? '');
  const transient =
    !fatal &&
    (code !== undefined ? err.permanent === false || (code >= 400 && code < 500) : TRANSIENT_CODES.has(err.code ?? ''));
  return { transient, fatal, ...(code !== undefined ? { code } : {}), detail };
}

/**
 * Replaces the password, the base64 forms AUTH PLAIN and AUTH LOGIN put on the wire, and any
 * OAuth token or client secret, in any text that may be shown or logged.
 */
export function redactor(
  config: { smtp?: Pick<SmtpConfig, 'user' | 'password'>; tokens?: TokenSource } & Partial<
    Pick<SmtpConfig, 'user' | 'password'>
  >,
): (text: string) => string {
  const source = config.smtp ?? config;
  const password = source.password?.reveal();
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const secrets = password
    ? [
        b64(`\u0000${source.user ?? ''}\u0000${password}`),
        b64(`${source.user ?? ''}\u0000${password}`),
        b64(password),
        password,
      ]
        .filter((s) => s.length > 0)
        .sort((a, b) => b.length - a.length)
    : [];
  return (text) => {
    const out = secrets.reduce((result, secret) => result.split(secret).join('***'), text);
    return config.tokens ? config.tokens.redact(out) : out;
  };
}
