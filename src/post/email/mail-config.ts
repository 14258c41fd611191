/**
 * Which way mail leaves (SMTP or Microsoft Graph), how it logs in, and the limits of a run:
 * all from TRAPPA_* environment variables (secrets only from there), on top of the SMTP
 * settings of smtp-config.ts.
 */
import { Secret } from './secret.js';
import {
  loadSmtpConfig,
  parseMailbox,
  SmtpConfigError,
  type LoadSmtpConfigOptions,
  type SmtpConfig,
} from './smtp-config.js';
import type { OAuthConfig } from './oauth-token.js';
import { signedInAs } from './delegated.js';
import type { Recipient } from './types.js';
import { english, said } from '../../messages/catalogue.js';

export interface MailTimeouts {
  /** TCP (and TLS) connection, ms. */
  connectMs: number;
  /** The server's greeting (banner) after connecting, ms. */
  greetingMs: number;
  /** Any single command or HTTP request, ms. */
  commandMs: number;
}

export type MailConfig =
  | {
      transport: 'smtp';
      from: Recipient;
      smtp: SmtpConfig;
      oauth?: OAuthConfig;
      timeouts: MailTimeouts;
      batchSize: number;
    }
  | {
      transport: 'graph';
      from: Recipient;
      graphUrl: string;
      oauth: OAuthConfig;
      timeouts: MailTimeouts;
      batchSize: number;
    };

/**
 * Microsoft 365 takes at most 500 recipients per message (To, Cc and Bcc together), the
 * default of Exchange Online's RecipientLimits. A server that allows fewer answers 452 to the
 * ones over its limit; the send then continues in messages of the size the server took.
 */
export const DEFAULT_BATCH_SIZE = 500;
const MAX_BATCH_SIZE = 1000;
const DEFAULT_TIMEOUTS_S = { CONNECT: 10, GREETING: 10, COMMAND: 30 };
const SCOPES = { smtp: 'https://outlook.office365.com/.default', graph: 'https://graph.microsoft.com/.default' };
/**
 * A delegated sign-in asks for the user's own permission to send (and `offline_access` for a
 * refresh token; `openid profile` for the account's name). Mail.ReadWrite: decks over 3 MB go
 * through a draft in the user's own mailbox.
 */
const DELEGATED_SCOPES = {
  smtp: 'offline_access openid profile https://outlook.office.com/SMTP.Send',
  graph:
    'offline_access openid profile https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Mail.ReadWrite',
};

export async function loadMailConfig(options: LoadSmtpConfigOptions = {}): Promise<MailConfig> {
  const env = options.env ?? process.env;
  const transport = (nonEmpty(env.TRAPPA_MAIL_TRANSPORT) ?? 'smtp').toLowerCase();
  if (transport !== 'smtp' && transport !== 'graph') {
    throw new SmtpConfigError(`TRAPPA_MAIL_TRANSPORT "${transport}" is not one of smtp, graph.`);
  }
  const timeouts = readTimeouts(env);
  const batchSize = readBatchSize(env);
  if (transport === 'graph') {
    const oauth = readOAuth(env, 'graph', timeouts.commandMs, 'TRAPPA_MAIL_TRANSPORT=graph');
    // Signed in as oneself, the sender is that account unless TRAPPA_SMTP_FROM says otherwise.
    const fromText =
      nonEmpty(env.TRAPPA_SMTP_FROM) ?? (oauth.flow === 'delegated' ? await signedInAs(oauth) : undefined);
    if (!fromText)
      throw new SmtpConfigError(
        'Sending through Microsoft Graph needs the mailbox to send from: set TRAPPA_SMTP_FROM.',
      );
    const graphUrl = (nonEmpty(env.TRAPPA_GRAPH_URL) ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
    checkUrl(graphUrl, 'TRAPPA_GRAPH_URL');
    return { transport, from: parseMailbox(fromText), graphUrl, oauth, timeouts, batchSize };
  }
  const smtp = await loadSmtpConfig(options);
  const oauth =
    smtp.auth === 'oauth2' ? readOAuth(env, 'smtp', timeouts.commandMs, 'TRAPPA_SMTP_AUTH=oauth2') : undefined;
  return { transport, from: smtp.from, smtp, ...(oauth ? { oauth } : {}), timeouts, batchSize };
}

/** One line for the start of a run: transport, server, login and sender; never a secret. */
export function describeMailConfig(config: MailConfig): string {
  const from = config.from.name ? `${config.from.name} <${config.from.email}>` : config.from.email;
  if (config.transport === 'graph') {
    const values = { url: config.graphUrl, app: config.oauth.clientId, from };
    return english(said(config.oauth.flow === 'delegated' ? 'mail.viaGraphSelf' : 'mail.viaGraphApp', values));
  }
  const { smtp } = config;
  const login = smtp.user
    ? ` as ${smtp.user}${smtp.auth === 'oauth2' ? ` (OAuth 2.0, app ${config.oauth?.clientId})` : ''}`
    : '';
  return `SMTP ${smtp.host}:${smtp.port} (${smtp.security.toUpperCase()})${login}, from ${from}`;
}

/**
 * The OAuth settings for `trappa mail login` / `logout` / `whoami`: always the delegated flow, for
 * the transport TRAPPA_MAIL_TRANSPORT names (its scopes), without the rest of the mail settings.
 */
export function loadLoginConfig(env: NodeJS.ProcessEnv = process.env): OAuthConfig {
  const transport = (nonEmpty(env.TRAPPA_MAIL_TRANSPORT) ?? 'smtp').toLowerCase() === 'graph' ? 'graph' : 'smtp';
  const timeouts = readTimeouts(env);
  return readOAuth({ ...env, TRAPPA_OAUTH_FLOW: 'delegated' }, transport, timeouts.commandMs, 'Signing in');
}

function readOAuth(env: NodeJS.ProcessEnv, transport: 'smtp' | 'graph', timeoutMs: number, why: string): OAuthConfig {
  const flow = (nonEmpty(env.TRAPPA_OAUTH_FLOW) ?? 'app').toLowerCase();
  if (flow !== 'app' && flow !== 'delegated')
    throw new SmtpConfigError(`TRAPPA_OAUTH_FLOW "${flow}" is not one of app, delegated.`);
  const tenant = nonEmpty(env.TRAPPA_OAUTH_TENANT);
  const clientId = nonEmpty(env.TRAPPA_OAUTH_CLIENT_ID);
  // Not trimmed: a secret is taken exactly as given.
  const secret = env.TRAPPA_OAUTH_CLIENT_SECRET;
  if (flow === 'delegated' && secret)
    throw new SmtpConfigError(
      'TRAPPA_OAUTH_CLIENT_SECRET is set, but TRAPPA_OAUTH_FLOW=delegated signs in as yourself without one; unset it.',
    );
  const missing = [
    ...(tenant ? [] : ['TRAPPA_OAUTH_TENANT']),
    ...(clientId ? [] : ['TRAPPA_OAUTH_CLIENT_ID']),
    ...(secret || flow === 'delegated' ? [] : ['TRAPPA_OAUTH_CLIENT_SECRET']),
  ];
  if (missing.length > 0)
    throw new SmtpConfigError(
      `${why} needs ${missing.join(', ')} (from the app registration; see README, Microsoft 365).`,
    );
  if (!/^[A-Za-z0-9.-]+$/.test(tenant!))
    throw new SmtpConfigError(`TRAPPA_OAUTH_TENANT "${tenant}" is not a tenant id or domain.`);
  const tokenUrl =
    nonEmpty(env.TRAPPA_OAUTH_TOKEN_URL) ?? `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`;
  checkUrl(tokenUrl, 'TRAPPA_OAUTH_TOKEN_URL');
  const credentialFile = nonEmpty(env.TRAPPA_CREDENTIAL_FILE);
  return {
    flow,
    tenant: tenant!,
    clientId: clientId!,
    ...(flow === 'app' ? { clientSecret: new Secret(secret!) } : {}),
    ...(credentialFile ? { credentialFile } : {}),
    tokenUrl,
    scope: (flow === 'app' ? SCOPES : DELEGATED_SCOPES)[transport],
    timeoutMs,
  };
}

/** https only, except to this machine (tests, a local relay): a token must never travel in clear. */
function checkUrl(url: string, name: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SmtpConfigError(`${name} "${url}" is not a URL.`);
  }
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    throw new SmtpConfigError(`${name} "${url}" must start with https:// (plain http only to this machine).`);
  }
}

function readTimeouts(env: NodeJS.ProcessEnv): MailTimeouts {
  const seconds = (name: keyof typeof DEFAULT_TIMEOUTS_S): number => {
    const text = nonEmpty(env[`TRAPPA_MAIL_${name}_TIMEOUT`]);
    if (text === undefined) return DEFAULT_TIMEOUTS_S[name] * 1000;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0 || value > 3600) {
      throw new SmtpConfigError(`TRAPPA_MAIL_${name}_TIMEOUT "${text}" is not a number of seconds between 0 and 3600.`);
    }
    return Math.round(value * 1000);
  };
  return { connectMs: seconds('CONNECT'), greetingMs: seconds('GREETING'), commandMs: seconds('COMMAND') };
}

function readBatchSize(env: NodeJS.ProcessEnv): number {
  const text = nonEmpty(env.TRAPPA_MAIL_BATCH_SIZE);
  if (text === undefined) return DEFAULT_BATCH_SIZE;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_BATCH_SIZE) {
    throw new SmtpConfigError(
      `TRAPPA_MAIL_BATCH_SIZE "${text}" is not a whole number of recipients from 1 to ${MAX_BATCH_SIZE}.`,
    );
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
