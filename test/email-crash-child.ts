/**
 * Run by test/email-crash.test.ts as `node --import tsx test/email-crash-child.ts job.json`:
 * sends like the CLI would (settings from the environment, report on stdout) so the test can
 * kill it with SIGKILL halfway through.
 */
import { readFile } from 'node:fs/promises';
import { formatSendReport, sendReportError } from '../src/post/email/format-send-report.js';
import { sendDecks } from '../src/post/email/send-decks.js';
import { describeSmtpConfig, loadSmtpConfig } from '../src/post/email/smtp-config.js';
import type { OutgoingDeck } from '../src/post/email/types.js';

interface Job {
  decks: OutgoingDeck[];
  logFile: string;
  templatesDir: string;
}

const job = JSON.parse(await readFile(process.argv[2] ?? '', 'utf8')) as Job;
const smtp = await loadSmtpConfig();
console.log(`Sending via ${describeSmtpConfig(smtp)}`);
const report = await sendDecks(job.decks, {
  smtp,
  logFile: job.logFile,
  templatesDir: job.templatesDir,
  retry: { attempts: 2, baseDelayMs: 10 },
  onDeck: (deck) => console.log(`${deck.deckId}: ${deck.recipients.map((r) => r.status).join(', ')}`),
});
console.log(formatSendReport(report));
process.exitCode = sendReportError(report)?.exitCode ?? 0;
