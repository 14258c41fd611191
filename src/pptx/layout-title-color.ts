/**
 * A title colour set once on the layout instead of on every title's runs ("inherit, then
 * override only what must change"). Where the template's title colour does not read on a
 * layout's backdrop, most of the deck's titles on that layout name the same theme colour
 * (slide-structure.ts); that colour then goes into the deck's copy of the layout's title
 * placeholder (its list style's first level), and those titles inherit it, also after
 * PowerPoint's *Reset slide*. A title that differs from its layout (one over a lighter
 * area, one the template's own colour reads for) keeps a colour of its own.
 * `trappa check` reads the layout's list style (check/inherit-placeholders.ts), so it
 * measures the colour the title really gets.
 */
import type { LayoutInfo } from './master-set.js';
import type { SlidePlan } from './slide-structure.js';

const isTitle = (type: string | undefined) => type === 'title' || type === 'ctrTitle';

/** The layout's own title placeholder, which the deck's copy can carry a colour on. */
const layoutTitle = (layout: LayoutInfo) => layout.placeholders.find((p) => isTitle(p.type));

/**
 * Per layout, the scheme slot most of its titles name when more than half of them name it,
 * and the slides with those titles inheriting it. `original` gives the scheme slot of the
 * colour a title on the layout inherits from the template (undefined: not a theme colour);
 * a title that named none keeps that colour by naming it, and where it is not a theme colour
 * the layout is left as it is.
 */
export function inheritTitleColors(
  slides: SlidePlan[],
  original: (layout: LayoutInfo) => string | undefined,
): { slides: SlidePlan[]; layoutColors: Map<string, string> } {
  const layoutColors = new Map<string, string>();
  const byLayout = new Map<string, SlidePlan[]>();
  for (const s of slides) byLayout.set(s.layout.part, [...(byLayout.get(s.layout.part) ?? []), s]);
  for (const [part, group] of byLayout) {
    const layout = group[0]!.layout;
    if (!layoutTitle(layout)) continue;
    const titles = group.flatMap((s) => s.shapes.filter((p) => p.inheritColor && isTitle(p.placeholder?.type)));
    const counts = new Map<string, number>();
    for (const t of titles) if (t.color) counts.set(t.color, (counts.get(t.color) ?? 0) + 1);
    const [slot, n] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
    if (n * 2 <= titles.length) continue;
    if (titles.some((t) => !t.color) && original(layout) === undefined) continue;
    layoutColors.set(part, slot);
  }
  if (layoutColors.size === 0) return { slides, layoutColors };
  const planned = slides.map((s) => {
    const slot = layoutColors.get(s.layout.part);
    if (!slot) return s;
    const shapes = s.shapes.map((p) => {
      if (!p.inheritColor || !isTitle(p.placeholder?.type)) return p;
      if (p.color === slot) {
        const { color: _, ...inherits } = p;
        return inherits;
      }
      return p.color ? p : { ...p, color: original(s.layout)! };
    });
    return { ...s, shapes };
  });
  return { slides: planned, layoutColors };
}

const FILLS =
  /<a:(?:noFill\/>|solidFill>[\s\S]*?<\/a:solidFill>|solidFill\/>|gradFill>[\s\S]*?<\/a:gradFill>|pattFill>[\s\S]*?<\/a:pattFill>|grpFill\/>)/;

/** A `defRPr` (or none) with `fill` as its fill, in schema order (after `a:ln`). */
function withFill(defRPr: string | undefined, fill: string): string {
  if (!defRPr) return `<a:defRPr>${fill}</a:defRPr>`;
  const open = /^<a:defRPr\b[^>]*?(\/?)>/.exec(defRPr)!;
  if (open[1]) return `${open[0].slice(0, -2)}>${fill}</a:defRPr>`;
  const inner = defRPr.slice(open[0].length, -'</a:defRPr>'.length);
  if (FILLS.test(inner)) return `${open[0]}${inner.replace(FILLS, fill)}</a:defRPr>`;
  const ln = /^<a:ln\b(?:[^>]*\/>|[\s\S]*?<\/a:ln>)/.exec(inner)?.[0] ?? '';
  return `${open[0]}${ln}${fill}${inner.slice(ln.length)}</a:defRPr>`;
}

/** An `a:lvl1pPr` (or none) whose runs take `fill` (its `defRPr` before any `extLst`). */
function withLevelFill(level: string | undefined, fill: string): string {
  if (!level) return `<a:lvl1pPr>${withFill(undefined, fill)}</a:lvl1pPr>`;
  const open = /^<a:lvl1pPr\b[^>]*?(\/?)>/.exec(level)!;
  if (open[1]) return `${open[0].slice(0, -2)}>${withFill(undefined, fill)}</a:lvl1pPr>`;
  const inner = level.slice(open[0].length, -'</a:lvl1pPr>'.length);
  const def = /<a:defRPr\b(?:[^>]*?\/>|[\s\S]*?<\/a:defRPr>)/.exec(inner);
  if (def) return `${open[0]}${inner.replace(def[0], () => withFill(def[0], fill))}</a:lvl1pPr>`;
  const ext = inner.indexOf('<a:extLst');
  const at = ext < 0 ? inner.length : ext;
  return `${open[0]}${inner.slice(0, at)}${withFill(undefined, fill)}${inner.slice(at)}</a:lvl1pPr>`;
}

/** The list style with its first level's runs in `fill` (`a:lvl1pPr` after any `a:defPPr`). */
function withListFill(list: string, fill: string): string {
  if (/^<a:lstStyle\s*\/>$/.test(list)) return `<a:lstStyle>${withLevelFill(undefined, fill)}</a:lstStyle>`;
  const level = /<a:lvl1pPr\b(?:[^>]*?\/>|[\s\S]*?<\/a:lvl1pPr>)/.exec(list);
  if (level) return list.replace(level[0], () => withLevelFill(level[0], fill));
  const after = /^<a:lstStyle\b[^>]*>(<a:defPPr\b(?:[^>]*?\/>|[\s\S]*?<\/a:defPPr>))?/.exec(list)![0];
  return after + withLevelFill(undefined, fill) + list.slice(after.length);
}

/** The layout part's title placeholder with its runs' colour `slot` (its list style, added where it has none). */
export function setLayoutTitleColor(xml: string, slot: string): string {
  const fill = `<a:solidFill><a:schemeClr val="${slot}"/></a:solidFill>`;
  const shape = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].find(([sp]) =>
    /<p:ph\b[^>]*?\btype="(?:title|ctrTitle)"/.test(sp),
  );
  if (!shape) return xml;
  const sp = shape[0];
  let out: string;
  const list = /<a:lstStyle\b(?:[^>]*?\/>|[\s\S]*?<\/a:lstStyle>)/.exec(sp);
  if (list) out = sp.replace(list[0], () => withListFill(list[0], fill));
  else if (/<p:txBody>/.test(sp))
    out = sp.replace(
      /(<p:txBody>\s*<a:bodyPr\b(?:[^>]*?\/>|[\s\S]*?<\/a:bodyPr>))/,
      (m) => `${m}<a:lstStyle>${withLevelFill(undefined, fill)}</a:lstStyle>`,
    );
  else
    out = sp.replace(
      /((?:<\/p:spPr>|<p:spPr\s*\/>)(?:\s*<p:style>[\s\S]*?<\/p:style>)?)/,
      (m) =>
        `${m}<p:txBody><a:bodyPr/><a:lstStyle>${withLevelFill(undefined, fill)}</a:lstStyle><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody>`,
    );
  return xml.slice(0, shape.index) + out + xml.slice(shape.index + sp.length);
}
