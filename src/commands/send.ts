/**
 * `trappa send` and `trappa draft`: the built decks to each audience's distribution list,
 * over SMTP or as .eml drafts for Outlook. E-mail code is loaded only when these run.
 */
import { resolvePaths } from '../project-paths.js';
import { sha256OfFile } from '../sha256.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError, type Issue } from '../errors.js';
import { loadProject, type Project } from '../data/load-project.js';
import { deckInputFiles, hashInputs } from '../versions/input-hash.js';
import { getEntry, readManifest } from '../versions/manifest.js';
import { resolveDeck, type DeckPlan } from '../plan/resolve-deck.js';
import type { OutgoingDeck } from '../post/email/types.js';
import { outputDir, projectOptions, type ProjectOptions } from './shared.js';

interface SendFlags {
  deck?: string[];
  all?: boolean;
  dryRun?: boolean;
  resend?: boolean;
}

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** A readable attachment name with æøå, e.g. "Kommunikasjonsstrategi Innherred Samkommune – Storledermøte – v0.2.pptx". */
function attachmentName(plan: DeckPlan, ext: string): string {
  const meeting = plan.deck.meeting ? ` – ${plan.deck.meeting.name}` : '';
  return `${plan.deck.title ?? plan.strategy.name}${meeting} – v${plan.strategy.version}.${ext}`.replace(/[\\/:*?"<>|]/g, '-');
}

function outgoing(plan: DeckPlan, outDir: string, issues: Issue[]): OutgoingDeck | undefined {
  const { deck, strategy } = plan;
  if (!deck.distribution) {
    issues.push({ file: plan.deckFile, field: 'distribution', message: `deck '${deck.id}' has no distribution list; add distribution: { to: [...] }` });
    return undefined;
  }
  const pptx = path.join(outDir, `${plan.baseName}.pptx`);
  if (!existsSync(pptx)) {
    issues.push({ file: path.relative(process.cwd(), pptx), message: `not built yet; run: trappa build --deck ${deck.id}` });
    return undefined;
  }
  const pdf = path.join(outDir, `${plan.baseName}.pdf`);
  const planRow = strategy.actionPlan.find((r) => r.id !== undefined && r.id === deck.meeting?.planRow);
  const contact = strategy.organisation.contact;
  return {
    deckId: deck.id,
    version: strategy.version,
    context: {
      title: deck.title ?? strategy.name,
      strategy: strategy.organisation.name,
      audience: deck.audience.name,
      meeting: deck.meeting ?? { name: deck.title ?? strategy.name, date: strategy.date },
      presenter: deck.meeting?.presenter,
      purpose: planRow?.purpose,
      contact: { name: contact?.name ?? strategy.organisation.name, email: contact?.email ?? '', phone: contact?.phone },
      language: deck.language,
    },
    attachments: [
      { path: pptx, filename: attachmentName(plan, 'pptx'), contentType: PPTX },
      ...(existsSync(pdf) ? [{ path: pdf, filename: attachmentName(plan, 'pdf'), contentType: 'application/pdf' }] : []),
    ],
    distribution: deck.distribution,
    location: { file: plan.deckFile, field: 'distribution' },
  };
}

/**
 * The file about to go out must be the one the current data builds: recorded in the
 * manifest with the same bytes and the same inputs. Otherwise the user is told to
 * build first, because sending freezes the version.
 */
async function staleIssues(project: Project, decks: OutgoingDeck[], outDir: string): Promise<Issue[]> {
  const manifest = await readManifest(outDir, project.root);
  const issues: Issue[] = [];
  for (const deck of decks) {
    const source = project.decks.find((d) => d.deck.id === deck.deckId)!;
    const pptx = deck.attachments[0]!.path;
    const shown = path.relative(process.cwd(), pptx);
    const entry = getEntry(manifest, deck.deckId, deck.version);
    const sha = await sha256OfFile(pptx);
    if (!entry || entry.sha256 !== sha) {
      issues.push({ file: shown, message: `is not the file trappa built for ${deck.deckId} v${deck.version} (changed or copied by hand); run: trappa build --deck ${deck.deckId}` });
    } else if (entry.inputsHash !== (await hashInputs(deckInputFiles(project, source)))) {
      issues.push({ file: shown, message: `is older than its data or templates; run: trappa build --deck ${deck.deckId} before sending` });
    }
  }
  return issues;
}

async function outgoingDecks(options: ProjectOptions, flags: SendFlags): Promise<{ project: Project; decks: OutgoingDeck[] }> {
  const loaded = await loadProject(options);
  if (!loaded.ok) throw new InputError(loaded.issues);
  const project = loaded.value;
  const wanted = flags.all || !flags.deck?.length ? project.decks : project.decks.filter((d) => flags.deck!.includes(d.deck.id));
  const unknown = (flags.deck ?? []).filter((id) => !project.decks.some((d) => d.deck.id === id));
  const issues: Issue[] = unknown.map((id) => ({ file: 'data/decks', message: `no deck with id '${id}'` }));
  const all = flags.all || !flags.deck?.length;
  const decks = wanted
    .filter((d) => !all || d.deck.distribution)
    .flatMap((d) => outgoing(resolveDeck(project, d), outputDir(options), issues) ?? []);
  if (issues.length === 0) issues.push(...(await staleIssues(project, decks, outputDir(options))));
  if (issues.length > 0) throw new InputError(issues);
  return { project, decks };
}

export function registerSend(program: Command): void {
  program
    .command('send')
    .description('e-mail built decks to their distribution lists (SMTP settings from TRAPPA_SMTP_* variables)')
    .option('-d, --deck <id...>', 'deck id(s) to send')
    .option('-a, --all', 'send every deck that has a distribution list')
    .option('--dry-run', 'print who would get what, and send nothing')
    .option('--resend', 'send again to recipients who already got this version')
    .action(async (flags: SendFlags, cmd: Command) => {
      const options = projectOptions(cmd);
      const { decks } = await outgoingDecks(options, flags);
      const email = await import('../post/email/index.js');
      const smtp = flags.dryRun ? undefined : await email.loadSmtpConfig({ dataDir: resolvePaths(options).dataDir });
      const report = await email.sendDecks(decks, {
        smtp,
        logFile: path.join(outputDir(options), 'send-log.jsonl'),
        templatesDir: resolvePaths(options).templatesDir,
        dryRun: flags.dryRun,
        resend: flags.resend,
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
    .action(async (flags: SendFlags, cmd: Command) => {
      const options = projectOptions(cmd);
      const { project, decks } = await outgoingDecks(options, flags);
      const email = await import('../post/email/index.js');
      const files = await email.writeDrafts(decks, {
        outDir: path.join(outputDir(options), 'drafts'),
        templatesDir: resolvePaths(options).templatesDir,
      });
      for (const file of files) console.log(`✓ ${path.relative(process.cwd(), file)}`);
    });
}
