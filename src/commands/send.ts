/**
 * `trappa send` and `trappa draft`: the built decks to each audience's distribution list,
 * over SMTP or as .eml drafts for Outlook. E-mail code is loaded only when these run.
 */
import { resolvePaths } from '../project-paths.js';
import path from 'node:path';
import type { Command } from 'commander';
import { TrappaError } from '../errors.js';
import { freezeBeforeSending, recordSent } from '../versions/freeze.js';
import type { AttachmentInfo, OutgoingDeck } from '../post/email/types.js';
import { outgoingDecks } from './outgoing-decks.js';
import { outputDir, projectOptions } from './shared.js';

interface SendFlags {
  deck?: string[];
  all?: boolean;
  dryRun?: boolean;
  resend?: boolean;
  resendUncertain?: boolean;
  maxSize?: string;
}
export function registerSend(program: Command): void {
  program
    .command('send')
    .description(
      'e-mail built decks to their distribution lists (SMTP or Microsoft Graph; settings from TRAPPA_* variables, ' +
        'see README)',
    )
    .option('-d, --deck <id...>', 'deck id(s) to send')
    .option('-a, --all', 'send every deck that has a distribution list')
    .option('--dry-run', 'print who would get what, and send nothing')
    .option('--resend', 'send again to recipients who already got this version')
    .option(
      '--resend-uncertain',
      'send again, with the same Message-ID, messages whose delivery is unknown (after a crash)',
    )
    .option('--max-size <MB>', 'largest e-mail attachments per message, in MB (default 10, or TRAPPA_MAIL_MAX_SIZE_MB)')
    .action(async (flags: SendFlags, cmd: Command) => {
      const options = projectOptions(cmd);
      const sizeLimitBytes = maxSizeBytes(flags.maxSize);
      const decks = await withAccessiblePdfsOnly((await outgoingDecks(options, flags)).decks);
      const email = await import('../post/email/index.js');
      const mail = flags.dryRun ? undefined : await email.loadMailConfig({ dataDir: resolvePaths(options).dataDir });
      if (mail) console.log(`Sending through ${email.describeMailConfig(mail)}`);
      const outDir = outputDir(options);
      const report = await email.sendDecks(decks, {
        ...(mail ? { mail } : {}),
        logFile: path.join(outDir, 'send-log.jsonl'),
        templatesDir: resolvePaths(options).templatesDir,
        dryRun: flags.dryRun,
        resend: flags.resend,
        resendUncertain: flags.resendUncertain,
        ...(sizeLimitBytes ? { sizeLimitBytes } : {}),
        freeze: (deckId, version, attachments) => freezeVersion(outDir, deckId, version, attachments),
        sent: (deckId, version, attachments) => freezeVersion(outDir, deckId, version, attachments, recordSent),
      });
      console.log(email.formatSendReport(report));
      const error = email.sendReportError(report);
      if (error) throw error;
    });

  program
    .command('draft')
    .description('write an .eml draft per deck (X-Unsent: 1) to open and send from Outlook')
    .option('-d, --deck <id...>', 'deck id(s)')
    .option('-a, --all', 'every deck that has a distribution list')
    .option('--max-size <MB>', 'largest e-mail attachments per message, in MB (default 10, or TRAPPA_MAIL_MAX_SIZE_MB)')
    .action(async (flags: SendFlags, cmd: Command) => {
      const options = projectOptions(cmd);
      const sizeLimitBytes = maxSizeBytes(flags.maxSize);
      const { decks } = await outgoingDecks(options, flags);
      const email = await import('../post/email/index.js');
      // The sender, when one is configured, so the draft opens with From filled in.
      const fromText = process.env.TRAPPA_SMTP_FROM?.trim();
      const files = await email.writeDrafts(decks, {
        outDir: path.join(outputDir(options), 'drafts'),
        templatesDir: resolvePaths(options).templatesDir,
        ...(fromText ? { from: email.parseMailbox(fromText) } : {}),
        ...(sizeLimitBytes ? { sizeLimitBytes } : {}),
        onPdfLeftOut: (deckId, file, reason) =>
          console.error(
            `trappa: warning: ${path.relative(process.cwd(), file)} is left out of ${deckId}'s draft: ${reason}`,
          ),
      });
      for (const file of files) console.log(`✓ ${path.relative(process.cwd(), file)}`);
    });
}

/**
 * A version is frozen before its first message leaves (src/versions/freeze.ts: release record,
 * then manifest), so a crash can never leave a delivered deck unfrozen; `sentAt` follows the first
 * delivery the server confirmed.
 */
async function freezeVersion(
  outDir: string,
  deckId: string,
  version: string,
  attachments: readonly AttachmentInfo[],
  how = freezeBeforeSending,
): Promise<void> {
  const pptx = attachments.find((a) => a.path.endsWith('.pptx')) ?? attachments[0];
  if (pptx) await how(outDir, { deckId, version, file: pptx.path, sha256: pptx.sha256 });
}

/**
 * A PDF goes out only when it is the accessible one (it passes the PDF check against its
 * deck), as in drafts; any other is left out with a warning that says why and what to do.
 */
async function withAccessiblePdfsOnly(decks: OutgoingDeck[]): Promise<OutgoingDeck[]> {
  const { dropInaccessiblePdfs } = await import('../post/pdf-attachment.js');
  const checked: OutgoingDeck[] = [];
  for (const deck of decks) {
    const { kept, dropped } = await dropInaccessiblePdfs(deck.attachments);
    for (const d of dropped) {
      console.error(
        `trappa: warning: ${path.relative(process.cwd(), d.attachment.path)} is left out of ${deck.deckId}'s e-mail: ` +
          `${d.reason}`,
      );
    }
    checked.push({ ...deck, attachments: kept });
  }
  return checked;
}

/** `--max-size 25` or TRAPPA_MAIL_MAX_SIZE_MB=25 → bytes (MB of 1024 × 1024, as the messages count them). */
function maxSizeBytes(flag: string | undefined): number | undefined {
  const text = flag ?? process.env.TRAPPA_MAIL_MAX_SIZE_MB?.trim();
  if (text === undefined || text === '') return undefined;
  const mb = Number(text.replace(/\s*MB$/i, '').replace(',', '.'));
  if (!Number.isFinite(mb) || mb <= 0 || mb > 150) {
    throw new TrappaError(
      `--max-size "${text}" is not a size in MB between 0 and 150 (Microsoft 365 takes up to 150 MB)`,
    );
  }
  return Math.round(mb * 1024 * 1024);
}
