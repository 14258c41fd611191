/**
 * `trappa send` to Microsoft 365 as a municipality has it, through the bundled CLI: OAuth 2.0
 * client credentials against a token endpoint on 127.0.0.1, then SMTP XOAUTH2 (smtp-server
 * that takes only the issued token) or Microsoft Graph (a node:http stand-in that checks the
 * bearer token, the JSON message, the attachment bytes and the upload session).
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { generateCertificate, startTestServer, type TestCertificate, type TestServer } from '../email-test-server.js';
import { runMain } from '../helpers/in-process.js';
import { REPO } from '../helpers/project.js';
import { CLIENT_ID, CLIENT_SECRET, startFakeM365, TENANT, type FakeM365 } from '../m365-fake.js';
import { copyProjectToTemp } from '../helpers/project-copy.js';

/** The CLI in this process, without the developer's own TRAPPA_* settings (they would change the transport). */
const runMainClean = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  runMain(args, cwd, env, { withoutOwnSettings: true });

const MAILBOX = 'kommunikasjon@innherred-samkommune.no';
const sha256 = (b: Buffer | Uint8Array): string => createHash('sha256').update(b).digest('hex');
const DECK = 'output/storledermote-v0.2-2004-02-04.pptx';

let built: string;
let certificate: TestCertificate;
let m365: FakeM365;
let smtp: TestServer;

beforeAll(async () => {
  built = copyProjectToTemp(REPO, 'trappa-m365-');
  const build = await runMainClean(['build', '--deck', 'storledermote'], built);
  if (build.status !== 0) throw new Error(build.stderr);
  certificate = await generateCertificate();
  m365 = await startFakeM365(MAILBOX);
  smtp = await startTestServer({
    certificate,
    user: MAILBOX,
    acceptToken: (token) => m365.isValid(token) && token.endsWith('.outlook'),
  });
}, 60_000);

afterAll(async () => {
  await Promise.all([m365?.close(), smtp?.close()]);
  rmSync(built, { recursive: true, force: true });
});

/** A fresh copy of the built project, so each test has its own send log and manifest. */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'trappa-m365-run-'));
  cpSync(built, root, { recursive: true });
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  m365.tokenMode = 'ok';
  m365.denyMailbox = false;
  return root;
}

function oauthEnv(root: string, transport: 'smtp' | 'graph'): NodeJS.ProcessEnv {
  const caFile = path.join(root, 'ca.pem');
  writeFileSync(caFile, certificate.cert);
  const common = {
    HOME: root,
    TRAPPA_SMTP_FROM: `Kommunikasjon Innherred Samkommune <${MAILBOX}>`,
    TRAPPA_OAUTH_TENANT: TENANT,
    TRAPPA_OAUTH_CLIENT_ID: CLIENT_ID,
    TRAPPA_OAUTH_CLIENT_SECRET: CLIENT_SECRET,
    TRAPPA_OAUTH_TOKEN_URL: m365.tokenUrl,
  };
  if (transport === 'graph') return { ...common, TRAPPA_MAIL_TRANSPORT: 'graph', TRAPPA_GRAPH_URL: m365.graphUrl };
  return {
    ...common,
    TRAPPA_SMTP_HOST: '127.0.0.1',
    TRAPPA_SMTP_PORT: String(smtp.port),
    TRAPPA_SMTP_AUTH: 'oauth2',
    TRAPPA_SMTP_CA_FILE: caFile,
  };
}

/** Every file under output/ as text, for the secret grep. */
function outputText(root: string): string {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? walk(file) : [readFileSync(file).toString('latin1')];
    });
  return walk(path.join(root, 'output')).join('\n');
}

function expectNoSecrets(root: string, ...texts: string[]): void {
  const all = [...texts, outputText(root)].join('\n');
  expect(all.length).toBeGreaterThan(1000); // the grep looked at real output
  for (const secret of [
    CLIENT_SECRET,
    encodeURIComponent(CLIENT_SECRET),
    Buffer.from(CLIENT_SECRET).toString('base64'),
    ...m365.issued,
  ]) {
    expect(all).not.toContain(secret);
  }
}

const sentAt = (root: string) =>
  (
    JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')) as {
      entries: Record<string, { sentAt?: string }>;
    }
  ).entries['storledermote@0.2']?.sentAt;

describe('trappa send through Microsoft 365 with OAuth 2.0', () => {
  it('SMTP XOAUTH2: takes a token by client credentials, renews an expired one once, delivers once', async () => {
    const root = project();
    const before = { tokens: m365.tokenRequests, messages: smtp.messages.length };
    m365.expireNextToken = true; // the first token is refused as expired: one renewal
    const run = await runMainClean(['send', '--deck', 'storledermote'], root, oauthEnv(root, 'smtp'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `Sending through SMTP 127.0.0.1:${smtp.port} (STARTTLS) as ${MAILBOX} (OAuth 2.0, app ${CLIENT_ID})`,
    );
    expect(m365.tokenRequests - before.tokens).toBe(2);
    const received = smtp.messages.slice(before.messages);
    expect(received).toHaveLength(1);
    expect(received[0]!.user).toBe(MAILBOX);
    expect(received[0]!.secure).toBe(true);
    expect(received[0]!.envelopeTo.sort()).toEqual([
      'ledere@levanger.kommune.no',
      'ledere@verdal.kommune.no',
      'tillitsvalgte@innherred-samkommune.no',
    ]);
    const pptx = received[0]!.parsed.attachments.find((a) => a.filename?.endsWith('.pptx'))!;
    expect(sha256(pptx.content)).toBe(sha256(readFileSync(path.join(root, DECK))));
    expect(sentAt(root)).toBeTruthy();
    expectNoSecrets(root, run.stdout, run.stderr);
  });

  it('Graph sendMail: bearer token renewed once after a 401, the JSON message and the attachment bytes', async () => {
    const root = project();
    const before = { tokens: m365.tokenRequests, sent: m365.sent.length };
    m365.expireNextToken = true;
    const run = await runMainClean(['send', '--deck', 'storledermote'], root, oauthEnv(root, 'graph'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Sending through Microsoft Graph ${m365.graphUrl} as app ${CLIENT_ID}`);
    expect(m365.tokenRequests - before.tokens).toBe(2);
    const sent = m365.sent.slice(before.sent);
    expect(sent).toHaveLength(1);
    const { message, saveToSentItems } = sent[0]!.json;
    expect(sent[0]!.via).toBe('sendMail');
    expect(saveToSentItems).toBe(true);
    expect(message.subject).toBe(
      'Storledermøte 4. februar 2004: Kommunikasjonsstrategi Innherred Samkommune (versjon 0.2)',
    );
    expect(message.body.contentType).toBe('Text');
    expect(message.body.content).toContain('Sted: Levanger rådhus\r\n');
    const addresses = (list: { emailAddress: { address: string } }[]) => list.map((r) => r.emailAddress.address).sort();
    expect(
      [
        ...addresses(message.toRecipients),
        ...addresses(message.ccRecipients),
        ...addresses(message.bccRecipients),
      ].sort(),
    ).toEqual(['ledere@levanger.kommune.no', 'ledere@verdal.kommune.no', 'tillitsvalgte@innherred-samkommune.no']);
    expect(message.internetMessageId).toMatch(/^<[0-9a-f-]{36}@innherred-samkommune\.no>$/);
    expect(
      sha256(sent[0]!.attachments.get('Kommunikasjonsstrategi Innherred Samkommune – Storledermøte – v0.2.pptx')!),
    ).toBe(sha256(readFileSync(path.join(root, DECK))));
    const log = readFileSync(path.join(root, 'output/send-log.jsonl'), 'utf8');
    expect(log).toContain(message.internetMessageId);
    expect(log).toContain('"transport":"graph"');
    expect(sentAt(root)).toBeTruthy();
    expectNoSecrets(root, run.stdout, run.stderr);
  });

  it('Graph: a deck over the inline limit goes through an upload session; the size limit names --max-size', async () => {
    const root = project();
    // A deck of several MB, as a real one with photos is: a picture of noise (with alpha, so
    // it stays lossless PNG) on a photo slide. A PDF beside it would be left out unless it is
    // the deck's accessible PDF, so the deck itself carries the size.
    const [w, h] = [1800, 1400];
    const noise = randomBytes(w * h * 4);
    for (let i = 3; i < noise.length; i += 4) noise[i] = 1 + (noise[i]! % 254);
    await sharp(noise, { raw: { width: w, height: h, channels: 4 } })
      .png({ compressionLevel: 0 })
      .toFile(path.join(root, 'assets/photos/noise.png'));
    const deckYaml = path.join(root, 'data/decks/storledermote.yaml');
    writeFileSync(
      deckYaml,
      readFileSync(deckYaml, 'utf8').replace(
        /^slides:\n/m,
        'slides:\n  - kind: photo\n    title: Støy\n    image: { file: photos/noise.png, alt: Tilfeldige fargeprikker }\n    points: [Et stort bilde]\n',
      ),
    );
    const rebuilt = await runMainClean(['build', '--deck', 'storledermote'], root);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    const deckBytes = readFileSync(path.join(root, DECK));
    expect(deckBytes.length).toBeGreaterThan(3_000_000);

    const refused = await runMainClean(
      ['send', '--deck', 'storledermote', '--max-size', '1'],
      root,
      oauthEnv(root, 'graph'),
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      'over the 1.0 MB limit; make the images smaller, or raise the limit with --max-size <MB>',
    );
    const before = m365.sent.length;
    const run = await runMainClean(['send', '--deck', 'storledermote'], root, oauthEnv(root, 'graph'));
    expect(run.status, run.stderr).toBe(0);
    const [draft] = m365.sent.slice(before);
    expect(draft!.via).toBe('draft');
    expect(draft!.uploadSessions).toBe(1);
    expect(
      sha256(draft!.attachments.get('Kommunikasjonsstrategi Innherred Samkommune – Storledermøte – v0.2.pptx')!),
    ).toBe(sha256(deckBytes));
    expect(draft!.json.message.internetMessageId).toMatch(/^<.+@innherred-samkommune\.no>$/);
    expectNoSecrets(root, run.stdout, run.stderr, refused.stdout, refused.stderr);
  });

  const tokenErrors: [string, (root: string) => NodeJS.ProcessEnv, RegExp][] = [
    [
      'a wrong client secret',
      (root) => {
        m365.tokenMode = 'wrong-secret';
        return oauthEnv(root, 'graph');
      },
      /^trappa: Microsoft Entra ID refused the client secret \(AADSTS7000215: wrong or expired\): the administrator creates a new client secret for app .* and you set TRAPPA_OAUTH_CLIENT_SECRET to its Value\.$/,
    ],
    [
      'missing admin consent',
      (root) => {
        m365.tokenMode = 'no-consent';
        return oauthEnv(root, 'smtp');
      },
      /^trappa: The app .* has no administrator consent \(AADSTS65001\): an administrator grants admin consent for the SMTP\.SendAsApp application permission/,
    ],
    [
      'a mailbox outside the application access policy (Graph 403)',
      (root) => {
        m365.denyMailbox = true;
        return oauthEnv(root, 'graph');
      },
      new RegExp(
        `^trappa: Microsoft 365 does not let app ${CLIENT_ID} send as ${MAILBOX} \\(403 ErrorAccessDenied\\): the administrator grants the Mail\\.Send application permission`,
      ),
    ],
    [
      'a token Exchange refuses for SMTP (no service principal / mailbox permission)',
      (root) => ({ ...oauthEnv(root, 'smtp'), TRAPPA_SMTP_FROM: 'annen@innherred-samkommune.no' }),
      /^trappa: Exchange Online refused the app's token for annen@innherred-samkommune\.no \(535\): the administrator registers app .* in Exchange \(New-ServicePrincipal\)/,
    ],
  ];
  it.each(tokenErrors)(
    '%s: one plain line saying what the administrator must do, exit 6, nothing sent',
    async (_, env, expected) => {
      const root = project();
      const before = { smtp: smtp.messages.length, graph: m365.sent.length };
      const run = await runMainClean(['send', '--deck', 'storledermote'], root, env(root));
      expect(run.status).toBe(6);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(expected);
      expect(smtp.messages.length + m365.sent.length).toBe(before.smtp + before.graph);
      expectNoSecrets(root, run.stdout, run.stderr);
    },
  );
});
