/** SMTP settings from the environment over the optional config file, checked before anything is sent. */
import { readFile } from 'node:fs/promises';
import { describeAddressProblem } from '../../data/distribution-schema.js';
import { nonEmpty, readConfigFile } from './read-config-file.js';
import { Secret } from './secret.js';
import { SmtpConfigError } from './smtp-config-error.js';
import type { Recipient } from './types.js';
import { english, said } from '../../messages/catalogue.js';

export { SmtpConfigError } from './smtp-config-error.js';

type SmtpSecurity = 'starttls' | 'tls' | 'none';

export interface SmtpConfig {
  host: string;
  /** @default 587 for starttls, 465 for tls, 25 for none */
  port: number;
  /** `starttls`: plain connection upgraded with STARTTLS, which must succeed. `tls`: TLS from the first byte. */
  security: SmtpSecurity;
  user?: string;
  /** Only ever from TRAPPA_SMTP_PASSWORD. */
  password?: Secret;
  /** `oauth2`: XOAUTH2 with a token from Microsoft Entra ID for `user` (TRAPPA_SMTP_AUTH). */
  auth: 'password' | 'oauth2';
  from: Recipient;
  tls?: {
    /** PEM certificate(s) to trust in addition to the system's, e.g. a test server's self-signed one. */
    ca?: string;
    /** Name to check the server certificate against, when it differs from `host`. */
    servername?: string;
  };
  /** Where the settings came from, for messages: `environment` and/or the config file path. */
  sources: string[];
}

export interface LoadSmtpConfigOptions {
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  /** The project's data directory: a config file inside it is refused (data/ is shared and versioned). */
  dataDir?: string;
}

const DEFAULT_PORT: Record<SmtpSecurity, number> = { starttls: 587, tls: 465, none: 25 };

/**
 * Reads SMTP settings from the environment, over an optional YAML file (TRAPPA_SMTP_CONFIG, else
 * `$XDG_CONFIG_HOME/trappa/smtp.yaml` or `~/.config/trappa/smtp.yaml` if it exists). The
 * environment wins. The password comes from TRAPPA_SMTP_PASSWORD only.
 */
export async function loadSmtpConfig(options: LoadSmtpConfigOptions = {}): Promise<SmtpConfig> {
  const env = options.env ?? process.env;
  const file = await readConfigFile(env, options.dataDir);
  const sources = [
    ...(file ? [file.path] : []),
    ...(Object.keys(env).some((k) => k.startsWith('TRAPPA_SMTP_')) ? ['environment'] : []),
  ];
  const configFile = file?.path ?? '~/.config/trappa/smtp.yaml';
  const where = `TRAPPA_SMTP_… or ${configFile}`;
  const pick = (name: string, key: string): string | undefined =>
    nonEmpty(env[`TRAPPA_SMTP_${name}`]) ?? file?.values[key];

  const host = pick('HOST', 'host');
  if (!host) throw new SmtpConfigError(english(said('mail.noHost', { file: configFile })));
  const security = (pick('SECURITY', 'security') ?? 'starttls').toLowerCase();
  if (security !== 'starttls' && security !== 'tls' && security !== 'none') {
    throw new SmtpConfigError(`SMTP security "${security}" is not one of starttls, tls, none (TRAPPA_SMTP_SECURITY).`);
  }
  const portText = pick('PORT', 'port');
  const port = portText === undefined ? DEFAULT_PORT[security] : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SmtpConfigError(`SMTP port "${portText}" is not a port number 1–65535 (TRAPPA_SMTP_PORT).`);
  }
  const fromText = pick('FROM', 'from');
  if (!fromText) {
    throw new SmtpConfigError(
      `No sender is configured: set TRAPPA_SMTP_FROM, e.g. "Kommunikasjon <post@example.no>" (${where}: from).`,
    );
  }
  const from = parseMailbox(fromText);

  const auth = (nonEmpty(env.TRAPPA_SMTP_AUTH) ?? 'password').toLowerCase();
  if (auth !== 'password' && auth !== 'oauth2') {
    throw new SmtpConfigError(`TRAPPA_SMTP_AUTH "${auth}" is not one of password, oauth2.`);
  }
  // Not trimmed: spaces at either end may be part of the password.
  const passwordText = env.TRAPPA_SMTP_PASSWORD === '' ? undefined : env.TRAPPA_SMTP_PASSWORD;
  if (auth === 'oauth2') {
    if (passwordText)
      throw new SmtpConfigError(
        'TRAPPA_SMTP_PASSWORD is set, but TRAPPA_SMTP_AUTH=oauth2 logs in with a token; unset one of them.',
      );
    if (security === 'none' && !isLoopback(host)) {
      throw new SmtpConfigError(
        `SMTP security "none" would send the access token unencrypted to ${host}; use starttls or tls.`,
      );
    }
  }
  // With OAuth the login name is the mailbox, unless another one is given.
  const user = pick('USER', 'user') ?? (auth === 'oauth2' ? from.email : undefined);
  if (auth === 'password' && user && !passwordText)
    throw new SmtpConfigError(`SMTP user "${user}" is set but TRAPPA_SMTP_PASSWORD is not.`);
  if (!user && passwordText) throw new SmtpConfigError('TRAPPA_SMTP_PASSWORD is set but TRAPPA_SMTP_USER is not.');
  if (user && security === 'none' && !isLoopback(host)) {
    throw new SmtpConfigError(
      `SMTP security "none" would send the password for "${user}" unencrypted to ${host}; use starttls or tls.`,
    );
  }

  const caFile = nonEmpty(env.TRAPPA_SMTP_CA_FILE) ?? file?.values.caFile;
  const servername = pick('SERVERNAME', 'servername');
  const tls = {
    ...(caFile ? { ca: await readCaFile(caFile) } : {}),
    ...(servername ? { servername } : {}),
  };
  return {
    host,
    port,
    security,
    ...(user && passwordText ? { user, password: new Secret(passwordText) } : {}),
    ...(auth === 'oauth2' ? { user } : {}),
    auth,
    from,
    ...(Object.keys(tls).length > 0 ? { tls } : {}),
    sources,
  };
}

/** One line for logs and `--dry-run`: server, security, user and sender, never the password. */
export function describeSmtpConfig(config: SmtpConfig): string {
  const login = config.user ? ` as ${config.user}${config.auth === 'oauth2' ? ' (OAuth 2.0)' : ''}` : '';
  return `${config.host}:${config.port} (${config.security.toUpperCase()})${login}, from ${formatMailbox(config.from)}`;
}

export function formatMailbox(recipient: Recipient): string {
  return recipient.name ? `${recipient.name} <${recipient.email}>` : recipient.email;
}

/** Parses `Name <address>` or a bare address. */
export function parseMailbox(text: string): Recipient {
  const match = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>]+)>\s*$/.exec(text);
  const email = (match ? match[2] : text)?.trim() ?? '';
  const name = match?.[1]?.trim();
  const problem = describeAddressProblem(email);
  if (problem) throw new SmtpConfigError(`The sender address is not usable: ${problem} (TRAPPA_SMTP_FROM).`);
  return name ? { name, email } : { email };
}
async function readCaFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new SmtpConfigError(`Cannot read the CA certificate ${file} (TRAPPA_SMTP_CA_FILE / tls.caFile).`, {
      cause: error,
    });
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
