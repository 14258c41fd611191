/**
 * Microsoft 365 delegated sign-in: an adviser signs in as themselves with the OAuth 2.0 device
 * authorization grant (RFC 8628, Entra ID's /devicecode): Trappa shows a code, the user enters it
 * at microsoft.com/devicelogin in any browser (with their own MFA), and Trappa polls the token
 * endpoint until the sign-in is done. The refresh token goes to the credential store
 * (credential-store.ts); each `send` redeems it for a short-lived access token, keeps the new
 * refresh token Entra ID hands back, and sends as the user (Graph `/me/sendMail`, or SMTP
 * XOAUTH2 as the user) with the user's delegated permission: no app secret anywhere, and the app
 * can send only as whoever signed in. Plain requests like the app flow's (oauth-token.ts), so
 * tests can point them at a stand-in on 127.0.0.1.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { english, said } from '../../messages/catalogue.js';
import { type CredentialStore, openCredentialStore } from './credential-store.js';
import { escapeControl } from './mail-sender.js';
import {
  acceptToken,
  MailLoginError,
  type OAuthConfig,
  readTokenAnswer,
  type TokenAnswer,
  type TokenSource,
  tokenErrorMessage,
} from './oauth-token.js';

/** What the credential store keeps for one app registration in one tenant. */
interface StoredSignIn {
  refreshToken: string;
  username: string;
}

const account = (config: OAuthConfig): string => `${config.tenant}/${config.clientId}`;
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** Entra ID's answer to a slow_down: poll 5 s less often (RFC 8628 §3.5). */
const SLOW_DOWN_MS = 5000;

async function readSignIn(store: CredentialStore, config: OAuthConfig): Promise<StoredSignIn | undefined> {
  const text = await store.get(account(config));
  if (text === undefined) return undefined;
  try {
    const json = JSON.parse(text) as Partial<StoredSignIn>;
    if (typeof json.refreshToken === 'string' && typeof json.username === 'string')
      return { refreshToken: json.refreshToken, username: json.username };
  } catch {
    // a damaged entry reads as no sign-in
  }
  return undefined;
}

const writeSignIn = (store: CredentialStore, config: OAuthConfig, signIn: StoredSignIn): Promise<void> =>
  store.set(account(config), JSON.stringify(signIn));

/** The account name in an ID token (its payload is not verified: it only names the account for the user). */
function usernameOf(answer: TokenAnswer): string {
  const idToken = typeof answer.json.id_token === 'string' ? answer.json.id_token : '';
  try {
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const name = claims.preferred_username ?? claims.upn ?? claims.email;
    if (typeof name === 'string' && /^[^\s@]+@[^\s@]+$/.test(name)) return name;
  } catch {
    // no usable ID token
  }
  throw new MailLoginError(
    'Microsoft Entra ID did not say which account signed in (no ID token with preferred_username); the ' +
      'administrator adds the openid and profile permissions to the app registration.',
  );
}

async function post(url: string, form: Record<string, string>, config: OAuthConfig) {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (cause) {
    throw new MailLoginError(`${url} could not be reached; check the network and TRAPPA_OAUTH_TENANT.`, { cause });
  }
  return { status: response.status, ok: response.ok, json: await readTokenAnswer(response, url) };
}

export interface LoginIo {
  /** Shows the user a line (the code and where to enter it). */
  say(line: string): void;
  /** How to wait between polls; tests record the waits. */
  sleep?: (ms: number) => Promise<unknown>;
}

/**
 * Signs the user in with the device-code flow and keeps the refresh token in the store.
 * @returns the account that signed in and where the sign-in is kept
 */
export async function deviceCodeLogin(config: OAuthConfig, io: LoginIo): Promise<{ username: string; where: string }> {
  const store = await openCredentialStore(config.credentialFile);
  const deviceUrl = config.tokenUrl.replace(/\/token$/, '/devicecode');
  const start = await post(deviceUrl, { client_id: config.clientId, scope: config.scope }, config);
  const { device_code: deviceCode, user_code: userCode, verification_uri: uri } = start.json;
  if (!start.ok || typeof deviceCode !== 'string' || typeof userCode !== 'string' || typeof uri !== 'string')
    throw new MailLoginError(tokenErrorMessage(start.status, start.json, config));
  io.say(escapeControl(`To sign in, open ${uri} in a browser and enter the code ${userCode}`));
  let interval = Math.max(1, Number(start.json.interval) || 5) * 1000;
  const deadline = Date.now() + (Number(start.json.expires_in) || 900) * 1000;
  const wait = io.sleep ?? sleep;
  while (Date.now() < deadline) {
    await wait(interval);
    const poll = await post(
      config.tokenUrl,
      { grant_type: DEVICE_GRANT, client_id: config.clientId, device_code: deviceCode },
      config,
    );
    if (poll.ok) {
      const answer = acceptToken(poll.json, config);
      if (!answer.refreshToken)
        throw new MailLoginError('Microsoft Entra ID gave no refresh token; the sign-in needs offline_access.');
      const username = usernameOf(answer);
      await writeSignIn(store, config, { refreshToken: answer.refreshToken, username });
      return { username, where: store.where };
    }
    const error = poll.json.error;
    if (error === 'authorization_pending') continue;
    if (error === 'slow_down') {
      interval += SLOW_DOWN_MS;
      continue;
    }
    if (error === 'authorization_declined' || error === 'access_denied')
      throw new MailLoginError('The sign-in was declined in the browser; nothing was kept.');
    if (error === 'expired_token') break;
    throw new MailLoginError(tokenErrorMessage(poll.status, poll.json, config));
  }
  throw new MailLoginError(english(said('mail.codeExpired')));
}

/** The account signed in for this app registration (for the sender's address), without asking Entra ID. */
export async function signedInAs(config: OAuthConfig): Promise<string> {
  const store = await openCredentialStore(config.credentialFile);
  const signIn = await readSignIn(store, config);
  if (!signIn) throw new MailLoginError('Not signed in to Microsoft 365: run trappa mail login first.');
  return signIn.username;
}

/** Forgets the sign-in (the refresh token in the store). Whether there was one. */
export async function signOut(config: OAuthConfig): Promise<{ removed: boolean; where: string }> {
  const store = await openCredentialStore(config.credentialFile);
  return { removed: await store.delete(account(config)), where: store.where };
}

/**
 * Access tokens from the stored sign-in: a refresh-token grant, the rotated refresh token kept.
 * A refresh token that was revoked or expired (invalid_grant) ends in one line: sign in again.
 */
export function createDelegatedTokenSource(config: OAuthConfig): TokenSource {
  let cached: { token: string; expires: number } | undefined;
  const issued: string[] = [];
  return {
    async get(renew = false) {
      if (!renew && cached && cached.expires > Date.now()) return cached.token;
      const answer = await refresh(config);
      issued.push(answer.token);
      cached = { token: answer.token, expires: Date.now() + Math.max(0, answer.expiresIn * 1000 - 120_000) };
      return answer.token;
    },
    redact: (text) => issued.reduce((out, s) => out.split(s).join('***'), text),
  };
}

/** Redeems the stored refresh token; keeps the new one. Also what `whoami` uses to check the sign-in. */
export async function refresh(config: OAuthConfig): Promise<TokenAnswer & { username: string }> {
  const store = await openCredentialStore(config.credentialFile);
  const signIn = await readSignIn(store, config);
  if (!signIn) throw new MailLoginError('Not signed in to Microsoft 365: run trappa mail login first.');
  const answer = await post(
    config.tokenUrl,
    {
      grant_type: 'refresh_token',
      client_id: config.clientId,
      refresh_token: signIn.refreshToken,
      scope: config.scope,
    },
    config,
  );
  if (!answer.ok) {
    if (answer.json.error === 'invalid_grant') {
      const code = Array.isArray(answer.json.error_codes) ? ` AADSTS${answer.json.error_codes[0]}` : '';
      throw new MailLoginError(english(said('m365.expired', { user: signIn.username, code })));
    }
    throw new MailLoginError(tokenErrorMessage(answer.status, answer.json, config));
  }
  const tokens = acceptToken(answer.json, config);
  if (tokens.refreshToken && tokens.refreshToken !== signIn.refreshToken)
    await writeSignIn(store, config, { ...signIn, refreshToken: tokens.refreshToken });
  return { ...tokens, username: signIn.username };
}
