/**
 * The Studio's «Ta inn fra PowerPoint»: a .pptx dropped on the page comes here (base64 in the
 * JSON body) and goes through `trappa absorb`; the answer lists every change field by field,
 * and a second request writes the ones the user accepted (with their choice for conflicts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { absorbDeck } from '../absorb/absorb.js';
import { formatIssue, InputError, TrappaError } from '../errors.js';
import type { Messages } from '../messages/catalogue.js';
import { translateIssues, translateText } from '../messages/issue-text.js';
import type { ProjectPathOptions } from '../project-paths.js';

/** What the page sends (a JSON body). */
interface AbsorbRequest {
  /** The file's bytes, base64. */
  data: string;
  /** Write the accepted changes (else only show them). */
  write?: boolean;
  /** `file#field` of the changes to write. */
  accept?: string[];
  /** `FIELD=deck|data` for conflicts, as `trappa absorb --take`. */
  take?: string[];
}

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

/**
 * Runs absorb on the dropped file; a user error comes back as `{ error }` in plain words, and
 * what could not be taken in (`unmapped`) in the Studio's language.
 */
export async function absorbDropped(
  paths: ProjectPathOptions,
  body: Partial<Record<keyof AbsorbRequest, unknown>>,
  { say, lang }: Messages,
): Promise<unknown> {
  if (typeof body.data !== 'string') return { error: say('absorbNoFile') };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trappa-absorb-'));
  try {
    const file = path.join(dir, 'dropped.pptx');
    await writeFile(file, Buffer.from(body.data, 'base64'));
    const result = await absorbDeck({
      ...paths,
      file,
      dryRun: body.write !== true,
      only: strings(body.accept),
      take: strings(body.take),
    });
    const { files: _files, ...shown } = result;
    const unmapped = result.unmapped.map((u) => ({ ...u, what: translateText(u.what, lang) }));
    return { ...shown, unmapped };
  } catch (error) {
    if (error instanceof InputError) {
      const issues = translateIssues(error.issues, lang).map((i) => formatIssue({ ...i, file: say('theFile') }));
      return { error: issues.join('\n') };
    }
    if (error instanceof TrappaError) return { error: translateText(error.message, lang) };
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
