/**
 * An adviser's own Microsoft 365 sign-in (issue #26), against a stand-in identity endpoint and
 * Graph on 127.0.0.1 (m365-fake.ts): the device-code flow with authorization_pending and
 * slow_down, the refresh token kept in the credential store and read back, a send as oneself
 * through Graph /me with the refresh token rotated, a revoked refresh token ending in one line
 * that says to sign in again, and `trappa mail login / whoami / logout`.
 *
 * The credential store here is the file TRAPPA_CREDENTIAL_FILE names: this machine (like a CI
 * runner) runs no Secret Service daemon, so the OS store cannot be used; the last test shows that
 * @napi-rs/keyring loads and that its refusal reads as one line naming the way out.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openCredentialStore } from '../src/post/email/credential-store.js';
import { deviceCodeLogin } from '../src/post/email/delegated.js';
import { loadLoginConfig, loadMailConfig } from '../src/post/email/mail-config.js';
import { MailLoginError } from '../src/post/email/oauth-token.js';
import { sendDecks } from '../src/post/email/send-decks.js';
import { makeDeck, smtpEnv, tempDir, TEMPLATES_DIR } from './email-fixtures.js';
import { generateCertificate, startTestServer } from './email-test-server.js';
import { runMain } from './helpers/in-process.js';
import { CLIENT_ID, startFakeM365, TENANT } from './m365-fake.js';

async function setup() {
  const m365 = await startFakeM365('kommunikasjon@innherred-samkommune.no');
  onTestFinished(() => m365.close());
  const credentialFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'trappa-cred-')), 'sign-in.json');
  const env = {
    TRAPPA_MAIL_TRANSPORT: 'graph',
    TRAPPA_OAUTH_FLOW: 'delegated',
    TRAPPA_OAUTH_TENANT: TENANT,
    TRAPPA_OAUTH_CLIENT_ID: CLIENT_ID,
    TRAPPA_OAUTH_TOKEN_URL: m365.tokenUrl,
    TRAPPA_GRAPH_URL: m365.graphUrl,
    TRAPPA_CREDENTIAL_FILE: credentialFile,
  };
  const stored = () => JSON.parse(readFileSync(credentialFile, 'utf8')) as Record<string, string>;
  return { m365, env, credentialFile, stored };
}

async function signIn(env: NodeJS.ProcessEnv) {
  const said: string[] = [];
  const waits: number[] = [];
  const who = await deviceCodeLogin(loadLoginConfig(env), {
    say: (line) => said.push(line),
    sleep: async (ms) => void waits.push(ms),
  });
  return { who, said, waits };
}

describe('Microsoft 365 delegated sign-in (device code)', () => {
  it('polls through authorization_pending and slow_down, then keeps the refresh token in the store', async () => {
    const { m365, env, credentialFile, stored } = await setup();
    m365.devicePolls = ['authorization_pending', 'slow_down', 'authorization_pending', 'ok'];
    const { who, said, waits } = await signIn(env);
    expect(said).toEqual([
      'To sign in, open https://microsoft.com/devicelogin in a browser and enter the code HJKL-MNPQ',
    ]);
    // interval 1 s; slow_down adds 5 s for every later poll (RFC 8628 §3.5)
    expect(waits).toEqual([1000, 1000, 6000, 6000]);
    expect(who).toEqual({ username: m365.delegatedUser, where: credentialFile });
    const [device, ...polls] = m365.identityRequests;
    expect(device!.scope).toContain('offline_access');
    expect(device!.scope).toContain('https://graph.microsoft.com/Mail.Send');
    expect(polls.map((p) => p.grant_type)).toEqual(Array(4).fill('urn:ietf:params:oauth:grant-type:device_code'));
    expect(polls.every((p) => p.client_secret === undefined)).toBe(true);
    // Read back through the store: the refresh token Entra ID issued, for this tenant and app.
    const entry = JSON.parse(stored()[`${TENANT}/${CLIENT_ID}`]!) as { refreshToken: string; username: string };
    expect(m365.refreshTokens.has(entry.refreshToken)).toBe(true);
    expect(entry.username).toBe(m365.delegatedUser);
    const store = await openCredentialStore(credentialFile);
    expect(JSON.parse((await store.get(`${TENANT}/${CLIENT_ID}`))!).refreshToken).toBe(entry.refreshToken);
    if (process.platform !== 'win32') expect(statSync(credentialFile).mode & 0o777).toBe(0o600);
  });

  it('sends as the signed-in user through Graph /me, keeping the rotated refresh token', async () => {
    const { m365, env, stored } = await setup();
    await signIn(env);
    const first = JSON.parse(stored()[`${TENANT}/${CLIENT_ID}`]!).refreshToken as string;
    const mail = await loadMailConfig({ env });
    expect(mail.from.email).toBe(m365.delegatedUser);
    const dir = await tempDir();
    const report = await sendDecks([await makeDeck(dir)], {
      mail,
      logFile: path.join(dir, 'send-log.jsonl'),
      templatesDir: TEMPLATES_DIR,
    });
    expect(report.ok).toBe(true);
    expect(m365.sent).toHaveLength(1);
    const refreshed = JSON.parse(stored()[`${TENANT}/${CLIENT_ID}`]!).refreshToken as string;
    expect(refreshed).not.toBe(first);
    expect(m365.refreshTokens.has(first)).toBe(false);
    expect(m365.refreshTokens.has(refreshed)).toBe(true);
    expect(m365.identityRequests.at(-1)).toMatchObject({ grant_type: 'refresh_token', refresh_token: first });
  });

  it('sends as the signed-in user over SMTP with XOAUTH2 (delegated SMTP.Send)', async () => {
    const { m365, env } = await setup();
    const certificate = await generateCertificate();
    const smtp = await startTestServer({
      certificate,
      user: m365.delegatedUser,
      acceptToken: (token) => m365.isValid(token) && token.endsWith('.outlook'),
    });
    onTestFinished(() => smtp.close());
    const dir = await tempDir();
    const { TRAPPA_SMTP_PASSWORD: _, ...smtpSettings } = await smtpEnv(dir, smtp.port, certificate);
    const smtpDelegated = {
      ...env,
      ...smtpSettings,
      TRAPPA_MAIL_TRANSPORT: 'smtp',
      TRAPPA_SMTP_AUTH: 'oauth2',
      TRAPPA_SMTP_USER: m365.delegatedUser,
      TRAPPA_SMTP_FROM: `Kari Nordmann <${m365.delegatedUser}>`,
    };
    await signIn(smtpDelegated);
    expect(m365.identityRequests[0]!.scope).toContain('https://outlook.office.com/SMTP.Send');
    const report = await sendDecks([await makeDeck(dir)], {
      mail: await loadMailConfig({ env: smtpDelegated }),
      logFile: path.join(dir, 'send-log.jsonl'),
      templatesDir: TEMPLATES_DIR,
    });
    expect(report.ok).toBe(true);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.parsed.from?.value[0]?.address).toBe(m365.delegatedUser);
  });

  it('a revoked refresh token: one line saying to sign in again, nothing sent', async () => {
    const { m365, env } = await setup();
    await signIn(env);
    m365.refreshTokens.clear(); // the administrator revoked the user's sessions
    const mail = await loadMailConfig({ env });
    const dir = await tempDir();
    const error = await sendDecks([await makeDeck(dir)], {
      mail,
      logFile: path.join(dir, 'send-log.jsonl'),
      templatesDir: TEMPLATES_DIR,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailLoginError);
    expect((error as Error).message).toBe(
      `The Microsoft 365 sign-in of ${m365.delegatedUser} has expired or was revoked (invalid_grant AADSTS50173); ` +
        'run trappa mail login to sign in again.',
    );
    expect(m365.sent).toHaveLength(0);
  });

  it('trappa mail login, whoami and logout', async () => {
    const { m365, env, stored, credentialFile } = await setup();
    const cwd = await tempDir();
    const login = await runMain(['mail', 'login'], cwd, env, { withoutOwnSettings: true });
    expect(login.stderr).toBe('');
    expect(login.status).toBe(0);
    expect(login.stdout).toContain('enter the code HJKL-MNPQ');
    expect(login.stdout).toContain(`✓ signed in as ${m365.delegatedUser}; the sign-in is kept in ${credentialFile}`);
    const whoami = await runMain(['mail', 'whoami'], cwd, env, { withoutOwnSettings: true });
    expect(whoami.stdout).toContain(`signed in as ${m365.delegatedUser}`);
    expect(whoami.status).toBe(0);
    const logout = await runMain(['mail', 'logout'], cwd, env, { withoutOwnSettings: true });
    expect(logout.stdout).toContain('✓ signed out');
    expect(stored).toThrow(); // the file went with its last entry
    const after = await runMain(['mail', 'whoami'], cwd, env, { withoutOwnSettings: true });
    expect(after.stderr.trim()).toBe('trappa: Not signed in to Microsoft 365: run trappa mail login first.');
    expect(after.status).toBe(6);
  });

  it('the OS credential store: @napi-rs/keyring loads; where no keyring daemon runs, one line says what to do', async () => {
    const store = await openCredentialStore(undefined);
    const outcome = await store.get('trappa-test-probe').then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    // With a Secret Service (a desktop) the probe reads nothing; without one (here, CI) it is refused.
    if (outcome.ok) expect(outcome.value).toBeUndefined();
    else {
      expect(outcome.error).toBeInstanceOf(MailLoginError);
      expect((outcome.error as Error).message).toMatch(
        /^the Secret Service \(GNOME Keyring, KWallet\) is not available \(.+\); unlock or start it, or set TRAPPA_CREDENTIAL_FILE/,
      );
    }
  });
});
