import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { sendDecks } from '../src/post/email/send-decks.js';
import { formatSendReport, sendReportError } from '../src/post/email/format-send-report.js';
import { readSendLog } from '../src/post/email/send-log.js';
import { loadSmtpConfig } from '../src/post/email/smtp-config.js';
import { makeDeck, passwordForms, PASSWORD, smtpEnv, tempDir, TEMPLATES_DIR, USER } from './email-fixtures.js';
import { generateCertificate, startTestServer } from './email-test-server.js';

it('re-running after a crash halfway sends only the missing messages', async () => {
  const dir = await tempDir();
  const certificate = await generateCertificate();
  let child: ChildProcess | undefined;
  const server = await startTestServer({
    certificate,
    user: USER,
    password: PASSWORD,
    // The second message has arrived but is not yet accepted when the process dies.
    onData: (n) => {
      if (n !== 2) return undefined;
      child?.kill('SIGKILL');
      return 'hang';
    },
  });
  onTestFinished(() => server.close());
  const decks = [
    await makeDeck(dir, { deckId: 'storledermote' }),
    await makeDeck(dir, {
      deckId: 'samkommunestyre',
      audienceLabel: 'samkommunestyre',
      meeting: { name: 'Samkommunestyret', date: '2004-01-29' },
    }),
    await makeDeck(dir, {
      deckId: 'allmote',
      audienceLabel: 'allmøte',
      meeting: { name: 'Allmøte for ansatte', date: '2004-01-28' },
    }),
  ];
  const logFile = path.join(dir, 'output', 'send-log.jsonl');
  const jobFile = path.join(dir, 'job.json');
  await writeFile(jobFile, JSON.stringify({ decks, logFile, templatesDir: TEMPLATES_DIR }));
  const env = await smtpEnv(dir, server.port, certificate);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TRAPPA_')));

  let output = '';
  const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve, reject) => {
    child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'email-crash-child.ts'), jobFile],
      {
        env: { ...inherited, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  expect(exit.signal).toBe('SIGKILL');
  expect(output).toContain('storledermote: sent, sent, sent, sent');
  expect(server.messages).toHaveLength(1);
  expect((await readSendLog(logFile)).entries.map((e) => e.deck)).toEqual(['storledermote']);

  const smtp = await loadSmtpConfig({ env });
  const report = await sendDecks(decks, { smtp, logFile, templatesDir: TEMPLATES_DIR });
  // The second message was handed over when the process died: its fate is unknown, so it is reported, not re-sent.
  expect(report.decks.map((d) => [d.deckId, d.recipients.map((r) => r.status)])).toEqual([
    ['storledermote', ['skipped', 'skipped', 'skipped', 'skipped']],
    ['samkommunestyre', ['uncertain', 'uncertain', 'uncertain', 'uncertain']],
    ['allmote', ['sent', 'sent', 'sent', 'sent']],
  ]);
  expect(report.ok).toBe(false);
  const intent = (await readSendLog(logFile)).intents.find((i) => i.deck === 'samkommunestyre')!;
  expect(formatSendReport(report)).toContain(`UNCERTAIN: handed to the server ${intent.time} as ${intent.messageId}`);
  expect(sendReportError(report)?.message).toContain('--resend-uncertain');

  const resent = await sendDecks(decks, { smtp, logFile, templatesDir: TEMPLATES_DIR, resendUncertain: true });
  expect(resent.decks.map((d) => d.recipients.map((r) => r.status).join(','))).toEqual([
    'skipped,skipped,skipped,skipped',
    'sent,sent,sent,sent',
    'skipped,skipped,skipped,skipped',
  ]);
  const delivered = server.messages.map((m) => String(m.parsed.headers.get('x-trappa-deck')));
  expect(delivered).toEqual(['storledermote; version=0.2', 'allmote; version=0.2', 'samkommunestyre; version=0.2']);
  // Sent again with the Message-ID of the message that may have arrived, so clients show one.
  expect(server.messages[2]!.parsed.messageId).toBe(intent.messageId);
  expect(server.messages[2]!.parsed.subject).toBe(
    'Samkommunestyret 29. januar 2004: Kommunikasjonsstrategi Innherred Samkommune (versjon 0.2)',
  );
  for (const form of passwordForms()) expect(output).not.toContain(form);
});
