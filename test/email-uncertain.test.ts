/**
 * Deliveries whose outcome is unknown, and the other edges of at-most-once, in-process against
 * real servers on 127.0.0.1: a connection cut after the data, no 250 within the command timeout,
 * a Graph send whose answer never came, a 4xx for one recipient, two sends at once.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { formatSendReport, sendReportError } from '../src/post/email/format-send-report.js';
import { loadMailConfig } from '../src/post/email/mail-config.js';
import { sendDecks, type SendDecksOptions } from '../src/post/email/send-decks.js';
import { readSendLog } from '../src/post/email/send-log.js';
import { makeDeck, PASSWORD, smtpEnv, tempDir, TEMPLATES_DIR, USER } from './email-fixtures.js';
import {
  generateCertificate,
  startTestServer,
  type TestCertificate,
  type TestServerOptions,
} from './email-test-server.js';
import { CLIENT_ID, CLIENT_SECRET, startFakeM365, TENANT } from './m365-fake.js';

let certificate: TestCertificate;
beforeAll(async () => {
  certificate = await generateCertificate();
});

async function setup(server: Partial<TestServerOptions> = {}, env: NodeJS.ProcessEnv = {}) {
  const dir = await tempDir();
  const smtp = await startTestServer({ certificate, user: USER, password: PASSWORD, ...server });
  onTestFinished(() => smtp.close());
  const mail = await loadMailConfig({ env: { ...(await smtpEnv(dir, smtp.port, certificate)), ...env } });
  const base: SendDecksOptions = {
    mail,
    logFile: path.join(dir, 'output', 'send-log.jsonl'),
    templatesDir: TEMPLATES_DIR,
    retry: { attempts: 3, baseDelayMs: 20 },
  };
  return { dir, smtp, base };
}

const statuses = (report: Awaited<ReturnType<typeof sendDecks>>) =>
  report.decks.flatMap((d) => d.recipients.map((r) => r.status));

describe('a message handed over without an answer is uncertain, never silently sent again', () => {
  it.each([
    [
      'the connection is cut after the data, before the 250',
      { onData: (n: number) => (n === 1 ? 'drop' : undefined) },
      {},
    ],
    [
      'no 250 within the command timeout',
      { onData: (n: number) => (n === 1 ? 'hang' : undefined) },
      { TRAPPA_MAIL_COMMAND_TIMEOUT: '0.5' },
    ],
  ] as const)('%s', async (_, server, env) => {
    const { dir, smtp, base } = await setup(server as Partial<TestServerOptions>, env);
    const deck = await makeDeck(dir);
    const first = await sendDecks([deck], base);
    expect(statuses(first)).toEqual(['uncertain', 'uncertain', 'uncertain', 'uncertain']);
    expect(first.decks[0]!.attempts).toBe(1); // not retried
    const kept = smtp.messages.length; // 1 when the server kept it, 0 when it never finished
    const log = await readSendLog(base.logFile);
    expect(log.intents).toHaveLength(1);
    expect(log.entries.map((e) => e.result)).toEqual(['uncertain']);
    const messageId = log.intents[0]!.messageId;
    if (kept) expect(smtp.messages[0]!.parsed.messageId).toBe(messageId);

    const again = await sendDecks([deck], base);
    expect(statuses(again)).toEqual(['uncertain', 'uncertain', 'uncertain', 'uncertain']);
    expect(smtp.messages).toHaveLength(kept);
    expect(formatSendReport(again)).toContain(
      `UNCERTAIN: handed to the server ${log.intents[0]!.time} as ${messageId}`,
    );
    expect(sendReportError(again)?.exitCode).toBe(6);

    const resent = await sendDecks([deck], { ...base, resendUncertain: true });
    expect(statuses(resent)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(smtp.messages.map((m) => m.parsed.messageId)).toEqual(kept ? [messageId, messageId] : [messageId]);
    expect(statuses(await sendDecks([deck], base))).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
  });

  it('Graph: the connection cut after the send request', async () => {
    const dir = await tempDir();
    const m365 = await startFakeM365('kommunikasjon@innherred-samkommune.no');
    onTestFinished(() => m365.close());
    const mail = await loadMailConfig({
      env: {
        TRAPPA_MAIL_TRANSPORT: 'graph',
        TRAPPA_GRAPH_URL: m365.graphUrl,
        TRAPPA_SMTP_FROM: 'kommunikasjon@innherred-samkommune.no',
        TRAPPA_OAUTH_TENANT: TENANT,
        TRAPPA_OAUTH_CLIENT_ID: CLIENT_ID,
        TRAPPA_OAUTH_CLIENT_SECRET: CLIENT_SECRET,
        TRAPPA_OAUTH_TOKEN_URL: m365.tokenUrl,
      },
    });
    const base = { mail, logFile: path.join(dir, 'output', 'send-log.jsonl'), templatesDir: TEMPLATES_DIR };
    const deck = await makeDeck(dir);
    m365.dropNextSend = true;
    expect(statuses(await sendDecks([deck], base))).toEqual(['uncertain', 'uncertain', 'uncertain', 'uncertain']);
    expect(m365.sent).toHaveLength(1);
    expect(statuses(await sendDecks([deck], base))).toEqual(['uncertain', 'uncertain', 'uncertain', 'uncertain']);
    expect(m365.sent).toHaveLength(1);
    expect(statuses(await sendDecks([deck], { ...base, resendUncertain: true }))).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
    ]);
    expect(m365.sent.map((s) => s.json.message.internetMessageId)).toEqual([
      m365.sent[0]!.json.message.internetMessageId,
      m365.sent[0]!.json.message.internetMessageId,
    ]);
  });
});

describe('temporary refusals and parallel runs', () => {
  it('a 452 or 4xx for one recipient is temporary: retried, delivered once', async () => {
    const full = 'ase.odegard@verdal.kommune.no';
    let refusals = 0;
    const { dir, smtp, base } = await setup({
      onRcpt: (address) =>
        address === full && refusals++ === 0 ? { code: 452, message: '4.2.2 Mailbox full' } : undefined,
    });
    const report = await sendDecks([await makeDeck(dir)], base);
    expect(statuses(report)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(smtp.messages.map((m) => m.envelopeTo.length)).toEqual([3, 1]);
    expect(smtp.messages[1]!.envelopeTo).toEqual([full]);
  });

  it('two sends at once on the same output folder: each recipient gets the deck once', async () => {
    const { dir, smtp, base } = await setup({ replyDelayMs: 30 }, { TRAPPA_MAIL_BATCH_SIZE: '1' });
    const to = Array.from({ length: 8 }, (_, i) => ({ email: `leder${i + 1}@levanger.kommune.no` }));
    const deck = await makeDeck(dir, { distribution: { to } });
    const reports = await Promise.all([sendDecks([deck], base), sendDecks([deck], base)]);
    const delivered = smtp.messages.flatMap((m) => m.envelopeTo).sort();
    expect(delivered).toEqual(to.map((r) => r.email).sort());
    const sent = reports.flatMap((r) => r.decks[0]!.recipients.filter((x) => x.status === 'sent').map((x) => x.email));
    expect(sent.sort()).toEqual(delivered);
  });
});
