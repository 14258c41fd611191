/**
 * The connection step of SMTP: connect (with timeouts for the connection, the banner and every
 * command), STARTTLS/TLS, and the login with a password or XOAUTH2. A refused token is renewed
 * once. Each step is a small function; the one piece of state a login needs (ask for a new
 * token? what did the token source say?) is a value passed between them, not a closure flag.
 */
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { MailTimeouts } from './mail-config.js';
import { MailLoginError, smtpTokenRefusedMessage, type OAuthConfig, type TokenSource } from './oauth-token.js';
import type { SmtpConfig } from './smtp-config.js';
import { classify, redactor, type NodemailerLikeError } from './smtp-errors.js';

export interface SmtpSenderOptions {
  smtp: SmtpConfig;
  timeouts: MailTimeouts;
  oauth?: OAuthConfig;
  tokens?: TokenSource;
}

export type ConnectionClass = typeof SMTPConnection;

/** One login's token: whether to ask Entra ID for a new one, and why the token source failed, if it did. */
interface TokenState {
  renew: boolean;
  error?: Error;
}

/**
 * A connected, logged-in connection. Exchange answers an expired token with a plain 535,
 * so an OAuth login refused without a token error is tried once more with a new token.
 * @throws MailLoginError (or the token source's error) when the login is refused.
 */
export async function openSession(Connection: ConnectionClass, options: SmtpSenderOptions): Promise<SMTPConnection> {
  for (const renew of [false, true]) {
    const connection = await connect(Connection, options.smtp, options.timeouts);
    const token: TokenState = { renew };
    const credentials = credentialsFor(options, token);
    if (!credentials) return connection;
    const refused = await logIn(connection, credentials);
    if (!refused) return connection;
    connection.close();
    const retry = options.smtp.auth === 'oauth2' && !renew && !token.error && refused.code === 'EAUTH';
    if (!retry) throw loginFailure(refused, token.error, options);
  }
  throw new Error('unreachable: the second login either succeeds or throws');
}

/** A new connection that has said hello (and started TLS where configured). */
async function connect(Connection: ConnectionClass, smtp: SmtpConfig, timeouts: MailTimeouts): Promise<SMTPConnection> {
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
  return connection;
}

/** The refusal of the login, or undefined when the server accepted it. */
function logIn(
  connection: SMTPConnection,
  credentials: SMTPConnection.AuthenticationType,
): Promise<NodemailerLikeError | undefined> {
  return phase<unknown>(connection, (done) => connection.login(credentials, done)).then(
    () => undefined,
    (error: NodemailerLikeError) => error,
  );
}

/** XOAUTH2 with a token from `tokens` (recording its failure in `token`), a password, or none. */
function credentialsFor(options: SmtpSenderOptions, token: TokenState): SMTPConnection.AuthenticationType | undefined {
  const { smtp, tokens } = options;
  if (smtp.auth === 'oauth2' && tokens && smtp.user) {
    const user = smtp.user;
    const oauth2 = {
      getToken: (renew: boolean, callback: (error: Error | null, token?: string) => void) =>
        tokens.get(renew || token.renew).then(
          (value) => callback(null, value),
          (error: Error) => callback((token.error = error)),
        ),
      buildXOAuth2Token: (value: string) =>
        Buffer.from(`user=${user}\u0001auth=Bearer ${value}\u0001\u0001`).toString('base64'),
    };
    return { type: 'OAuth2', user, oauth2 } as unknown as SMTPConnection.AuthenticationType;
  }
  return smtp.user && smtp.password ? { user: smtp.user, pass: smtp.password.reveal() } : undefined;
}

/**
 * One step of the SMTP dialogue as a promise. SMTPConnection reports some failures (a refused
 * connection, a timeout waiting for the banner) only as an 'error' event, not to the callback.
 */
export function phase<T>(
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
