/**
 * Absorbed changes → the YAML files, edited, not rewritten: data/yaml-edit.ts changes only
 * the nodes whose values changed (comments, key order, quoting and untouched lines stay),
 * and the file's line endings (CRLF) and byte-order mark are put back as they were. Every
 * file is read back and must hold exactly the value meant; all files are saved as one
 * step (temporary files, then renames) under the output folder's lock.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { editYamlText } from '../data/yaml-edit.js';
import { prepareSave, saveAllOrNothing } from '../io/save-file.js';
import { applyTextStyle, splitTextStyle } from '../io/text-style.js';
import { withOutputLock } from '../versions/lock.js';
import { sameValue } from './field-path.js';

export interface FileEdit {
  /** Absolute path. */
  file: string;
  /** As the user sees it. */
  shown: string;
  before: string;
  after: string;
}

/** The text of a YAML file holding `next`, edited from `text` in its own style. */
function editKeepingStyle(raw: string, next: unknown): string {
  const { text, style } = splitTextStyle(raw);
  const out = applyTextStyle(editYamlText(text, next), style);
  const check = parseDocument(out.replace(/^\uFEFF/, ''));
  if (check.errors.length > 0 || !sameValue(check.toJS(), next))
    throw new Error('internal: editing the YAML produced another value; nothing was written');
  return out;
}

/** Reads the file and prepares its edited text. */
export async function planFileEdit(file: string, shown: string, next: unknown): Promise<FileEdit> {
  const before = await readFile(file, 'utf8');
  return { file, shown, before, after: editKeepingStyle(before, next) };
}

/**
 * Saves every edit, or none. The files must still be as they were read (another editor may
 * have saved meanwhile): then nothing is written and the user runs absorb again.
 */
export async function saveEdits(outDir: string, edits: FileEdit[]): Promise<void> {
  await withOutputLock(outDir, async () => {
    for (const edit of edits) {
      if ((await readFile(edit.file, 'utf8')) !== edit.before)
        throw new Error(`${edit.shown} changed while absorbing; nothing was written, run trappa absorb again`);
    }
    await saveAllOrNothing(edits.map((e) => prepareSave(e.file, e.after)));
  });
}
