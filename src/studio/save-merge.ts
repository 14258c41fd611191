/**
 * A save from the page: the page's value of one file, and the version (sha256 of the text)
 * it started from. When the file is still that version, the value is written as it is.
 * When someone saved meanwhile (another page, a text editor), the page's changes since its
 * version are merged into the file as it is now (value-merge.ts): fields the other writer
 * left alone take the page's value, and everything else of the file — the other writer's
 * lines, comments, formatting — stays (yaml-edit.ts writes only changed nodes). A field both
 * changed is a conflict: nothing is written and the page is told field by field.
 */
import { parseDocument } from 'yaml';
import { sha256Hex } from '../sha256.js';
import { changesBetween, mergeChanges, type Conflict } from '../data/value-merge.js';
import { editYamlText } from '../data/yaml-edit.js';

export type Planned =
  /** The text to write. `merged` when other changes were kept beside the page's. */
  | { kind: 'write'; text: string; merged: boolean }
  /** Both changed the same fields; `current` is the file now, for the page to choose from. */
  | { kind: 'conflict'; conflicts: Conflict[]; current: { version: string; value: unknown } }
  /** The page's version is no longer known (the studio restarted): the page must reload. */
  | { kind: 'unknown-version' };

export interface SaveInput {
  /** The file's text now. */
  current: string;
  /** Its version, when known (the studio read it): not hashed again. @default sha256 of `current` */
  currentVersion?: string;
  /** The version the page loaded. */
  version: string;
  /** The page's value of the file. */
  value: unknown;
  /** A text by its version, as the studio remembers them. */
  textOf: (version: string) => string | undefined;
  /** Writes a value into a text (the studio's splices of its kept parse). @default editYamlText */
  write?: (text: string, value: unknown) => string;
}

/** The plain value of a YAML text, as the page edits it. */
export const plainValue = (text: string): unknown => parseDocument(text, { stringKeys: true }).toJS();

export function planSave({
  current,
  currentVersion,
  version,
  value,
  textOf,
  write = editYamlText,
}: SaveInput): Planned {
  const now = currentVersion ?? sha256Hex(current);
  if (now === version) return { kind: 'write', text: write(current, value), merged: false };
  const baseText = textOf(version);
  if (baseText === undefined) return { kind: 'unknown-version' };
  const base = plainValue(baseText);
  const { merged, conflicts } = mergeChanges(base, plainValue(current), changesBetween(base, value));
  if (conflicts.length > 0)
    return { kind: 'conflict', conflicts, current: { version: now, value: plainValue(current) } };
  return { kind: 'write', text: editYamlText(current, merged), merged: true };
}
