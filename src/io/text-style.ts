/**
 * Editing a user's text file (a YAML strategy, a deck definition) without changing what the
 * edit did not touch: its line endings and its byte order mark. Files written on Windows often
 * have CRLF line endings, and Notepad used to start UTF-8 files with a BOM; an edit that wrote
 * its own lines with LF (or dropped the BOM) would leave a file with mixed endings and a diff
 * over every line. The edit works on plain text (LF, no BOM); the file's style is put back.
 * For `trappa bump` here, and for the Studio's save and `trappa absorb` (the same helpers).
 */
import { readFile } from 'node:fs/promises';
import type { RenamePolicy } from './rename-retry.js';
import { saveAtomically } from './save-file.js';

/** How a text file writes its lines. */
export interface TextStyle {
  bom: boolean;
  eol: '\n' | '\r\n';
}

const BOM = '\uFEFF';
const PLAIN: TextStyle = { bom: false, eol: '\n' };

/** The file's text as LF without BOM, and its style. The ending most of its lines use wins. */
export function splitTextStyle(raw: string): { text: string; style: TextStyle } {
  const bom = raw.startsWith(BOM);
  const body = bom ? raw.slice(1) : raw;
  const crlf = count(body, '\r\n');
  const lf = count(body, '\n') - crlf;
  return { text: crlf === 0 ? body : body.replace(/\r\n/g, '\n'), style: { bom, eol: crlf > lf ? '\r\n' : '\n' } };
}

/** How often `what` occurs in `text`, without splitting it (a 2 MB file has 60,000 lines; the Studio saves it on its request loop). */
function count(text: string, what: string): number {
  let n = 0;
  for (let at = text.indexOf(what); at !== -1; at = text.indexOf(what, at + what.length)) n++;
  return n;
}

/** Text (any line endings) written in `style`: every line ends the same way, the BOM as before. */
export function applyTextStyle(text: string, style: TextStyle): string {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  return (style.bom ? BOM : '') + (style.eol === '\r\n' ? body.replace(/\n/g, '\r\n') : body);
}

/** The style of the file at `file`; LF without BOM when it does not exist yet. */
async function textStyleOf(file: string): Promise<TextStyle> {
  const raw = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return raw === undefined ? PLAIN : splitTextStyle(raw).style;
}

/**
 * Edits a text file in place (atomically), keeping its line endings and BOM: `edit` gets and
 * returns LF text without BOM. Returns what `edit` returned.
 */
export async function editTextFile(
  file: string,
  edit: (text: string) => string,
  policy?: RenamePolicy,
): Promise<string> {
  const { text, style } = splitTextStyle(await readFile(file, 'utf8'));
  const edited = edit(text);
  await saveAtomically(file, applyTextStyle(edited, style), policy);
  return edited;
}

/** Saves `text` over an existing file in that file's style (an editor sends LF text without BOM). */
export async function saveTextInFileStyle(file: string, text: string, policy?: RenamePolicy): Promise<void> {
  await saveAtomically(file, applyTextStyle(text, await textStyleOf(file)), policy);
}
