import { SendError } from '../../errors.js';
import { type Messages, messagesIn } from '../../messages/catalogue.js';
import { formatSize } from './compose-message.js';
import { escapeControl } from './mail-sender.js';
import type { DeliveryStatus, RecipientOutcome, SendReport } from './types.js';

/** Longer lists show their problems one by one and the rest as counts. */
const LIST_ALL_UP_TO = 30;

/**
 * The report as the CLI prints it: per deck the subject, attachments with sizes, and each
 * recipient with what happened. Holds addresses and server replies, never credentials;
 * control characters in names and replies are escaped so they cannot rewrite the console.
 *
 * @example
 * storledermote v0.2: "Storledermøte 4. februar 2004 – …"
 *   attachment Kommunikasjonsstrategi – storledermøte – v0.2 – 2004-02-04.pptx (48.2 kB)
 *   to  Ola Nordmann <ola@levanger.kommune.no>  would send
 */
export function formatSendReport(report: SendReport, { say, lang }: Messages = messagesIn('en')): string {
  const LABEL = (status: DeliveryStatus): string => say(`sendReport.${status}`);
  const lines: string[] = [];
  if (report.dryRun) lines.push(say('sendReport.dryRun'));
  if (report.from) lines.push(say('sendReport.from', { from: escapeControl(report.from) }));
  for (const deck of report.decks) {
    lines.push(`${deck.deckId} v${deck.version}: "${escapeControl(deck.subject)}"`);
    for (const a of deck.attachments) {
      const [name, size, type] = [escapeControl(a.filename), formatSize(a.size, lang), a.contentType];
      lines.push(say('sendReport.attachment', { name, size, type }));
    }
    const long = deck.recipients.length > LIST_ALL_UP_TO;
    const quiet = (r: RecipientOutcome) =>
      long && (r.status === 'sent' || r.status === 'skipped' || r.status === 'planned');
    for (const r of deck.recipients) {
      if (!quiet(r))
        lines.push(
          `  ${r.field.padEnd(3)} ${who(r)}  ${LABEL(r.status)}${r.detail ? `: ${escapeControl(r.detail)}` : ''}`,
        );
    }
    if (long) {
      const counts = (['planned', 'sent', 'skipped'] as const).map(
        (s) => [s, deck.recipients.filter((r) => r.status === s).length] as const,
      );
      lines.push(
        `  ${
          counts
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n} ${LABEL(s)}`)
            .join(', ') || say('sendReport.noneSent')
        }`,
      );
    }
  }
  const { planned, sent, skipped, failed, refused, uncertain } = report.counts;
  const count = (key: Parameters<typeof say>[0], n: number, always = false): string =>
    n || always ? say(key, { n }) : '';
  const summary = [
    report.dryRun ? count('sendReport.wouldBeSent', planned, true) : count('sendReport.sentCount', sent, true),
    count('sendReport.alreadySent', skipped, true),
    report.dryRun ? '' : count('sendReport.failedCount', failed),
    count('sendReport.refusedCount', refused),
    count('sendReport.uncertainCount', uncertain),
  ];
  lines.push(say('sendReport.recipients', { summary: summary.filter(Boolean).join(', ') }));
  return lines.join('\n');
}

function who(r: RecipientOutcome): string {
  return escapeControl(r.name ? `${r.name} <${r.email}>` : r.email);
}

/** A SendError (exit code 6) naming every recipient who did not get their deck, or undefined when all went well. */
export function sendReportError(report: SendReport): SendError | undefined {
  if (report.ok) return undefined;
  if (report.fatal) return new SendError(escapeControl(report.fatal));
  const problems = report.decks.flatMap((deck) =>
    deck.recipients
      .filter((r) => r.status === 'failed' || r.status === 'refused' || r.status === 'uncertain')
      .map(
        (r) =>
          `${deck.deckId} v${deck.version} → ${escapeControl(r.email)}: ` +
          `${r.status}${r.detail ? ` (${escapeControl(r.detail)})` : ''}`,
      ),
  );
  const more = `… and ${problems.length - LIST_ALL_UP_TO} more (see the report above)`;
  const shown = problems.length > LIST_ALL_UP_TO ? [...problems.slice(0, LIST_ALL_UP_TO), more] : problems;
  const advice = [
    report.counts.failed ? 'Run the same command again to retry only the failed recipients.' : '',
    report.counts.refused
      ? 'Refused recipients already have this version with other content: raise the version, or use --resend.'
      : '',
    report.counts.uncertain
      ? 'Uncertain messages were handed to the server but no answer was recorded, so they may have arrived: check ' +
        "with the recipients or the server's message trace, then send them again with --resend-uncertain (same " +
        'Message-ID, so mail clients show one copy).'
      : '',
  ];
  return new SendError(
    [`${problems.length} recipient(s) did not get their deck for certain:`, ...shown, ...advice.filter(Boolean)].join(
      '\n',
    ),
  );
}
