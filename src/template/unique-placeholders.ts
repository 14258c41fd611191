/**
 * Layouts whose placeholders share a kind and index: LibreOffice saves a two-content layout's
 * bodies as two bare `<p:ph/>`, so a slide's placeholder cannot say which of them it fills
 * (PowerPoint and LibreOffice both put every such text in one of the two places). Each
 * placeholder after the first of its kind and index gets an index of its own, as PowerPoint
 * gives when it saves a layout; nothing else of the part changes.
 */
import { bytesOfText, textOfBytes } from '../ooxml/part-text.js';
import type { PartMap } from './read-master-set.js';

const PH = /<p:ph\b([^>]*?)(\/?)>/g;
/** Kinds that PowerPoint matches as one (a bare `p:ph` is a content placeholder). */
const kindOf = (type: string | undefined) => (!type || type === 'obj' || type === 'body' ? 'body' : type);

function uniqueIndexes(xml: string): string {
  const tags = [...xml.matchAll(PH)].map((m) => ({
    type: /\btype="([^"]*)"/.exec(m[1]!)?.[1],
    idx: /\bidx="([^"]*)"/.exec(m[1]!)?.[1],
  }));
  const used = new Set(tags.map((t) => t.idx ?? '0'));
  const seen = new Set<string>();
  let next = 10;
  return xml.replace(PH, (tag, attributes: string, close: string) => {
    const t = tags.shift()!;
    const key = `${kindOf(t.type)}|${t.idx ?? '0'}`;
    if (!seen.has(key)) {
      seen.add(key);
      return tag;
    }
    while (used.has(String(next))) next++;
    used.add(String(next));
    // idx after type, orient and sz in the schema's order: appended, or in place of the old one.
    const rest = attributes.replace(/\s*\bidx="[^"]*"/, '').replace(/\s*\bhasCustomPrompt="[^"]*"/, '');
    const prompt = /\bhasCustomPrompt="[^"]*"/.exec(attributes)?.[0];
    return `<p:ph${rest} idx="${next}"${prompt ? ` ${prompt}` : ''}${close}>`;
  });
}

/** The parts with every slide layout's placeholders uniquely indexed (a new map; unchanged parts shared). */
export function withUniquePlaceholders(parts: PartMap): PartMap {
  const out: PartMap = new Map(parts);
  for (const [name, bytes] of parts) {
    if (!/^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)) continue;
    const xml = textOfBytes(bytes);
    const fixed = uniqueIndexes(xml);
    if (fixed !== xml) out.set(name, bytesOfText(fixed));
  }
  return out;
}
