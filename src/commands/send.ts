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
import type { Messages } from '../messages/catalogue.js';
import { translateLines, translateText } from '../messages/issue-text.js';
import { outputDir, projectOptions } from './shared.js';

interface SendFlags {
  deck?: string[];
  all?: boolean;
  dryRun?: boolean;
  resend?: boolean;
  resendUncertain?: boolean;
  maxSize?: string;
}
export function registerSend(program: Command, messages: Messages): void {
  const { say } = messages;
  program
    .command('send')
    .description(say('send.desc'))
    .option('-d, --deck <id...>', say('send.deck'))
    .option('-a, --all', say('send.all'))
    .option('--dry-run', say('send.dryRun'))
    .option('--resend', say('send.resend'))
    .option('--resend-uncertain', say('send.resendUncertain'))
    .option('--max-size <MB>', say('send.maxSize'))
    .action(async (flags: SendFlags, cmd: Command) => {
      const options = projectOptions(cmd);
      const sizeLimitBytes = maxSizeBytes(flags.maxSize, messages);
      const decks = await withAccessiblePdfsOnly((await outgoingDecks(options, flags)).decks, messages);
      const email = await import('../post/email/index.js');
      const mail = flags.dryRun ? undefined : await email.loadMailConfig({ dataDir: resolvePaths(options).dataDir });
      if (mail)
        console.log(say('send.through', { server: translateText(email.describeMailConfig(mail), messages.lang) }));
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
      console.log(email.formatSendReport(report, messages));
      const error = email.sendReportError(report);
      if (error) throw error;
    });

  program
    .command('draft')
    .description(say('draft.desc'))
    .option('-d, --deck <id...>', say('draft.deck'))
    .option('-a, --all', say('draft.all'))
    .option('--max-size <MB>', say('send.maxSize'))
    .action(async (flags: SendFlags, cmd: Command) => {
      const options = projectOptions(cmd);
      const sizeLimitBytes = maxSizeBytes(flags.maxSize, messages);
      const { decks } = await outgoingDecks(options, flags);
      const email = await import('../post/email/index.js');
      // The sender, when one is configured, so the draft opens with From filled in.
      const fromText = process.env.TRAPPA_SMTP_FROM?.trim();
      const files = await email.writeDrafts(decks, {
        outDir: path.join(outputDir(options), 'drafts'),
        templatesDir: resolvePaths(options).templatesDir,
        ...(fromText ? { from: email.parseMailbox(fromText) } : {}),
        ...(sizeLimitBytes ? { sizeLimitBytes } : {}),
        onPdfLeftOut: (deck, file, reason) => {
          const text = say('draft.pdfLeftOut', {
            file: path.relative(process.cwd(), file),
            deck,
            reason: translateLines(reason, messages.lang),
          });
          console.error(say('cli.warning', { text }));
        },
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
async function withAccessiblePdfsOnly(decks: OutgoingDeck[], { say, lang }: Messages): Promise<OutgoingDeck[]> {
  const { dropInaccessiblePdfs } = await import('../post/pdf-attachment.js');
  const checked: OutgoingDeck[] = [];
  for (const deck of decks) {
    const { kept, dropped } = await dropInaccessiblePdfs(deck.attachments);
    for (const d of dropped) {
      const file = path.relative(process.cwd(), d.attachment.path);
      const text = say('send.pdfLeftOut', { file, deck: deck.deckId, reason: translateLines(d.reason, lang) });
      console.error(say('cli.warning', { text }));
    }
    checked.push({ ...deck, attachments: kept });
  }
  return checked;
}

/** `--max-size 25` or TRAPPA_MAIL_MAX_SIZE_MB=25 → bytes (MB of 1024 × 1024, as the messages count them). */
function maxSizeBytes(flag: string | undefined, { say }: Messages): number | undefined {
  const text = flag ?? process.env.TRAPPA_MAIL_MAX_SIZE_MB?.trim();
  if (text === undefined || text === '') return undefined;
  const mb = Number(text.replace(/\s*MB$/i, '').replace(',', '.'));
  if (!Number.isFinite(mb) || mb <= 0 || mb > 150) {
    throw new TrappaError(say('send.badMaxSize', { text }));
  }
  return Math.round(mb * 1024 * 1024);
}
