/**
 * Access tokens from Microsoft Entra ID with the OAuth 2.0 client-credentials flow: one POST
 * of client id + secret to the tenant's /oauth2/v2.0/token endpoint. No library: the whole
 * flow is one request, the token is cached in memory for the one `send` run, and the endpoint
 * can be pointed at a test server (TRAPPA_OAUTH_TOKEN_URL). See README "Microsoft 365".
 */
import { TrappaError } from '../../errors.js';
import { english, said } from '../../messages/catalogue.js';
import { readJsonLimited } from './read-limited.js';
import type { Secret } from './secret.js';

export interface OAuthConfig {
  /**
   * `app`: client credentials, the app's own permission (a service account); `delegated`: the
   * user's own sign-in (`trappa mail login`, delegated.ts), sending as themselves.
   */
  flow: 'app' | 'delegated';
  tenant: string;
  clientId: string;
  /** Only ever from TRAPPA_OAUTH_CLIENT_SECRET; the app flow only. */
  clientSecret?: Secret;
  /** TRAPPA_CREDENTIAL_FILE: where a delegated sign-in is kept instead of the OS credential store. */
  credentialFile?: string;
  tokenUrl: string;
  /**
   * App: `https://outlook.office365.com/.default` for SMTP, `https://graph.microsoft.com/.default` for Graph;
   * delegated: `offline_access` and the delegated permissions (`Mail.Send`, `SMTP.Send`).
   */
  scope: string;
  /** Per request, in ms. */
  timeoutMs: number;
}

/** Microsoft 365 refused the app's login. The message is one line saying what the administrator must do. Exit 6. */
export class MailLoginError extends TrappaError {
  override readonly exitCode = 6;
}

export interface TokenSource {
  /** A valid token; `renew` forces a new one (the server refused the cached one). */
  get(renew?: boolean): Promise<string>;
  /** Replaces any token handed out so far, for texts that may be shown or logged. */
  redact(text: string): string;
}

/** Renew this long before the token says it expires, so a token never dies mid-message. */
const EARLY_RENEW_MS = 120_000;

export function createTokenSource(config: OAuthConfig): TokenSource {
  let cached: { token: string; expires: number } | undefined;
  const issued: string[] = [];
  return {
    async get(renew = false) {
      if (!renew && cached && cached.expires > Date.now()) return cached.token;
      const { token, expiresIn } = await requestToken(config);
      issued.push(token);
      cached = { token, expires: Date.now() + Math.max(0, expiresIn * 1000 - EARLY_RENEW_MS) };
      return token;
    },
    redact: (text) =>
      [...issued, config.clientSecret?.reveal() ?? ''].reduce((out, s) => (s ? out.split(s).join('***') : out), text),
  };
}

async function requestToken(config: OAuthConfig): Promise<{ token: string; expiresIn: number }> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: config.clientId,
    client_secret: config.clientSecret?.reveal() ?? '',
    scope: config.scope,
  });
  let response: Response;
  try {
    response = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    const key = (error as Error).name === 'TimeoutError' ? 'm365.timeout' : 'm365.unreachable';
    throw new MailLoginError(english(said(key, { url: config.tokenUrl })), { cause: error });
  }
  return tokenFromAnswer(response, config);
}

/** An answer of a token endpoint: a few kilobytes. */
const TOKEN_ANSWER_LIMIT = 1024 * 1024;

/** RFC 6750's b64token: what a bearer token may hold. A line break would let it write HTTP headers of its own. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * The access token (and refresh token, when there is one) of a token endpoint's answer, read
 * with a size limit and refused before any use when it is not a bearer token. The token itself
 * is never put in a message: a refused one may be half a secret.
 */
async function tokenFromAnswer(
  response: Response,
  config: Pick<OAuthConfig, 'clientId' | 'tenant' | 'scope' | 'tokenUrl'>,
): Promise<TokenAnswer> {
  const json = await readTokenAnswer(response, config.tokenUrl);
  if (response.ok && typeof json.access_token === 'string') return acceptToken(json, config);
  throw new MailLoginError(tokenErrorMessage(response.status, json, config));
}

export interface TokenAnswer {
  token: string;
  expiresIn: number;
  refreshToken?: string;
  json: Record<string, unknown>;
}

/** An identity endpoint's JSON answer, read no further than the limit. */
export async function readTokenAnswer(response: Response, url: string): Promise<Record<string, unknown>> {
  const read = await readJsonLimited(response, TOKEN_ANSWER_LIMIT);
  if ('tooLarge' in read)
    throw new MailLoginError(
      `The token endpoint ${url} answered with more than ${TOKEN_ANSWER_LIMIT / 1024 / 1024} MB; ` +
        `reading stopped there. Check that TRAPPA_OAUTH_TOKEN_URL / TRAPPA_OAUTH_TENANT point at Microsoft Entra ID.`,
    );
  return (read.json && typeof read.json === 'object' ? read.json : {}) as Record<string, unknown>;
}

/** The tokens of a successful answer, refused before any use when they are not bearer tokens. */
export function acceptToken(json: Record<string, unknown>, config: Pick<OAuthConfig, 'tokenUrl'>): TokenAnswer {
  const { access_token: token, refresh_token: refresh } = json;
  const bearer = (t: unknown): t is string => typeof t === 'string' && BEARER_TOKEN.test(t);
  if (!bearer(token) || (refresh !== undefined && !bearer(refresh)))
    throw new MailLoginError(
      `The token endpoint ${config.tokenUrl} answered with an access token that is not a bearer token (it holds ` +
        `characters such as a line break); it was not used and nothing was sent. Check TRAPPA_OAUTH_TOKEN_URL.`,
    );
  return {
    token,
    expiresIn: Number(json.expires_in) || 3600,
    ...(refresh !== undefined ? { refreshToken: refresh } : {}),
    json,
  };
}

/** One plain line for what Entra ID said, naming what the administrator (or the user) must do. */
export function tokenErrorMessage(
  status: number,
  json: Record<string, unknown>,
  config: Pick<OAuthConfig, 'clientId' | 'tenant' | 'scope'>,
): string {
  const description = typeof json.error_description === 'string' ? json.error_description : '';
  const codes = Array.isArray(json.error_codes) ? json.error_codes.map(Number) : [];
  const code = codes[0] ?? Number(/AADSTS(\d+)/.exec(description)?.[1] ?? NaN);
  const tag = Number.isNaN(code) ? `HTTP ${status}` : `AADSTS${code}`;
  const permission = config.scope.includes('graph') ? 'Mail.Send' : 'SMTP.SendAsApp';
  switch (code) {
    case 7000215:
    case 7000222:
      return (
        `Microsoft Entra ID refused the client secret (${tag}: wrong or expired): the administrator creates a ` +
        `new client secret for app ${config.clientId} (App registrations › Certificates & secrets) and you set ` +
        `TRAPPA_OAUTH_CLIENT_SECRET to its Value.`
      );
    case 65001:
    case 7000229:
      return (
        `The app ${config.clientId} has no administrator consent (${tag}): an administrator grants admin ` +
        `consent for the ${permission} application permission (App registrations › API permissions › Grant admin ` +
        `consent).`
      );
    case 700016:
      return (
        `Microsoft Entra ID does not know the app ${config.clientId} in tenant ${config.tenant} (${tag}): check ` +
        `TRAPPA_OAUTH_CLIENT_ID and TRAPPA_OAUTH_TENANT against the app registration's Overview page.`
      );
    case 90002:
    case 900023:
      return (
        `Microsoft Entra ID does not know the tenant "${config.tenant}" (${tag}): set TRAPPA_OAUTH_TENANT to ` +
        `the Directory (tenant) ID from the app registration's Overview page.`
      );
    default:
      return (
        `Microsoft Entra ID refused the token request (${tag}${firstSentence(description)}); the administrator ` +
        `checks the app registration ${config.clientId}.`
      );
  }
}

function firstSentence(description: string): string {
  const sentence = description
    .replace(/^AADSTS\d+:\s*/, '')
    .split(/(?<=\.)\s|\r?\n/)[0]
    ?.trim();
  return sentence ? `: ${sentence.replace(/\.$/, '')}` : '';
}

/** What the administrator must do when Exchange Online refuses a valid token for SMTP (535 5.7.3). */
export function smtpTokenRefusedMessage(mailbox: string, clientId: string, flow: OAuthConfig['flow'] = 'app'): string {
  if (flow === 'delegated')
    return (
      `Exchange Online refused your token for ${mailbox} (535): the administrator grants app ${clientId} the ` +
      `delegated SMTP.Send permission and enables SMTP AUTH for the mailbox (Set-CASMailbox ` +
      `-SmtpClientAuthenticationDisabled $false); then run trappa mail login again.`
    );
  return (
    `Exchange Online refused the app's token for ${mailbox} (535): the administrator registers app ${clientId} ` +
    `in Exchange (New-ServicePrincipal), gives it FullAccess to ${mailbox} (Add-MailboxPermission), and enables SMTP ` +
    `AUTH for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false).`
  );
}

/** What the administrator must do when Graph refuses to send as the mailbox (403 ErrorAccessDenied). */
export function graphAccessDeniedMessage(mailbox: string, oauth: Pick<OAuthConfig, 'clientId' | 'flow'>): string {
  const clientId = oauth.clientId;
  if (oauth.flow === 'delegated')
    return (
      `Microsoft 365 does not let ${mailbox} send through app ${clientId} (403 ErrorAccessDenied): the administrator ` +
      `grants the delegated Mail.Send permission (and consent) for the app (see README, Microsoft 365).`
    );
  return (
    `Microsoft 365 does not let app ${clientId} send as ${mailbox} (403 ErrorAccessDenied): the administrator ` +
    `grants the Mail.Send application permission with admin consent and includes ${mailbox} in the app's application ` +
    `access policy or RBAC for Applications scope (see README, Microsoft 365).`
  );
}
