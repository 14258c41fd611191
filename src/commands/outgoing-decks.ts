/**
 * Which built decks `trappa send` and `trappa draft` send: those asked for (every deck with a
 * distribution list by default), each with its attachments, refused when a built file is
 * missing or is not the one Trappa built from the current data.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadProject, type Project } from '../data/load-project.js';
import { InputError, type Issue } from '../errors.js';
import { type DeckPlan, resolveDeck } from '../plan/resolve-deck.js';
import type { OutgoingDeck } from '../post/email/types.js';
import { sha256OfFile } from '../sha256.js';
import { deckInputFiles, inputsHashMatches, parsedInputs } from '../versions/input-hash.js';
import { getEntry, readManifest } from '../versions/manifest.js';
import { outputDir, type ProjectOptions } from './shared.js';

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/**
 * A readable attachment name with æøå, e.g.
 * "Kommunikasjonsstrategi Innherred Samkommune – Storledermøte – v0.2.pptx".
 */
function attachmentName(plan: DeckPlan, ext: string): string {
  const meeting = plan.deck.meeting ? ` – ${plan.deck.meeting.name}` : '';
  return `${plan.deck.title ?? plan.strategy.name}${meeting} – v${plan.strategy.version}.${ext}`.replace(
    /[\\/:*?"<>|]/g,
    '-',
  );
}

function outgoing(plan: DeckPlan, outDir: string, issues: Issue[]): OutgoingDeck | undefined {
  const { deck, strategy } = plan;
  if (!deck.distribution) {
    issues.push({
      file: plan.deckFile,
      field: 'distribution',
      message: `deck '${deck.id}' has no distribution list; add distribution: { to: [...] }`,
    });
    return undefined;
  }
  const pptx = path.join(outDir, `${plan.baseName}.pptx`);
  if (!existsSync(pptx)) {
    issues.push({
      file: path.relative(process.cwd(), pptx),
      message: `not built yet; run: trappa build --deck ${deck.id}`,
    });
    return undefined;
  }
  const pdf = path.join(outDir, `${plan.baseName}.pdf`);
  const planRow = strategy.actionPlan.find((r) => r.id !== undefined && r.id === deck.meeting?.planRow);
  const contact = strategy.organisation.contact;
  const contactName = contact?.name && contact.name !== strategy.organisation.name ? contact.name : undefined;
  return {
    deckId: deck.id,
    version: strategy.version,
    context: {
      title: deck.title ?? strategy.name,
      strategy: strategy.organisation.name,
      audience: deck.audience.name,
      // Left out when missing, so the templates print no empty brackets and no name twice.
      ...(deck.meeting ? { meeting: deck.meeting } : {}),
      date: strategy.date,
      presenter: deck.meeting?.presenter,
      purpose: planRow?.purpose,
      ...(contactName || contact?.email || contact?.phone
        ? { contact: { name: contactName, email: contact?.email, phone: contact?.phone } }
        : {}),
      language: deck.language,
    },
    attachments: [
      { path: pptx, filename: attachmentName(plan, 'pptx'), contentType: PPTX },
      ...(existsSync(pdf)
        ? [{ path: pdf, filename: attachmentName(plan, 'pdf'), contentType: 'application/pdf' }]
        : []),
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
      issues.push({
        file: shown,
        message:
          `is not the file trappa built for ${deck.deckId} v${deck.version} (changed or copied by hand); run: ` +
          `trappa build --deck ${deck.deckId}`,
      });
    } else if (!(await inputsHashMatches(entry.inputsHash, deckInputFiles(project, source), parsedInputs(project)))) {
      issues.push({
        file: shown,
        message: `is older than its data or templates; run: trappa build --deck ${deck.deckId} before sending`,
      });
    }
  }
  return issues;
}

export async function outgoingDecks(
  options: ProjectOptions,
  flags: { deck?: string[]; all?: boolean },
): Promise<{ project: Project; decks: OutgoingDeck[] }> {
  const loaded = await loadProject(options);
  if (!loaded.ok) throw new InputError(loaded.issues);
  const project = loaded.value;
  const wanted =
    flags.all || !flags.deck?.length ? project.decks : project.decks.filter((d) => flags.deck!.includes(d.deck.id));
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
