/** What a test checks in an output folder after concurrent or killed runs: nothing partial, nothing lost. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { expect } from 'vitest';
import { readRecords, type ReleaseRecord } from '../../src/versions/records.js';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
export const shaOfFile = (file: string): string => sha256(readFileSync(file));

/** Names Trappa gives its temporary files and folders (versions/save-file.ts). */
export const TEMP_NAME = /^\.[0-9a-f]{12}\.\d+\.[0-9a-f]{8}\.tmp/;

/** Temporary files or folders left in the output folder or releases/. */
export function strayTemps(outDir: string): string[] {
  const list = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((n) => TEMP_NAME.test(n))
          .map((n) => path.join(dir, n))
      : [];
  return [...list(outDir), ...list(path.join(outDir, 'releases'))];
}

/** Every deck file is a whole zip, the manifest (when present) is whole JSON. */
export function expectNothingPartial(outDir: string): void {
  if (!existsSync(outDir)) return; // killed before it made the folder
  for (const name of readdirSync(outDir).filter((n) => n.endsWith('.pptx'))) {
    expect(() => unzipSync(readFileSync(path.join(outDir, name))), name).not.toThrow();
  }
  const manifest = path.join(outDir, 'manifest.json');
  if (existsSync(manifest)) expect(() => JSON.parse(readFileSync(manifest, 'utf8'))).not.toThrow();
}

/** Every release record names a file that exists with exactly the recorded bytes. */
export async function expectReleasesIntact(outDir: string): Promise<ReleaseRecord[]> {
  const { records, damaged } = await readRecords(outDir);
  expect(damaged).toEqual([]);
  for (const r of records) {
    expect(r.file, `${r.deckId} v${r.version}`).toBeDefined();
    expect(shaOfFile(path.join(outDir, r.file!)), `${r.deckId} v${r.version}`).toBe(r.sha256);
  }
  return records;
}

/** Reads the manifest file as written (not as the records complete it). */
export function manifestOnDisk(outDir: string): {
  entries: Record<string, { file: string; sha256: string; status: string; sentAt?: string }>;
} {
  return JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
}

/** Adds one-slide decks (text only) to a project copy: the cheapest real builds, for tests that run many. */
export function addTinyDecks(root: string, ids: readonly string[]): void {
  for (const id of ids) {
    writeFileSync(
      path.join(root, 'data/decks', `${id}.yaml`),
      `id: ${id}\naudience: { name: Testpublikum, groups: [] }\nslides: [what-why]\n`,
    );
  }
}
