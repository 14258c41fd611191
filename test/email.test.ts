import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { InputError } from '../src/errors.js';
import { MailLoginError } from '../src/post/email/oauth-token.js';
import { formatSendReport, sendReportError } from '../src/post/email/format-send-report.js';
import { sendDecks, type SendDecksOptions } from '../src/post/email/send-decks.js';
import { readSendLog } from '../src/post/email/send-log.js';
import type { SendReport } from '../src/post/email/types.js';
import {
  makeDeck,
  passwordForms,
  PASSWORD,
  PPTX,
  sha256,
  smtpConfig,
  tempDir,
  TEMPLATES_DIR,
  USER,
} from './email-fixtures.js';
import {
  generateCertificate,
  startTestServer,
  type TestCertificate,
  type TestServerOptions,
} from './email-test-server.js';

let certificate: TestCertificate;
beforeAll(async () => {
  certificate = await generateCertificate();
});

async function server(options: Partial<TestServerOptions> = {}) {
  const started = await startTestServer({ certificate, user: USER, password: PASSWORD, ...options });
  onTestFinished(() => started.close());
  return started;
}

async function setup(options: Partial<TestServerOptions> = {}) {
  const dir = await tempDir();
  const smtp = await server(options);
  const base: SendDecksOptions = {
    smtp: await smtpConfig(dir, smtp.port, certificate),
    logFile: path.join(dir, 'output', 'send-log.jsonl'),
    templatesDir: TEMPLATES_DIR,
    retry: { attempts: 3, baseDelayMs: 20 },
  };
  return { dir, smtp, base };
}

const statuses = (report: SendReport) =>
  report.decks.flatMap((d) => d.recipients.map((r) => `${d.deckId} ${r.field} ${r.email} ${r.status}`));

describe('sendDecks over SMTP (STARTTLS + AUTH on 127.0.0.1)', () => {
  it('delivers each deck to To/Cc/Bcc with the templated subject and body and intact æøå attachments', async () => {
    const { dir, smtp, base } = await setup();
    const deck = await makeDeck(dir);
    const report = await sendDecks([deck], base);

    expect(report.ok).toBe(true);
    expect(report.counts.sent).toBe(4);
    expect(smtp.messages).toHaveLength(1);
    const [message] = smtp.messages;
    expect(message!.secure).toBe(true); // STARTTLS happened, with the certificate trusted via the CA file
    expect(message!.user).toBe(USER);
    expect(message!.envelopeFrom).toBe('kommunikasjon@innherred-samkommune.no');
    expect(message!.envelopeTo.sort()).toEqual(
      [
        'ola.nordmann@levanger.kommune.no',
        'ase.odegard@verdal.kommune.no',
        'tillitsvalgt@levanger.kommune.no',
        'arkiv@innherred-samkommune.no',
      ].sort(),
    );
    const mail = message!.parsed;
    const addresses = (field: ParsedMail['to']) =>
      [field ?? []].flat().flatMap((a) => a.value.map((v) => `${v.name}|${v.address}`));
    expect(addresses(mail.to)).toEqual([
      'Ola Nordmann|ola.nordmann@levanger.kommune.no',
      'Åse Ødegård|ase.odegard@verdal.kommune.no',
    ]);
    expect(addresses(mail.cc)).toEqual(['|tillitsvalgt@levanger.kommune.no']);
    expect(mail.headers.has('bcc')).toBe(false);
    expect(message!.raw.toString('latin1')).not.toContain('arkiv@');
    expect(addresses(mail.replyTo)).toEqual(['Kari Nordmann|kari.nordmann@innherred-samkommune.no']);
    expect(mail.subject).toBe(
      'Storledermøte 4. februar 2004: Kommunikasjonsstrategi Innherred Samkommune (versjon 0.2)',
    );
    expect(mail.text).toContain(
      'Vedlagt er presentasjonen «Kommunikasjonsstrategi Innherred Samkommune», versjon 0.2, for ledere og tillitsvalgte i Levanger og Verdal.',
    );
    expect(mail.text).toContain(
      'Dato: onsdag 4. februar 2004\nSted: Levanger rådhus\nPresenteres av: Kari Nordmann, kommunikasjonsrådgiver',
    );
    expect(mail.text).toContain(
      'Spørsmål om presentasjonen kan rettes til Kari Nordmann (kari.nordmann@innherred-samkommune.no, tlf. 74 05 28 00).',
    );
    expect(mail.text).toMatch(
      /- Kommunikasjonsstrategi – storledermøte – v0\.2 – 2004-02-04\.pptx \(PowerPoint, 23,4 kB\)/,
    );

    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Kommunikasjonsstrategi – storledermøte – v0.2 – 2004-02-04.pptx', PPTX],
      ['Kommunikasjonsstrategi – storledermøte – v0.2 – 2004-02-04.pdf', 'application/pdf'],
    ]);
    for (const [i, attachment] of mail.attachments.entries()) {
      expect(sha256(attachment.content)).toBe(sha256(await readFile(deck.attachments[i]!.path)));
    }
    // æøå go as RFC 2231 filename*N*= continuations (and an RFC 2047 name= for older clients).
    const disposition =
      /Content-Disposition: attachment;((?:\r\n[ \t][^\r\n]*)+)/.exec(message!.raw.toString('latin1'))?.[1] ?? '';
    const parts = [...disposition.matchAll(/filename\*\d+\*?=([^;\s]+)/g)].map((m) => m[1]).join('');
    expect(parts.startsWith("utf-8''")).toBe(true);
    expect(decodeURIComponent(parts.slice("utf-8''".length))).toBe(
      'Kommunikasjonsstrategi – storledermøte – v0.2 – 2004-02-04.pptx',
    );

    const { entries } = await readSendLog(base.logFile);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      deck: 'storledermote',
      version: '0.2',
      result: 'sent',
      messageId: mail.messageId,
      attachments: await Promise.all(
        deck.attachments.map(async (a) => ({ filename: a.filename, sha256: sha256(await readFile(a.path)) })),
      ).then((list) => list.map((a) => expect.objectContaining(a))),
    });
    expect(entries[0]!.recipients.map((r) => `${r.field} ${r.email} ${r.result}`)).toEqual([
      'to ola.nordmann@levanger.kommune.no sent',
      'to ase.odegard@verdal.kommune.no sent',
      'cc tillitsvalgt@levanger.kommune.no sent',
      'bcc arkiv@innherred-samkommune.no sent',
    ]);
  });

  it('refuses to send the same version again unless --resend, and refuses changed content under the same version', async () => {
    const { dir, smtp, base } = await setup();
    const deck = await makeDeck(dir);
    await sendDecks([deck], base);
    const again = await sendDecks([deck], base);
    expect(again.counts).toMatchObject({ sent: 0, skipped: 4 });
    expect(again.ok).toBe(true);
    expect(smtp.messages).toHaveLength(1);

    const resent = await sendDecks([deck], { ...base, resend: true });
    expect(resent.counts.sent).toBe(4);
    expect(smtp.messages).toHaveLength(2);

    // Same version, different bytes: a released version must not be silently replaced.
    await writeFile(deck.attachments[0]!.path, 'other content');
    const changed = await sendDecks([deck], base);
    expect(changed.counts.refused).toBe(4);
    expect(changed.ok).toBe(false);
    expect(sendReportError(changed)?.exitCode).toBe(6);
    expect(smtp.messages).toHaveLength(2);
  });

  it('retries a 421 and the message arrives exactly once', async () => {
    const { dir, smtp, base } = await setup({
      onData: (n) => (n === 1 ? { code: 421, message: 'Try again later' } : undefined),
    });
    const report = await sendDecks([await makeDeck(dir)], base);
    expect(report.ok).toBe(true);
    expect(report.decks[0]!.attempts).toBe(2);
    expect(smtp.messages).toHaveLength(1);
    const { entries } = await readSendLog(base.logFile);
    // The refused first try is an outcome too, so its intent is closed and never counted as uncertain.
    expect(entries.map((e) => [e.result, e.attempts])).toEqual([
      ['failed', 1],
      ['sent', 2],
    ]);
    expect((await readSendLog(base.logFile)).intents).toHaveLength(2);
  });

  it('reports a 550 per recipient, delivers to the others, logs the failure and fails the exit code', async () => {
    const bad = 'ase.odegard@verdal.kommune.no';
    const { dir, smtp, base } = await setup({
      onRcpt: (address) => (address === bad ? { code: 550, message: '5.1.1 Mailbox unknown' } : undefined),
    });
    const deck = await makeDeck(dir);
    const report = await sendDecks([deck], base);

    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.envelopeTo).not.toContain(bad);
    expect(smtp.messages[0]!.envelopeTo).toHaveLength(3);
    expect(report.ok).toBe(false);
    expect(report.decks[0]!.recipients.find((r) => r.email === bad)).toMatchObject({ status: 'failed', smtpCode: 550 });
    expect(report.counts).toMatchObject({ sent: 3, failed: 1 });
    const error = sendReportError(report);
    expect(error?.exitCode).toBe(6);
    expect(error?.message).toContain(`storledermote v0.2 → ${bad}: failed`);
    expect(formatSendReport(report)).toContain(`to  Åse Ødegård <${bad}>  FAILED: 550 5.1.1 Mailbox unknown`);

    const { entries } = await readSendLog(base.logFile);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.result).toBe('partial');
    expect(entries[0]!.recipients.find((r) => r.email === bad)).toMatchObject({ result: 'failed', code: 550 });

    // Re-running tries only the one who failed.
    const rerun = await sendDecks([deck], base);
    expect(statuses(rerun).filter((s) => !s.endsWith('skipped'))).toEqual([`storledermote to ${bad} failed`]);
    expect(smtp.messages).toHaveLength(1);
  });

  it('dry run plans who gets what, with attachment names and sizes, and neither connects nor logs', async () => {
    const { dir, smtp, base } = await setup();
    const report = await sendDecks([await makeDeck(dir)], { ...base, dryRun: true });
    expect(report.counts.planned).toBe(4);
    expect(smtp.connections).toBe(0);
    await expect(readFile(base.logFile)).rejects.toThrow(/ENOENT/);
    const text = formatSendReport(report);
    expect(text).toContain('Dry run: nothing is sent.');
    expect(text).toContain(
      `attachment Kommunikasjonsstrategi – storledermøte – v0.2 – 2004-02-04.pptx (23.4 kB, ${PPTX})`,
    );
    expect(text).toContain('bcc arkiv@innherred-samkommune.no  would send');
    expect(text).toContain('Recipients: 4 would be sent, 0 already sent.');
  });

  it('refuses attachments over the size limit before connecting', async () => {
    const { dir, smtp, base } = await setup();
    const deck = await makeDeck(dir, { pptxBytes: 40_000 });
    const attempt = sendDecks([deck], { ...base, sizeLimitBytes: 30_000 });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(/attachments are 47\.9 kB together, over the 29\.3 kB limit/);
    expect(smtp.connections).toBe(0);
  });

  it('stops at a wrong password before sending anything, with one line and without printing it', async () => {
    const { dir, smtp, base } = await setup();
    const wrong = 'Feil-passord-Ørland';
    const decks = [
      await makeDeck(dir),
      await makeDeck(dir, { deckId: 'samkommunestyre', audienceLabel: 'samkommunestyre' }),
    ];
    const frozen: string[] = [];
    const attempt = sendDecks(decks, {
      ...base,
      smtp: await smtpConfig(dir, smtp.port, certificate, wrong),
      freeze: async (d) => void frozen.push(d),
    });
    await expect(attempt).rejects.toBeInstanceOf(MailLoginError);
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toMatch(
      /^The SMTP server refused the login for kommunikasjon@innherred-samkommune\.no: 535 Authentication failed; check/,
    );
    expect(message).not.toContain('\n');
    expect(smtp.connections).toBe(1);
    expect(frozen).toEqual([]);
    await expect(readFile(base.logFile)).rejects.toThrow(/ENOENT/);
    for (const form of passwordForms(wrong)) expect(message).not.toContain(form);
  });

  it('does not trust a certificate it was not given, and does not retry that', async () => {
    const { dir, smtp, base } = await setup();
    const { tls: _, ...untrusting } = base.smtp!;
    const attempt = sendDecks([await makeDeck(dir)], { ...base, smtp: untrusting });
    await expect(attempt).rejects.toThrow(/^Cannot reach the SMTP server 127\.0\.0\.1:\d+: self-signed certificate$/);
    expect(smtp.connections).toBe(1);
    expect(smtp.messages).toHaveLength(0);
  });

  it('stops at once when the server is out of reach, before freezing or logging anything', async () => {
    const { dir, smtp, base } = await setup();
    await smtp.close();
    const decks = [await makeDeck(dir), await makeDeck(dir, { deckId: 'ansatte' })];
    await expect(sendDecks(decks, base)).rejects.toThrow(
      /^Cannot reach the SMTP server 127\.0\.0\.1:\d+: connect ECONNREFUSED/,
    );
    await expect(readFile(base.logFile)).rejects.toThrow(/ENOENT/);
    expect((await sendDecks(decks, { ...base, dryRun: true })).counts.planned).toBe(8);
  });

  it('never lets the password into output, errors, the send log or the config object', async () => {
    const bad = 'tillitsvalgt@levanger.kommune.no';
    const { dir, base } = await setup({
      onRcpt: (address) => (address === bad ? { code: 550, message: 'No such user' } : undefined),
      onData: (n) => (n === 1 ? { code: 421, message: 'Busy' } : undefined),
    });
    const report = await sendDecks([await makeDeck(dir)], base);
    const dry = await sendDecks([await makeDeck(dir, { deckId: 'ansatte' })], { ...base, dryRun: true });
    const stdoutEquivalent = [
      formatSendReport(report),
      formatSendReport(dry),
      String(sendReportError(report)),
      JSON.stringify(report),
      JSON.stringify(base.smtp),
      (await import('node:util')).inspect(base.smtp, { depth: 5 }),
      await readFile(base.logFile, 'utf8'),
    ].join('\n');
    expect(stdoutEquivalent).toContain('No such user'); // the failure is there, so the grep looked at real text
    for (const form of passwordForms()) expect(stdoutEquivalent).not.toContain(form);
  });
});
