/**
 * `trappa absorb FILE.pptx`, top to bottom: identify the deck → rebuild what Trappa wrote →
 * match slides and shapes → map the differences to data fields → check them against the
 * data as it is now (conflicts) → edit the YAML files. Nothing is written while a conflict
 * is open, and nothing at all with `dryRun`.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue, TrappaError } from '../errors.js';
import { parseYaml } from '../data/load-yaml.js';
import { deckSchema, strategySchema, themeSchema } from '../data/schema.js';
import { validateSource } from '../data/validate.js';
import { resolvePaths, type ProjectPathOptions } from '../project-paths.js';
import { nextVersion } from '../versions/decide.js';
import { RECORD, releaseDir } from '../versions/records.js';
import { applyChanges, composeChanges, type FieldChange } from './compose.js';
import { matchSlides } from './match.js';
import { mapToFields } from './map-to-fields.js';
import type { Unmapped } from './map-texts.js';
import { identify, rebuildBase, type BaseOrigin, type DataRole } from './rebuild.js';
import { planFileEdit, saveEdits, type FileEdit } from './write.js';

/** `deck` or `data` for every conflict, or `FIELD=deck|data` for one (FIELD as absorb prints it). */
type TakeChoice = string;

export interface AbsorbOptions extends ProjectPathOptions {
  /** The edited .pptx. */
  file: string;
  dryRun?: boolean;
  take?: TakeChoice[];
  /** Write only these changes (`file#field`, as `changes` name them); the rest stay as they are (the Studio's accept/reject). */
  only?: string[];
}

export interface AbsorbResult {
  deckId: string;
  version: string;
  origin: BaseOrigin;
  /** Every changed field, conflicts included, with the file it is in (as shown). */
  changes: (FieldChange & { file: string; take?: 'deck' | 'data' })[];
  unmapped: Unmapped[];
  /** Conflicts no --take decided: nothing was written. */
  open: FieldChange[];
  files: FileEdit[];
  written: boolean;
  /** The version was released or sent: the edits went into the current data, for the next version. */
  frozen?: { next: string; currentVersion: string };
}

/** The side taken for a change: a choice naming its field, else a choice for all. */
function takeFor(change: { field: string; file: string }, take: TakeChoice[]): 'deck' | 'data' | undefined {
  const named = take
    .map((t) => /^(.*)=(deck|data)$/.exec(t))
    .find((m) => m && (m[1] === change.field || m[1] === `${change.file}#${change.field}`));
  if (named) return named[2] as 'deck' | 'data';
  const all = take.find((t) => t === 'deck' || t === 'data');
  return all as 'deck' | 'data' | undefined;
}

function checkTake(take: TakeChoice[]): void {
  const bad = take.find((t) => !/^((.*)=)?(deck|data)$/.test(t));
  if (bad) throw new TrappaError(`--take ${bad}: write deck, data, or FIELD=deck|data (FIELD as absorb prints it)`);
}

export async function absorbDeck(options: AbsorbOptions): Promise<AbsorbResult> {
  const take = options.take ?? [];
  checkTake(take);
  const paths = resolvePaths(options);
  const shownFile = path.relative(process.cwd(), options.file) || options.file;
  const edited = identify(shownFile, new Uint8Array(await readFile(options.file)));
  const base = await rebuildBase(paths, {
    deckId: edited.deckId,
    version: edited.version,
    slides: edited.trappa.slides,
  });
  const pairs = matchSlides(base.texts.slides, edited.slides);
  const { edits, unmapped } = mapToFields(base, edited, pairs);
  const { current, currentDeck } = base;
  const sources: Record<DataRole, { file: string; value: unknown }> = {
    strategy: { file: current.strategySource.file, value: current.strategySource.doc.toJS() },
    theme: { file: current.themeSource.file, value: current.themeSource.doc.toJS() },
    deck: { file: currentDeck.source.file, value: currentDeck.source.doc.toJS() },
  };
  const values = { strategy: sources.strategy.value, theme: sources.theme.value, deck: sources.deck.value };
  const changes = composeChanges(base.data, values, edits, base.origin).map((c) => {
    const file = sources[c.role].file;
    return { ...c, file, take: c.conflict ? takeFor({ field: c.field, file }, take) : undefined };
  });
  const accepted = (c: { file: string; field: string }): boolean =>
    !options.only || options.only.includes(`${c.file}#${c.field}`);
  const open = changes.filter((c) => c.conflict && !c.take && accepted(c));
  const chosen = changes.filter((c) => (!c.conflict || c.take === 'deck') && accepted(c));
  const files: FileEdit[] = [];
  if (open.length === 0) {
    for (const role of ['strategy', 'theme', 'deck'] as DataRole[]) {
      const mine = chosen.filter((c) => c.role === role);
      if (mine.length === 0) continue;
      const { file } = sources[role];
      const edit = await planFileEdit(path.resolve(paths.root, file), file, applyChanges(values[role], mine));
      refuseInvalid(role, edit);
      files.push(edit);
    }
  }
  const written = !options.dryRun && files.length > 0;
  if (written) await saveEdits(paths.outDir, files);
  const frozen = (await isFrozen(paths.outDir, edited.deckId, edited.version))
    ? { next: nextVersion(edited.version), currentVersion: current.strategy.version }
    : undefined;
  return {
    deckId: edited.deckId,
    version: edited.version,
    origin: base.origin,
    changes,
    unmapped,
    open,
    files,
    written,
    frozen,
  };
}

const SCHEMAS = { strategy: strategySchema, theme: themeSchema, deck: deckSchema };

/** The edited file must still be valid data: a deck edit the schema refuses is not written. */
function refuseInvalid(role: DataRole, edit: FileEdit): void {
  const parsed = parseYaml(edit.shown, edit.after.replace(/^\uFEFF/, ''));
  const valid = parsed.ok ? validateSource(parsed.value, SCHEMAS[role]) : parsed;
  if (valid.ok) return;
  throw new TrappaError(
    `the edits would make ${edit.shown} invalid, so nothing was written:\n${valid.issues.map(formatIssue).join('\n')}`,
  );
}

/** Released or sent: the version has a record of its own (versions/records.ts). */
async function isFrozen(outDir: string, deckId: string, version: string): Promise<boolean> {
  return access(path.join(releaseDir(outDir, deckId, version), RECORD)).then(
    () => true,
    () => false,
  );
}
