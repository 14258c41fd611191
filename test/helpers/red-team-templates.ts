/**
 * Hostile and unusual templates, derived with fflate from a real .potx (LibreOffice's, in
 * test/fixtures/templates): macros, pictures and hyperlinks pointing outside (http and
 * \\host\share), a UTF-16 layout, a broken part, a zip bomb, a DTD with an entity.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, constants, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { REPO } from './project.js';

type Parts = Record<string, Uint8Array>;
const BASE = path.join(REPO, 'test/fixtures/templates/impress.potx');
const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const MASTER_RELS = 'ppt/slideMasters/_rels/slideMaster1.xml.rels';
/** The layout "Title Slide". */
export const LAYOUT = 'ppt/slideLayouts/slideLayout2.xml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const base = (): Parts => unzipSync(readFileSync(BASE));
const text = (parts: Parts, name: string): string => strFromU8(parts[name]!);
const edit = (parts: Parts, name: string, change: (xml: string) => string): void => {
  parts[name] = strToU8(change(text(parts, name)));
};
const addRels = (parts: Parts, name: string, rels: string): void =>
  edit(parts, name, (xml) => xml.replace('</Relationships>', `${rels}</Relationships>`));
const addShapes = (parts: Parts, name: string, shapes: string): void =>
  edit(parts, name, (xml) => xml.replace('</p:spTree>', `${shapes}</p:spTree>`));

/** A .potm: vbaProject.bin with its content type and relationship, and an ActiveX-like OLE part on the master. */
export function macroTemplate(): Uint8Array {
  const parts = base();
  parts['ppt/vbaProject.bin'] = strToU8('Attribute VB_Name = "AutoOpen"\nSub AutoOpen(): Shell "calc.exe": End Sub');
  parts['ppt/embeddings/oleObject1.bin'] = strToU8('not a real OLE object, but a part no deck needs');
  edit(parts, '[Content_Types].xml', (xml) =>
    xml
      .replace(
        'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml',
        'application/vnd.ms-powerpoint.template.macroEnabled.main+xml',
      )
      .replace(
        '</Types>',
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
          '<Override PartName="/ppt/embeddings/oleObject1.bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/></Types>',
      ),
  );
  addRels(
    parts,
    'ppt/_rels/presentation.xml.rels',
    '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>',
  );
  addRels(
    parts,
    MASTER_RELS,
    `<Relationship Id="rIdOle" Type="${REL}/oleObject" Target="../embeddings/oleObject1.bin"/>`,
  );
  // The master names the OLE part from an attribute, as an embedded object would.
  edit(parts, MASTER, (xml) =>
    xml
      .replace('<p:cSld>', '<p:cSld>')
      .replace(/<p:cNvPr id="0" name=""\/>/, '<p:cNvPr id="0" name="" descr="ole" r:id="rIdOle"/>'),
  );
  return zipSync(parts);
}

/** A picture linked from http and one from \\host\share on the master; hyperlinks to both kinds on a layout. */
export function externalLinksTemplate(): Uint8Array {
  const parts = base();
  const picture = (id: number, rel: string) =>
    `<p:pic><p:nvPicPr><p:cNvPr id="${id}" name="Linked ${id}"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>` +
    `<p:blipFill><a:blip r:link="${rel}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
    `<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="360000" cy="360000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`;
  addShapes(parts, MASTER, picture(90, 'rIdHttp') + picture(91, 'rIdUnc'));
  addRels(
    parts,
    MASTER_RELS,
    `<Relationship Id="rIdHttp" Type="${REL}/image" Target="http://tracker.example/pixel.png" TargetMode="External"/>` +
      `<Relationship Id="rIdUnc" Type="${REL}/image" Target="\\\\host\\share\\logo.png" TargetMode="External"/>`,
  );
  const linked = (id: number, rel: string, label: string) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Link ${id}"><a:hlinkClick r:id="${rel}"/></p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="0" y="6400000"/><a:ext cx="1800000" cy="300000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-GB" sz="800"><a:hlinkClick r:id="${rel}"/></a:rPr><a:t>${label}</a:t></a:r></a:p></p:txBody></p:sp>`;
  addShapes(parts, LAYOUT, linked(92, 'rIdWeb', 'kommune.example') + linked(93, 'rIdShare', 'share'));
  addRels(
    parts,
    LAYOUT.replace('slideLayouts/', 'slideLayouts/_rels/').concat('.rels'),
    `<Relationship Id="rIdWeb" Type="${REL}/hyperlink" Target="https://kommune.example/" TargetMode="External"/>` +
      `<Relationship Id="rIdShare" Type="${REL}/hyperlink" Target="\\\\server\\share\\secret.docx" TargetMode="External"/>`,
  );
  return zipSync(parts);
}

/** The content layout in UTF-16 LE with a byte order mark, declared as UTF-16. */
export function utf16Template(): Uint8Array {
  const parts = base();
  const xml = text(parts, LAYOUT).replace('encoding="UTF-8"', 'encoding="UTF-16"');
  parts[LAYOUT] = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
  return zipSync(parts);
}

/**
 * The master and its layouts under names OPC allows and PowerPoint never writes: moved to
 * ppt/design/ (`Master_A.xml`, `layouts/L1.XML`, upper-case extension), reached by absolute
 * targets, with their content types overridden under the new names.
 */
export function movedPartsTemplate(): Uint8Array {
  const parts = base();
  const moves = new Map<string, string>([[MASTER, 'ppt/design/Master_A.xml']]);
  for (const name of Object.keys(parts)) {
    const n = /^ppt\/slideLayouts\/slideLayout(\d+)\.xml$/.exec(name)?.[1];
    if (n) moves.set(name, `ppt/design/layouts/L${n}.XML`);
  }
  const relsOf = (name: string) => name.replace(/([^/]+)$/, '_rels/$1.rels');
  for (const name of Object.keys(parts).filter((n) => n.endsWith('.rels'))) {
    const folder = name.replace(/_rels\/[^/]+$/, '');
    edit(parts, name, (xml) =>
      xml.replace(/Target="([^"]+)"/g, (whole, target: string) => {
        const moved = moves.get(new URL(target, `file:///${folder}`).pathname.slice(1));
        return moved ? `Target="/${moved}"` : whole;
      }),
    );
  }
  for (const [from, to] of moves) {
    parts[to] = parts[from]!;
    delete parts[from];
    if (parts[relsOf(from)]) {
      parts[relsOf(to)] = parts[relsOf(from)]!;
      delete parts[relsOf(from)];
    }
  }
  edit(parts, '[Content_Types].xml', (xml) =>
    xml.replace(/PartName="\/([^"]+)"/g, (whole, name: string) => {
      const moved = moves.get(name);
      return moved ? `PartName="/${moved}"` : whole;
    }),
  );
  return zipSync(parts);
}

/**
 * Every body place gone, the master's too (typeless `p:ph`, `obj`, `body`), on a 10-in-wide slide
 * (the template's x and widths scaled by 0.75): its title-only layouts must take the texts. With
 * `titleAtFoot`, the title of the master and of every layout but the cover stands at the slide's
 * foot (5.47 to 6.45 in of 7.5 in, above its footer places).
 */
export function bodylessTemplate(titleAtFoot = false): Uint8Array {
  const isBody = (ph: string) => !/\btype="/.test(ph) || /\btype="(body|obj)"/.test(ph);
  const lowered = (sp: string) =>
    sp.replace(
      /<a:off x="(\d+)" y="\d+"\/><a:ext cx="(\d+)" cy="\d+"\/>/,
      '<a:off x="$1" y="5000000"/><a:ext cx="$2" cy="900000"/>',
    );
  const atFoot = (name: string, ph: string, sp: string) =>
    titleAtFoot && name !== LAYOUT && /\btype="title"/.test(ph) ? lowered(sp) : sp;
  return narrowWithout(base(), /^ppt\/(slideLayouts|slideMasters)\/[^/]+\.xml$/, isBody, atFoot);
}

/**
 * No title place on any layout but the cover (Title Slide, its title a centred one as PowerPoint's):
 * the master keeps its own. On a 10-in slide, where the built-in page's 12.3-in title box does not fit.
 */
export function coverTitleOnlyTemplate(): Uint8Array {
  const parts = base();
  edit(parts, LAYOUT, (xml) => xml.replace('<p:ph type="title"/>', '<p:ph type="ctrTitle"/>'));
  const isTitle = (ph: string) => /\btype="title"/.test(ph);
  return narrowWithout(parts, /^ppt\/slideLayouts\/[^/]+\.xml$/, isTitle);
}

/**
 * The template's places `drop` says of taken out of the parts `from` names, every other place as
 * `keep` makes it (of its part's name, its `p:ph` and the shape), and the slide 10 in wide (the x and
 * widths of every layout and master scaled by 0.75).
 */
function narrowWithout(
  parts: Parts,
  from: RegExp,
  drop: (ph: string) => boolean,
  keep: (name: string, ph: string, sp: string) => string = (_name, _ph, sp) => sp,
): Uint8Array {
  const scale = 0.75;
  for (const name of Object.keys(parts).filter((n) => /^ppt\/(slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n))) {
    edit(parts, name, (xml) =>
      xml
        .replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/g, (sp) => {
          const ph = /<p:ph\b[^>]*>/.exec(sp)?.[0];
          if (!ph) return sp;
          return from.test(name) && drop(ph) ? '' : keep(name, ph, sp);
        })
        .replace(/<a:off x="(\d+)"/g, (_, x: string) => `<a:off x="${Math.round(Number(x) * scale)}"`)
        .replace(/<a:ext cx="(\d+)"/g, (_, cx: string) => `<a:ext cx="${Math.round(Number(cx) * scale)}"`),
    );
  }
  edit(parts, 'ppt/presentation.xml', (xml) => xml.replace(/<p:sldSz cx="\d+"/, '<p:sldSz cx="9144000"'));
  return zipSync(parts);
}

/**
 * The cover ("Title Slide") with its title at the left (0.59 + 5.69 in, left-aligned) and its
 * lines beside it at the right (6.89 + 5.8 in), on the same rows (2.19 to 4.37 in).
 */
export function titleBesideLinesTemplate(): Uint8Array {
  const parts = base();
  edit(parts, LAYOUT, (xml) =>
    xml
      .replace(
        '<a:off x="540000" y="324000"/><a:ext cx="11088000" cy="1008000"/>',
        '<a:off x="540000" y="2000000"/><a:ext cx="5200000" cy="2000000"/>',
      )
      .replace(
        '<a:off x="540000" y="1620000"/><a:ext cx="11088000" cy="3977640"/>',
        '<a:off x="6300000" y="2000000"/><a:ext cx="5300000" cy="2000000"/>',
      )
      .replace(/algn="ctr"/g, 'algn="l"'),
  );
  return zipSync(parts);
}

/**
 * The content layout's title place narrowed to 3.9 in (as a Content with Caption's), and the
 * Title Only layout's 14 000 EMU (0.015 in) lower than it: the titles of diagram slides are fitted
 * in the content layout's place and written in the title-only layout's, which they reach past.
 */
export function titlePlacesApartTemplate(): Uint8Array {
  const parts = base();
  const titleExt = /(<p:ph type="title"\/>[\s\S]*?<a:ext )cx="11088000" cy="1008000"/;
  edit(parts, 'ppt/slideLayouts/slideLayout3.xml', (xml) => xml.replace(titleExt, '$1cx="3600000" cy="1008000"'));
  edit(parts, 'ppt/slideLayouts/slideLayout5.xml', (xml) => xml.replace(titleExt, '$1cx="11088000" cy="994000"'));
  return zipSync(parts);
}

/** The content layout cut off in the middle of its XML. */
export function brokenPartTemplate(): Uint8Array {
  const parts = base();
  const xml = text(parts, LAYOUT);
  parts[LAYOUT] = strToU8(xml.slice(0, Math.floor(xml.length / 2)));
  return zipSync(parts);
}

/** The content layout with a DTD that declares an entity and uses it. */
export function dtdTemplate(): Uint8Array {
  const parts = base();
  edit(parts, LAYOUT, (xml) =>
    xml
      .replace('?>', '?>\n<!DOCTYPE p:sldLayout [<!ENTITY who "&#x26;lol;&#x26;lol;"><!ENTITY lol "lol">]>')
      .replace('name="Title Slide"', 'name="&who;"'),
  );
  return zipSync(parts);
}

/**
 * A layout as a zip bomb: `megabytes` MB of spaces after its XML, deflated in 1 MB blocks
 * (each compressed once and repeated, so making it costs a second, not gigabytes). With
 * `lying`, the zip declares the layout's own small size instead of the inflated one.
 */
export function zipBombTemplate(megabytes: number, lying = false): Uint8Array {
  const parts = base();
  const head = parts[LAYOUT]!;
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const blocks: Buffer[] = [deflateRawSync(head, flush)];
  const spaces = deflateRawSync(chunk, flush);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) {
    blocks.push(spaces);
    crc = crc32(chunk, crc);
  }
  blocks.push(deflateRawSync(Buffer.alloc(0)));
  delete parts[LAYOUT];
  const rest = unzipSync(zipSync(parts));
  return zipWithRaw(rest, {
    name: LAYOUT,
    data: Buffer.concat(blocks),
    crc,
    size: lying ? head.length : head.length + megabytes * (1 << 20),
  });
}

interface RawEntry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

/** A zip of `parts` (stored) and one entry whose deflated bytes are given as they are. */
function zipWithRaw(parts: Parts, raw: RawEntry): Uint8Array {
  const entries: (RawEntry & { method: number })[] = [
    ...Object.entries(parts).map(([name, data]) => ({
      name,
      data: Buffer.from(data),
      crc: crc32(data),
      size: data.length,
      method: 0,
    })),
    { ...raw, method: 8 },
  ];
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(e.method, 8);
    header.writeUInt32LE(e.crc >>> 0, 14);
    header.writeUInt32LE(e.data.length, 18);
    header.writeUInt32LE(e.size >>> 0, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, e.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}
