import { SendError } from '../../errors.js';
import { formatSize } from './compose-message.js';
import type { DeliveryStatus, SendReport } from './types.js';

const LABEL: Record<DeliveryStatus, string> = {
  planned: 'would send',
  sent: 'sent',
  skipped: 'skipped',
  failed: 'FAILED',
  refused: 'REFUSED',
};

/**
 * The report as the CLI prints it: per deck the subject, attachments with sizes, and each
 * recipient with what happened. Holds addresses and SMTP replies, never credentials.
 *
 * @example
 * storledermote v0.2: "Storledermøte 4. februar 2004 – …"
 *   attachment Kommunikasjonsstrategi – storledermøte – v0.2 – 2004-02-04.pptx (48.2 kB)
 *   to  Ola Nordmann <ola@levanger.kommune.no>  would send
 */
export function formatSendReport(report: SendReport): string {
  const lines: string[] = [];
  if (report.dryRun) lines.push('Dry run: nothing is sent.');
  if (report.from) lines.push(`From: ${report.from}`);
  for (const deck of report.decks) {
    lines.push(`${deck.deckId} v${deck.version}: "${deck.subject}"`);
    for (const a of deck.attachments) lines.push(`  attachment ${a.filename} (${formatSize(a.size, 'en')}, ${a.contentType})`);
    for (const r of deck.recipients) {
      const who = r.name ? `${r.name} <${r.email}>` : r.email;
      lines.push(`  ${r.field.padEnd(3)} ${who}  ${LABEL[r.status]}${r.detail ? `: ${r.detail}` : ''}`);
    }
  }
  const { planned, sent, skipped, failed, refused } = report.counts;
  const summary = report.dryRun
    ? [`${planned} would be sent`, `${skipped} already sent`, refused ? `${refused} refused` : '']
    : [`${sent} sent`, `${skipped} already sent`, failed ? `${failed} failed` : '', refused ? `${refused} refused` : ''];
  lines.push(`Recipients: ${summary.filter(Boolean).join(', ')}.`);
  return lines.join('\n');
}

/** A SendError (exit code 6) naming every failed or refused recipient, or undefined when all went well. */
export function sendReportError(report: SendReport): SendError | undefined {
  if (report.ok) return undefined;
  const problems = report.decks.flatMap((deck) =>
    deck.recipients
      .filter((r) => r.status === 'failed' || r.status === 'refused')
      .map((r) => `${deck.deckId} v${deck.version} → ${r.email}: ${r.status}${r.detail ? ` (${r.detail})` : ''}`),
  );
  const advice = [
    report.counts.failed ? 'Run the same command again to retry only the failed recipients.' : '',
    report.counts.refused ? 'Refused recipients already have this version with other content: raise the version, or use --resend.' : '',
  ];
  return new SendError([`${problems.length} recipient(s) did not get their deck:`, ...problems, ...advice.filter(Boolean)].join('\n'));
}
