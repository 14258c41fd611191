/**
 * `changes: since-sent` on a deck's changes slide: before layout, find the version last sent to
 * the deck's audience (the highest version below the current one with a confirmed delivery in
 * its release record), read what that file showed, build the current deck's texts in memory
 * and compare them slide by slide (compare.ts). The result goes into the plan as plain data for
 * the slide (slides/sent-changes.ts). Decks without the option are returned untouched.
 *
 * The base is strictly below the current version, so sending the current version later does
 * not change what its own changes slide says (its bytes stay those of the built file).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderDeck } from '../build-deck.js';
import { InputError } from '../errors.js';
import { loadProject, type Project } from '../data/load-project.js';
import { type DeckPlan, findDeck, resolveDeck, wantsSentChanges } from '../plan/resolve-deck.js';
import type { SentChanges } from '../plan/sent-changes.js';
import { sha256Hex } from '../sha256.js';
import { compareVersions } from '../versions/manifest.js';
import { readRecords, releaseDir, type ReleaseRecord } from '../versions/records.js';
import { checkoutRelease } from '../versions/snapshots.js';
import { readDeckTexts, type SlideTexts } from '../absorb/read-texts.js';
import { compareDecks } from './compare.js';
import { english, said } from '../messages/catalogue.js';

/** The highest version below `version` of the deck whose delivery was confirmed. */
async function lastSentBefore(outDir: string, deckId: string, version: string): Promise<ReleaseRecord | undefined> {
  const { records } = await readRecords(outDir);
  return records
    .filter((r) => r.deckId === deckId && r.sentAt && compareVersions(r.version, version) < 0)
    .sort((x, y) => compareVersions(y.version, x.version))[0];
}

/** The release snapshot of the sent version, built again (its changes slide as it was; it is left out of the comparison). */
async function releasedSlides(outDir: string, record: ReleaseRecord): Promise<{ slides: SlideTexts[]; date: string }> {
  const checkout = await checkoutRelease(releaseDir(outDir, record.deckId, record.version));
  try {
    const loaded = await loadProject({ root: checkout.root });
    if (!loaded.ok) throw new InputError(loaded.issues);
    const source = findDeck(loaded.value, record.deckId);
    if (!source) throw new InputError([{ file: checkout.root, message: `the snapshot has no deck ${record.deckId}` }]);
    const plan = resolveDeck(loaded.value, source);
    const rendered = await renderDeck(loaded.value, plan, { check: false });
    return { slides: readDeckTexts(rendered.bytes).slides, date: plan.strategy.date };
  } finally {
    await checkout.cleanup();
  }
}

/** The slides the audience received: the sent file when its bytes are still the recorded ones, else the release rebuilt. */
async function sentSlides(
  plan: DeckPlan,
  outDir: string,
  record: ReleaseRecord,
): Promise<{ slides: SlideTexts[]; date?: string }> {
  const bytes = record.file ? await readFile(path.join(outDir, record.file)).catch(() => undefined) : undefined;
  if (bytes && record.sha256 === sha256Hex(bytes)) {
    const texts = readDeckTexts(new Uint8Array(bytes));
    const created = /<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})/.exec(texts.package.xml.get('docProps/core.xml') ?? '');
    return { slides: texts.slides, ...(created ? { date: created[1] } : {}) };
  }
  if (record.files.length > 0) return releasedSlides(outDir, record);
  const at = plan.slides.findIndex((s) => s.kind === 'changes');
  throw new InputError([
    {
      ...plan.locateDeck(['slides', at, 'changes']),
      message: english(
        said('ver.sinceSentGone', {
          deck: record.deckId,
          version: record.version,
          file: record.file ?? said('word.itsFile'),
          folder: outDir,
        }),
      ),
    },
  ]);
}

/** A changes slide: its texts all come from the history (or the sent-changes list, tagged the same). */
function isChangesSlide(slide: SlideTexts): boolean {
  const body = slide.elements.filter(
    (e) => e.placeholder !== 'title' && !/^(ftr|dt|sldNum)\b/.test(e.placeholder ?? ''),
  );
  return body.length > 0 && body.every((e) => /#history$/.test(e.source ?? ''));
}

/**
 * The current deck's texts as they would read at the sent version's number and date, so the
 * title slide's "Versjon 0.2 · 26. januar 2004" is not listed as a change (the slide's intro says it).
 */
async function currentSlides(project: Project, plan: DeckPlan, version: string, date?: string): Promise<SlideTexts[]> {
  const strategy = { ...plan.strategy, version, ...(date ? { date } : {}) };
  const slides = plan.slides.filter((s) => s.kind !== 'changes');
  const rendered = await renderDeck(project, { ...plan, strategy, slides }, { check: false });
  return readDeckTexts(rendered.bytes).slides;
}

/** The plan with `sentChanges` filled in when its changes slide asks for them. */
export async function addSentChanges(project: Project, plan: DeckPlan, outDir: string): Promise<DeckPlan> {
  if (!wantsSentChanges(plan)) return plan;
  const record = await lastSentBefore(outDir, plan.deck.id, plan.strategy.version);
  if (!record?.sentAt) return { ...plan, sentChanges: { sent: false } };
  const sent = await sentSlides(plan, outDir, record);
  const now = await currentSlides(project, plan, record.version, sent.date);
  const slides = compareDecks(
    sent.slides.filter((s) => !isChangesSlide(s)),
    now,
  )
    .filter((d) => d.status !== 'same')
    .map(({ title, status, changes }) => ({ title, status: status as 'changed' | 'added' | 'removed', changes }));
  const sentChanges: SentChanges = { sent: true, version: record.version, sentAt: record.sentAt.slice(0, 10), slides };
  return { ...plan, sentChanges };
}
