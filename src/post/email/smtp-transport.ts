/**
 * SMTP through nodemailer's SMTPConnection, one connection per message: connect (with
 * timeouts for the connection, the banner and every command), STARTTLS/TLS, login with a
 * password or XOAUTH2, envelope, then the message. Using the connection directly marks the
 * exact moment the message is handed over: the first read of its bytes, after 354.
 */
import { Readable } from 'node:stream';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import { normalizeAddress, type MailSender } from './mail-sender.js';
import type { MailTimeouts } from './mail-config.js';
import { MailLoginError, smtpTokenRefusedMessage, type OAuthConfig, type TokenSource } from './oauth-token.js';
import type { SmtpConfig } from './smtp-config.js';
import { composeMime } from './compose-mime.js';
import { classify, redactor, rejections, type NodemailerLikeError } from './smtp-errors.js';

export interface SmtpSenderOptions {
  smtp: SmtpConfig;
  timeouts: MailTimeouts;
  oauth?: OAuthConfig;
  tokens?: TokenSource;
}

export async function createSmtpSender(options: SmtpSenderOptions): Promise<MailSender> {
  const { default: Connection } = await import('nodemailer/lib/smtp-connection');
  const { smtp, timeouts } = options;
  const redact = redactor(options);
  let tokenError: Error | undefined;
  let renewToken = false;
  const auth = (): SMTPConnection.AuthenticationType | undefined => {
    if (smtp.auth === 'oauth2' && options.tokens && smtp.user) {
      const tokens = options.tokens;
      const user = smtp.user;
      // A refused token (expired, revoked) is renewed once; see open().
      const oauth2 = {
        getToken: (renew: boolean, callback: (error: Error | null, token?: string) => void) =>
          tokens.get(renew || renewToken).then(
            (token) => callback(null, token),
            (error: Error) => callback((tokenError = error)),
          ),
        buildXOAuth2Token: (token: string) =>
          Buffer.from(`user=${user}\u0001auth=Bearer ${token}\u0001\u0001`).toString('base64'),
      };
      return { type: 'OAuth2', user, oauth2 } as unknown as SMTPConnection.AuthenticationType;
    }
    return smtp.user && smtp.password ? { user: smtp.user, pass: smtp.password.reveal() } : undefined;
  };
  const open = async (renewed = false): Promise<SMTPConnection> => {
    const connection = new Connection({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.security === 'tls',
      requireTLS: smtp.security === 'starttls',
      ignoreTLS: smtp.security === 'none',
      tls: { minVersion: 'TLSv1.2', ...smtp.tls },
      connectionTimeout: timeouts.connectMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.commandMs,
      // nodemailer's logger would print the SMTP dialogue, AUTH lines included.
      logger: false,
      debug: false,
    });
    connection.on('error', () => undefined); // reported through phase() below
    await phase<void>(connection, (done) => connection.connect(done));
    const credentials = auth();
    if (credentials) {
      tokenError = undefined;
      const failed = await phase<unknown>(connection, (done) => connection.login(credentials, done)).then(
        () => undefined,
        (error: NodemailerLikeError) => error,
      );
      renewToken = false;
      if (failed) {
        connection.close();
        // Exchange answers an expired token with a plain 535: ask Entra ID for a new one, once.
        if (smtp.auth === 'oauth2' && !renewed && !tokenError && failed.code === 'EAUTH') {
          renewToken = true;
          return open(true);
        }
        throw loginFailure(failed, tokenError, options);
      }
    }
    return connection;
  };
  // One connection for the whole run (logging in once per message costs ~100 ms and counts
  // against Microsoft 365's connection limits); any failure drops it and the next message reconnects.
  let live: SMTPConnection | undefined;
  const drop = () => {
    live?.close();
    live = undefined;
  };
  return {
    async verify() {
      live = await open().catch((error: unknown) => {
        if (error instanceof MailLoginError) throw error;
        const failure = classify(error as NodemailerLikeError, redact);
        throw new MailLoginError(`Cannot reach the SMTP server ${smtp.host}:${smtp.port}: ${failure.detail}`, {
          cause: error,
        });
      });
    },
    async send(mail, beforeHandOver) {
      const bytes = await composeMime(mail);
      const envelope = { from: mail.from.email, to: mail.recipients.map((r) => r.email) };
      for (let again = false; ; again = true) {
        const reused = live !== undefined;
        let started = false;
        let ended = false;
        try {
          live ??= await open();
          const connection = live;
          const stream = handOverStream(
            bytes,
            () => {
              started = true;
              return beforeHandOver();
            },
            () => (ended = true),
          );
          const info = await phase<SMTPConnection.SentMessageInfo>(connection, (done) =>
            connection.send(envelope, stream, done),
          );
          return {
            accepted: new Set(info.accepted.map(String).map(normalizeAddress)),
            rejected: rejections((info as { rejectedErrors?: NodemailerLikeError[] }).rejectedErrors, redact),
          };
        } catch (error) {
          drop();
          if (error instanceof MailLoginError) throw error;
          const err = error as NodemailerLikeError;
          // ESTREAM: the send log could not be written.
          if (err.code === 'ESTREAM') throw (err as { cause?: unknown }).cause ?? err;
          // The server closed the kept connection while it was idle: once more on a new one, if nothing was handed
          // over.
          if (reused && !again && !started && err.responseCode === undefined) continue;
          // Handed over (the whole message went out) and no reply: the server may have it.
          const uncertain = ended && err.responseCode === undefined;
          return {
            accepted: new Set(),
            rejected: rejections(err.rejectedErrors, redact),
            error: classify(err, redact),
            uncertain,
          };
        }
      }
    },
    close: () => {
      live?.quit();
      live = undefined;
    },
  };
}

/**
 * One step of the SMTP dialogue as a promise. SMTPConnection reports some failures (a refused
 * connection, a timeout waiting for the banner) only as an 'error' event, not to the callback.
 */
function phase<T>(
  connection: SMTPConnection,
  start: (done: (error?: Error | null, result?: T) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    const onEnd = () => reject(Object.assign(new Error('the server closed the connection'), { code: 'ECONNECTION' }));
    connection.once('error', onError);
    connection.once('end', onEnd);
    start((error, result) => {
      connection.removeListener('error', onError);
      connection.removeListener('end', onEnd);
      if (error) reject(error);
      else resolve(result as T);
    });
  });
}

/** The message bytes, released only after `beforeHandOver` has run; `onEnd` marks the hand-over complete. */
function handOverStream(bytes: Buffer, beforeHandOver: () => Promise<void>, onEnd: () => void): Readable {
  let started = false;
  const stream = new Readable({
    read() {
      if (started) return;
      started = true;
      beforeHandOver().then(
        () => {
          this.push(bytes);
          this.push(null);
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
  stream.on('end', onEnd);
  return stream;
}

function loginFailure(error: NodemailerLikeError, tokenError: Error | undefined, options: SmtpSenderOptions): Error {
  if (tokenError) return tokenError;
  const redact = redactor(options);
  if (options.smtp.auth === 'oauth2' && error.code === 'EAUTH') {
    return new MailLoginError(
      smtpTokenRefusedMessage(
        options.smtp.user ?? options.smtp.from.email,
        options.oauth?.clientId ?? '?',
        options.oauth?.flow,
      ),
      { cause: error },
    );
  }
  const detail = classify(error, redact).detail;
  if (error.code === 'EAUTH') {
    return new MailLoginError(
      `The SMTP server refused the login for ${options.smtp.user}: ${detail}; check TRAPPA_SMTP_USER and ` +
        `TRAPPA_SMTP_PASSWORD.`,
      { cause: error },
    );
  }
  return new MailLoginError(`Cannot log in to ${options.smtp.host}:${options.smtp.port}: ${detail}`, { cause: error });
}
