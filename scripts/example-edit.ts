/**
 * Stands in for PowerPoint in the README's worked example ("Edited in PowerPoint? Bring it
 * back"): makes storledermote-redigert.pptx from the built storledermote deck with the edits
 * the example shows, written as PowerPoint writes them (split runs, a copied bullet paragraph;
 * test/helpers/edit-pptx.ts). test/readme-absorb.test.ts runs it and compares with the README.
 *
 *   npm run example:edit [-- OUTPUT_DIR]     reads OUTPUT_DIR (default output/), writes ./storledermote-redigert.pptx
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { addParagraph, editRun, openDeck, saveDeck } from '../test/helpers/edit-pptx.js';

export const EDITED = 'storledermote-redigert.pptx';

/** The edited deck's bytes, from the built deck's. */
export function exampleEdits(built: Uint8Array): Uint8Array {
  const parts = openDeck(built);
  editRun(parts, 2, 'Trinn 1', 'Steg 1');
  editRun(parts, 3, 'bedre tjenester', 'bedre og enklere tjenester');
  editRun(parts, 9, 'Rådmenn-/MHD', 'Rådmennene', undefined);
  addParagraph(parts, 11, 'Ta budskapene med inn i møtene i egen enhet', 'Del foilene med egne ansatte');
  return saveDeck(parts);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = path.resolve(process.argv[2] ?? 'output');
  const built = readdirSync(outDir)
    .filter((f) => /^storledermote-v.*\.pptx$/.test(f))
    .sort()
    .at(-1);
  if (!built) throw new Error(`no storledermote deck in ${outDir}: run npx trappa build --deck storledermote first`);
  writeFileSync(EDITED, exampleEdits(readFileSync(path.join(outDir, built))));
  console.log(`${EDITED}: ${built} with the README's edits`);
}
