/**
 * Edits a built deck's slide XML the way PowerPoint saves an edit: a changed word splits its
 * run (the edited part gets its own `a:r` with `dirty="0"`, PowerPoint's spell-check mark
 * `err="1"` on the new words), an added bullet is a copy of its neighbour paragraph, a
 * deleted slide leaves the presentation's list, its relationship and its part, an added
 * slide is a new part on the same layout with a title and a body placeholder.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { escapeXml } from '../../src/ooxml/escape.js';

export type Parts = Map<string, Uint8Array>;

export const openDeck = (bytes: Uint8Array): Parts => new Map(Object.entries(unzipSync(bytes)));
export const saveDeck = (parts: Parts): Uint8Array => zipSync(Object.fromEntries(parts));

const text = (parts: Parts, name: string): string => strFromU8(parts.get(name)!);
const setText = (parts: Parts, name: string, value: string): void => void parts.set(name, strToU8(value));

/** Slide part names in presentation order. */
export function slideParts(parts: Parts): string[] {
  const rels = text(parts, 'ppt/_rels/presentation.xml.rels');
  const target = (id: string): string =>
    `ppt/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)}`;
  return [...text(parts, 'ppt/presentation.xml').matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)].map((m) => target(m[1]!));
}

/** The a:t elements of a part, with their (escaped) texts and offsets. */
function runsOf(xml: string): { start: number; end: number; text: string }[] {
  return [...xml.matchAll(/<a:r>(<a:rPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:rPr>))?<a:t>([^<]*)<\/a:t><\/a:r>/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[2]!,
  }));
}

/**
 * Replaces `from` with `to` inside the first run of slide `n` (1-based) that contains it (in the
 * paragraph `inParagraph`, when given), as PowerPoint writes such an edit: the run split into
 * before / edited / after runs.
 */
export function editRun(parts: Parts, n: number, from: string, to: string, inParagraph?: string): void {
  const part = slideParts(parts)[n - 1]!;
  const xml = text(parts, part);
  const wanted = escapeXml(from);
  const within = inParagraph === undefined ? { start: 0, end: xml.length } : paragraph(xml, inParagraph);
  const run = runsOf(xml).find((r) => r.start >= within.start && r.end <= within.end && r.text.includes(wanted));
  if (!run) throw new Error(`slide ${n} has no run with «${from}»`);
  const whole = xml.slice(run.start, run.end);
  const rPr = /<a:rPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:rPr>)/.exec(whole)?.[0] ?? '<a:rPr/>';
  const marked = rPr.replace(/^<a:rPr\b/, '<a:rPr err="1"').replace(/\s(dirty)="[^"]*"/, '');
  const at = run.text.indexOf(wanted);
  const piece = (props: string, t: string): string => (t ? `<a:r>${props}<a:t>${t}</a:t></a:r>` : '');
  const replaced =
    piece(rPr, run.text.slice(0, at)) + piece(marked, escapeXml(to)) + piece(rPr, run.text.slice(at + wanted.length));
  setText(parts, part, xml.slice(0, run.start) + replaced + xml.slice(run.end));
}

/** The a:p of slide `n` whose text is `paragraph`, with its offsets. */
function paragraph(xml: string, paragraphText: string): { start: number; end: number; xml: string } {
  for (const m of xml.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)) {
    const texts = [...m[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('');
    if (texts === escapeXml(paragraphText)) return { start: m.index, end: m.index + m[0].length, xml: m[0] };
  }
  throw new Error(`no paragraph «${paragraphText}»`);
}

/** A new bullet after the paragraph `after` on slide `n`: its copy with the new text in one run. */
export function addParagraph(parts: Parts, n: number, after: string, value: string): void {
  const part = slideParts(parts)[n - 1]!;
  const xml = text(parts, part);
  const p = paragraph(xml, after);
  const runs = runsOf(p.xml);
  const first = p.xml
    .slice(runs[0]!.start, runs[0]!.end)
    .replace(/<a:t>[^<]*<\/a:t>/, `<a:t>${escapeXml(value)}</a:t>`);
  const copy = p.xml.slice(0, runs[0]!.start) + first + p.xml.slice(runs.at(-1)!.end);
  setText(parts, part, xml.slice(0, p.end) + copy + xml.slice(p.end));
}

export function removeParagraph(parts: Parts, n: number, paragraphText: string): void {
  const part = slideParts(parts)[n - 1]!;
  const xml = text(parts, part);
  const p = paragraph(xml, paragraphText);
  setText(parts, part, xml.slice(0, p.start) + xml.slice(p.end));
}

/** Deletes slide `n`: from the slide list, the presentation's relationships, the content types and the package. */
export function deleteSlide(parts: Parts, n: number): void {
  const part = slideParts(parts)[n - 1]!;
  const target = part.replace(/^ppt\//, '');
  const relsName = 'ppt/_rels/presentation.xml.rels';
  const rels = text(parts, relsName);
  const id = new RegExp(`<Relationship [^>]*Id="([^"]+)"[^>]*Target="${target}"`).exec(rels)![1]!;
  setText(parts, relsName, rels.replace(new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`), ''));
  const pres = text(parts, 'ppt/presentation.xml');
  setText(parts, 'ppt/presentation.xml', pres.replace(new RegExp(`<p:sldId [^>]*r:id="${id}"/>`), ''));
  const types = text(parts, '[Content_Types].xml');
  setText(parts, '[Content_Types].xml', types.replace(new RegExp(`<Override PartName="/${part}"[^>]*/>`), ''));
  parts.delete(part);
  parts.delete(part.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels'));
}

/** A new slide after slide `after` on the layout of that slide: a title and a body placeholder with bullets. */
export function addSlide(parts: Parts, after: number, title: string, bullets: string[]): void {
  const order = slideParts(parts);
  const number =
    Math.max(...[...parts.keys()].map((k) => Number(/^ppt\/slides\/slide(\d+)\.xml$/.exec(k)?.[1] ?? 0))) + 1;
  const part = `ppt/slides/slide${number}.xml`;
  const layoutRel = /<Relationship [^>]*\/slideLayout"[^>]*\/>/.exec(
    text(parts, order[after - 1]!.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels')),
  )![0];
  setText(
    parts,
    part.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels'),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${layoutRel.replace(/Id="[^"]+"/, 'Id="rId1"')}</Relationships>`,
  );
  const para = (t: string): string => `<a:p><a:r><a:rPr lang="nb-NO" dirty="0"/><a:t>${escapeXml(t)}</a:t></a:r></a:p>`;
  const shape = (id: number, name: string, ph: string, paragraphs: string[]): string =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs.map(para).join('')}</p:txBody></p:sp>`;
  setText(
    parts,
    part,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>' +
      shape(2, 'Title 1', '<p:ph type="title"/>', [title]) +
      shape(3, 'Content Placeholder 2', '<p:ph idx="1"/>', bullets) +
      '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>',
  );
  const relsName = 'ppt/_rels/presentation.xml.rels';
  const rId = `rIdAdded${number}`;
  setText(
    parts,
    relsName,
    text(parts, relsName).replace(
      '</Relationships>',
      `<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide${number}.xml"/></Relationships>`,
    ),
  );
  const pres = text(parts, 'ppt/presentation.xml');
  const ids = [...pres.matchAll(/<p:sldId id="(\d+)"/g)].map((m) => Number(m[1]));
  const entries = [...pres.matchAll(/<p:sldId [^>]*\/>/g)];
  const anchor = entries[after - 1]!;
  const insertAt = anchor.index + anchor[0].length;
  setText(
    parts,
    'ppt/presentation.xml',
    `${pres.slice(0, insertAt)}<p:sldId id="${Math.max(...ids) + 1}" r:id="${rId}"/>${pres.slice(insertAt)}`,
  );
  const types = text(parts, '[Content_Types].xml');
  setText(
    parts,
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/></Types>`,
    ),
  );
}

/** Replaces the table cell `a:tc` of slide `n` whose paragraphs' texts, one a line, are `cellText` with `edit` of it. */
export function editCell(parts: Parts, n: number, cellText: string, edit: (tc: string) => string): void {
  const part = slideParts(parts)[n - 1]!;
  const xml = text(parts, part);
  const lines = (tc: string): string =>
    [...tc.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)]
      .map((p) => [...p[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''))
      .join('\n');
  const cell = [...xml.matchAll(/<a:tc>[\s\S]*?<\/a:tc>/g)].find((m) => lines(m[0]) === escapeXml(cellText));
  if (!cell) throw new Error(`slide ${n} has no table cell «${cellText}»`);
  setText(parts, part, xml.slice(0, cell.index) + edit(cell[0]) + xml.slice(cell.index + cell[0].length));
}
