import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { describeMailConfig, loadMailConfig } from '../src/post/email/mail-config.js';
import { tokenErrorMessage } from '../src/post/email/oauth-token.js';
import { describeSmtpConfig, loadSmtpConfig, SmtpConfigError } from '../src/post/email/smtp-config.js';
import { tempDir } from './email-fixtures.js';

const SECRET = 'Sv4rt-hemmelig-æøå';

describe('loadSmtpConfig', () => {
  it('reads the environment, with port defaults per security mode and the password hidden', async () => {
    const dir = await tempDir();
    const config = await loadSmtpConfig({
      env: {
        HOME: dir,
        TRAPPA_SMTP_HOST: 'smtp.innherred-samkommune.no',
        TRAPPA_SMTP_USER: 'kommunikasjon',
        TRAPPA_SMTP_PASSWORD: SECRET,
        TRAPPA_SMTP_FROM: 'Kommunikasjon ISK <kommunikasjon@innherred-samkommune.no>',
      },
    });
    expect(config).toMatchObject({
      port: 587,
      security: 'starttls',
      user: 'kommunikasjon',
      from: { name: 'Kommunikasjon ISK' },
    });
    expect(config.password?.reveal()).toBe(SECRET);
    const shown = [
      JSON.stringify(config),
      inspect(config),
      String(config.password),
      `${config.password}`,
      describeSmtpConfig(config),
    ].join('\n');
    expect(shown).not.toContain(SECRET);
    expect(describeSmtpConfig(config)).toBe(
      'smtp.innherred-samkommune.no:587 (STARTTLS) as kommunikasjon, from Kommunikasjon ISK <kommunikasjon@innherred-samkommune.no>',
    );
    const tls = await loadSmtpConfig({
      env: { HOME: dir, TRAPPA_SMTP_HOST: 'h.no', TRAPPA_SMTP_SECURITY: 'tls', TRAPPA_SMTP_FROM: 'a@b.no' },
    });
    expect(tls.port).toBe(465);
  });

  it.each([
    {
      name: 'no host',
      env: { TRAPPA_SMTP_FROM: 'a@b.no' },
      error: /No SMTP server is configured: set TRAPPA_SMTP_HOST/,
    },
    { name: 'no sender', env: { TRAPPA_SMTP_HOST: 'h.no' }, error: /No sender is configured: set TRAPPA_SMTP_FROM/ },
    {
      name: 'bad sender',
      env: { TRAPPA_SMTP_HOST: 'h.no', TRAPPA_SMTP_FROM: 'Kommunikasjon <post@isk>' },
      error: /no top-level domain/,
    },
    {
      name: 'user without password',
      env: { TRAPPA_SMTP_HOST: 'h.no', TRAPPA_SMTP_FROM: 'a@b.no', TRAPPA_SMTP_USER: 'u' },
      error: /TRAPPA_SMTP_PASSWORD is not/,
    },
    {
      name: 'bad security',
      env: { TRAPPA_SMTP_HOST: 'h.no', TRAPPA_SMTP_FROM: 'a@b.no', TRAPPA_SMTP_SECURITY: 'ssl' },
      error: /not one of starttls, tls, none/,
    },
    {
      name: 'bad port',
      env: { TRAPPA_SMTP_HOST: 'h.no', TRAPPA_SMTP_FROM: 'a@b.no', TRAPPA_SMTP_PORT: '99999' },
      error: /not a port number/,
    },
    {
      name: 'password in the clear',
      env: {
        TRAPPA_SMTP_HOST: 'h.no',
        TRAPPA_SMTP_FROM: 'a@b.no',
        TRAPPA_SMTP_SECURITY: 'none',
        TRAPPA_SMTP_USER: 'u',
        TRAPPA_SMTP_PASSWORD: SECRET,
      },
      error: /unencrypted/,
    },
  ])('explains $name', async ({ env, error }) => {
    const dir = await tempDir();
    const attempt = loadSmtpConfig({ env: { HOME: dir, ...env } });
    await expect(attempt).rejects.toBeInstanceOf(SmtpConfigError);
    await expect(attempt).rejects.toThrow(error);
    await attempt.catch((e: Error) => expect(e.message).not.toContain(SECRET));
  });

  it('reads ~/.config/trappa/smtp.yaml, with the environment winning and caFile relative to the file', async () => {
    const dir = await tempDir();
    const configDir = path.join(dir, '.config', 'trappa');
    await mkdir(configDir, { recursive: true });
    await writeFile(path.join(configDir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\n');
    await writeFile(
      path.join(configDir, 'smtp.yaml'),
      'host: smtp.levanger.kommune.no\nport: 2525\nsecurity: tls\nfrom: post@innherred-samkommune.no\ntls:\n  caFile: ca.pem\n  servername: smtp.example.no\n',
    );
    const config = await loadSmtpConfig({ env: { HOME: dir, TRAPPA_SMTP_PORT: '465' } });
    expect(config).toMatchObject({
      host: 'smtp.levanger.kommune.no',
      port: 465,
      security: 'tls',
      tls: { servername: 'smtp.example.no' },
    });
    expect(config.tls?.ca).toContain('BEGIN CERTIFICATE');
    expect(config.sources).toEqual([path.join(configDir, 'smtp.yaml'), 'environment']);
  });

  it('refuses a config file holding a password, with its place and without echoing it', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'smtp.yaml');
    await writeFile(
      file,
      `host: smtp.levanger.kommune.no\nfrom: post@innherred-samkommune.no\nuser: kommunikasjon\npassword: ${SECRET}\n`,
    );
    const attempt = loadSmtpConfig({ env: { HOME: dir, TRAPPA_SMTP_CONFIG: file } });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    const error = (await attempt.catch((e: unknown) => e)) as InputError;
    expect(error.message).toBe(
      `${file}:4:1 password: the password must not be stored in a file; remove it and set TRAPPA_SMTP_PASSWORD in the environment`,
    );
    expect(error.message).not.toContain(SECRET);
  });

  it('refuses a config file inside data/', async () => {
    const dir = await tempDir();
    const dataDir = path.join(dir, 'data');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'smtp.yaml'), 'host: h.no\nfrom: a@b.no\n');
    await expect(
      loadSmtpConfig({ env: { HOME: dir, TRAPPA_SMTP_CONFIG: path.join(dataDir, 'smtp.yaml') }, dataDir }),
    ).rejects.toThrow(/keep server settings outside the shared data/);
  });
});

describe('loadMailConfig (transport, OAuth, limits)', () => {
  const oauth = {
    TRAPPA_OAUTH_TENANT: 'innherred.onmicrosoft.com',
    TRAPPA_OAUTH_CLIENT_ID: 'app-id',
    TRAPPA_OAUTH_CLIENT_SECRET: 'S3cr3t~Ø',
  };
  const from = { TRAPPA_SMTP_FROM: 'Kommunikasjon <kommunikasjon@innherred-samkommune.no>' };

  it('reads Graph and SMTP OAuth settings with Microsoft defaults, and never shows the secret', async () => {
    const dir = await tempDir();
    const graph = await loadMailConfig({ env: { HOME: dir, TRAPPA_MAIL_TRANSPORT: 'graph', ...from, ...oauth } });
    expect(graph).toMatchObject({ transport: 'graph', graphUrl: 'https://graph.microsoft.com/v1.0', batchSize: 500 });
    expect(graph.oauth).toMatchObject({
      tokenUrl: 'https://login.microsoftonline.com/innherred.onmicrosoft.com/oauth2/v2.0/token',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(graph.timeouts).toEqual({ connectMs: 10_000, greetingMs: 10_000, commandMs: 30_000 });
    const smtp = await loadMailConfig({
      env: { HOME: dir, TRAPPA_SMTP_HOST: 'smtp.office365.com', TRAPPA_SMTP_AUTH: 'oauth2', ...from, ...oauth },
    });
    expect(smtp.transport === 'smtp' && smtp.smtp).toMatchObject({
      auth: 'oauth2',
      user: 'kommunikasjon@innherred-samkommune.no',
      port: 587,
    });
    expect(smtp.oauth?.scope).toBe('https://outlook.office365.com/.default');
    const shown = [
      JSON.stringify(graph),
      JSON.stringify(smtp),
      inspect(graph, { depth: 5 }),
      describeMailConfig(graph),
      describeMailConfig(smtp),
    ].join('\n');
    expect(shown).not.toContain('S3cr3t');
    expect(describeMailConfig(smtp)).toBe(
      'SMTP smtp.office365.com:587 (STARTTLS) as kommunikasjon@innherred-samkommune.no (OAuth 2.0, app app-id), from Kommunikasjon <kommunikasjon@innherred-samkommune.no>',
    );
  });

  it.each([
    [{ TRAPPA_MAIL_TRANSPORT: 'ews', ...from }, 'TRAPPA_MAIL_TRANSPORT "ews" is not one of smtp, graph.'],
    [
      { TRAPPA_MAIL_TRANSPORT: 'graph', ...oauth },
      'Sending through Microsoft Graph needs the mailbox to send from: set TRAPPA_SMTP_FROM.',
    ],
    [
      { TRAPPA_MAIL_TRANSPORT: 'graph', ...from, TRAPPA_OAUTH_TENANT: 't' },
      'TRAPPA_MAIL_TRANSPORT=graph needs TRAPPA_OAUTH_CLIENT_ID, TRAPPA_OAUTH_CLIENT_SECRET (from the app registration; see README, Microsoft 365).',
    ],
    [
      { TRAPPA_MAIL_TRANSPORT: 'graph', ...from, ...oauth, TRAPPA_GRAPH_URL: 'http://graph.example.no/v1.0' },
      'TRAPPA_GRAPH_URL "http://graph.example.no/v1.0" must start with https:// (plain http only to this machine).',
    ],
    [
      { TRAPPA_SMTP_HOST: 'h.no', TRAPPA_SMTP_AUTH: 'oauth2', TRAPPA_SMTP_PASSWORD: 'x', ...from, ...oauth },
      'TRAPPA_SMTP_PASSWORD is set, but TRAPPA_SMTP_AUTH=oauth2 logs in with a token; unset one of them.',
    ],
    [
      { TRAPPA_SMTP_HOST: 'h.no', TRAPPA_MAIL_GREETING_TIMEOUT: 'ten', ...from },
      'TRAPPA_MAIL_GREETING_TIMEOUT "ten" is not a number of seconds between 0 and 3600.',
    ],
    [
      { TRAPPA_SMTP_HOST: 'h.no', TRAPPA_MAIL_BATCH_SIZE: '5000', ...from },
      'TRAPPA_MAIL_BATCH_SIZE "5000" is not a whole number of recipients from 1 to 1000.',
    ],
  ])('refuses %j', async (env, message) => {
    const dir = await tempDir();
    await expect(loadMailConfig({ env: { HOME: dir, ...env } })).rejects.toThrow(new SmtpConfigError(message));
  });
});

describe('token errors in plain words', () => {
  const app = {
    clientId: 'app-id',
    tenant: 'innherred.onmicrosoft.com',
    scope: 'https://graph.microsoft.com/.default',
  };
  it.each([
    [
      { error_codes: [700016] },
      /^Microsoft Entra ID does not know the app app-id in tenant innherred\.onmicrosoft\.com \(AADSTS700016\): check TRAPPA_OAUTH_CLIENT_ID/,
    ],
    [
      { error_description: 'AADSTS90002: Tenant not found.' },
      /^Microsoft Entra ID does not know the tenant "innherred\.onmicrosoft\.com" \(AADSTS90002\)/,
    ],
    [{ error_codes: [7000222] }, /^Microsoft Entra ID refused the client secret \(AADSTS7000222: wrong or expired\)/],
    [
      { error_description: 'AADSTS50034: The user account does not exist.\r\nTrace ID: x' },
      /^Microsoft Entra ID refused the token request \(AADSTS50034: The user account does not exist\); the administrator/,
    ],
    [
      {},
      /^Microsoft Entra ID refused the token request \(HTTP 500\); the administrator checks the app registration app-id\.$/,
    ],
  ])('%j', (json, expected) => {
    const message = tokenErrorMessage(Object.keys(json).length > 0 ? 400 : 500, json, app);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/[\r\n]/);
  });
});
