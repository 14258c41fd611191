/**
 * The pictures behind a template's text, decoded once when the template is loaded: the
 * backgrounds and art pictures of the layouts the deck uses and of their masters (no other
 * media is decoded), each within decode-raster.ts's limits.
 */
import { decodeRaster, type Raster } from '../images/decode-raster.js';
import type { LayoutInfo, MasterSet } from '../pptx/master-set.js';
import { targets } from './read-master-set.js';

/** `cacheDir` keeps the decoded pictures between builds (decode-raster.ts). */
export async function templatePictures(
  set: MasterSet,
  used: LayoutInfo[],
  cacheDir?: string,
): Promise<Map<string, Raster>> {
  const sources = new Set<string>();
  for (const layout of used) {
    sources.add(layout.part);
    for (const master of targets(set.parts, layout.part, '/slideMaster')) sources.add(master);
  }
  const media = new Set([...sources].flatMap((source) => targets(set.parts, source, '/image')));
  const pictures = new Map<string, Raster>();
  for (const name of [...media].sort()) {
    const bytes = set.parts.get(name);
    const raster = bytes && (await decodeRaster(bytes, cacheDir));
    if (raster) pictures.set(name, raster);
  }
  return pictures;
}
