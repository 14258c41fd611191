/**
 * A laid-out slide (layout/types.ts) → one SVG document, drawn from the same boxes, sizes,
 * fonts and line breaks as the .pptx, without LibreOffice. Units inside are points
 * (viewBox = slide size × 72). Pure: images come as bytes or as a URL the caller gives.
 *
 * Elements of a kind this renderer does not know are skipped, and fields it does not know
 * are ignored, so it keeps working while the layout grows (placeholders, templates).
 */
import type {
  Box,
  ImageElement,
  LaidOutSlide,
  Paragraph,
  PendingImageElement,
  ShapeElement,
  SlideElement,
  TableElement,
  TextElement,
  TextStyle,
} from '../layout/types.js';
import { cellRuns } from '../layout/fit-table.js';
import { fmt, shapeOutline, textRect } from './shapes.js';
import { placeLines, TABLE_LINES, type LineMetrics, type PlacedLine } from './text-lines.js';

const PT = 72;

export interface RenderOptions {
  /** URL of a picture not yet prepared (the studio serves project assets); none draws a placeholder. */
  imageHref?: (image: PendingImageElement) => string | undefined;
  /** CSS put in the SVG's <style>, e.g. @font-face rules. */
  css?: string;
  /** Accessible name of the picture. @default the slide's title */
  label?: string;
}

export function renderSlideSvg(
  slide: LaidOutSlide,
  size: { w: number; h: number },
  options: RenderOptions = {},
): string {
  const [w, h] = [size.w * PT, size.h * PT];
  const body = slide.elements.map((e) => renderElement(e as SlideElement, options)).join('');
  const style = options.css ? `<style>${options.css}</style>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fmt(w)} ${fmt(h)}" ` +
    `width="${fmt(w)}pt" height="${fmt(h)}pt" ` +
    `role="img" aria-label="${esc(options.label ?? slide.title)}" font-family="${DEFAULT_FAMILY}">${style}` +
    `<rect width="100%" height="100%" fill="#${color(slide.background, 'FFFFFF')}"/>${body}</svg>`
  );
}

function renderElement(e: SlideElement, options: RenderOptions): string {
  switch (e.type) {
    case 'text':
      return renderText(e);
    case 'shape':
      return renderShape(e);
    case 'table':
      return renderTable(e);
    case 'image':
      return renderImage(e, `data:${e.mime};base64,${Buffer.from(e.data).toString('base64')}`, 'meet');
    case 'pending-image':
      return renderImage(e, options.imageHref?.(e), e.fit === 'cover' ? 'slice' : 'meet');
    default:
      return '';
  }
}

const pts = (b: Box) => ({ x: b.x * PT, y: b.y * PT, w: b.w * PT, h: b.h * PT });

/** A rectangle in points with further attributes (` fill="…"`). */
const rect = (b: Box, attrs: string): string =>
  `<rect x="${fmt(b.x)}" y="${fmt(b.y)}" width="${fmt(b.w)}" height="${fmt(b.h)}"${attrs}/>`;

function renderText(e: TextElement): string {
  const fill = e.fill ? rect(pts(e.box), ` fill="#${color(e.fill)}"`) : '';
  return `<g data-name="${esc(e.name)}">${fill}${renderLines(e.paragraphs, e.style, e.box)}</g>`;
}

function renderShape(e: ShapeElement): string {
  const r = pts(e.box);
  const fill = e.fill ? `#${color(e.fill)}` : 'none';
  const line = e.line;
  const dash = line?.dash === 'dash' ? ` stroke-dasharray="${fmt(line.width * 4)} ${fmt(line.width * 3)}"` : '';
  const stroke = line ? ` stroke="#${color(line.color)}" stroke-width="${fmt(line.width)}"${dash}` : '';
  const rotate = e.rotate ? ` transform="rotate(${fmt(e.rotate)} ${fmt(r.x + r.w / 2)} ${fmt(r.y + r.h / 2)})"` : '';
  const radius = e.radius !== undefined ? e.radius * PT : undefined;
  const outline = `${shapeOutline(e.shape, r, radius)} fill="${fill}"${stroke}/>`;
  const area = textRect(e.shape, r, radius);
  const inches = { x: area.x / PT, y: area.y / PT, w: area.w / PT, h: area.h / PT };
  const text = e.paragraphs && e.style ? renderLines(e.paragraphs, e.style, inches) : '';
  return `<g data-name="${esc(e.name)}"${rotate}>${outline}${text}</g>`;
}

function renderTable(e: TableElement): string {
  const parts: string[] = [];
  const rows = [e.header, ...e.rows];
  let y = e.box.y;
  rows.forEach((row, r) => {
    const rowH = e.rowHeights[r] ?? 0;
    let x = e.box.x;
    row.forEach((cell, c) => {
      const cw = e.columnWidths[c] ?? 0;
      const header = r === 0;
      const fill = header ? e.headerFill : (cell.fill ?? (e.bandFill && r % 2 === 0 ? e.bandFill : e.rowFill));
      const box = { x, y, w: cw, h: rowH };
      const b = pts(box);
      const paint = fill ? `#${color(fill)}` : 'none';
      parts.push(rect(b, ` fill="${paint}" stroke="#${color(e.borderColor)}" stroke-width="0.75"`));
      const style: TextStyle = {
        ...e.style,
        bold: header ? true : (cell.bold ?? false),
        color: header ? e.headerColor : (cell.color ?? e.style.color),
        valign: 'top',
      };
      // The cell's runs as the layout measured them: a stacked cell's lower lines italic (slides/plan-columns.ts).
      parts.push(renderLines([{ runs: cellRuns(cell) }], style, box, TABLE_LINES));
      x += cw;
    });
    y += rowH;
  });
  return `<g data-name="${esc(e.name)}">${parts.join('')}</g>`;
}

function renderImage(e: ImageElement | PendingImageElement, href: string | undefined, fit: 'meet' | 'slice'): string {
  const b = pts(e.box);
  if (!href) {
    return rect(b, ' fill="#EEEEEE" stroke="#999999" stroke-dasharray="4 3"');
  }
  return (
    `<image x="${fmt(b.x)}" y="${fmt(b.y)}" width="${fmt(b.w)}" height="${fmt(b.h)}" ` +
    `preserveAspectRatio="xMidYMid ${fit}" ` +
    // The slide is one picture (role="img" on the <svg>), so its parts carry no names of their own.
    `href="${esc(href)}"/>`
  );
}

/** Text lines: one <text> per line, a <tspan> per formatting with its measured x. */
function renderLines(paragraphs: Paragraph[], style: TextStyle, box: Box, metrics?: LineMetrics): string {
  const lines = placeLines(paragraphs, style, box, metrics);
  return lines.map((line) => renderLine(line, style)).join('');
}

function renderLine(line: PlacedLine, style: TextStyle): string {
  const family = familyAttr(style.fontFace);
  const marks = line.segments
    .filter((s) => s.run.highlight)
    .map((s) => rect({ x: s.x, y: line.top, w: s.width, h: line.height }, ` fill="#${color(s.run.highlight)}"`))
    .join('');
  const b = line.bullet;
  const bullet = b
    ? `<text x="${fmt(b.x)}" y="${fmt(line.baseline)}"${family} font-size="${fmt(b.size)}" ` +
      `fill="#${color(b.color ?? style.color)}" aria-hidden="true">•</text>`
    : '';
  const spans = line.segments
    .map((s) => {
      const bold = s.run.bold ?? style.bold ?? false;
      const attrs = [
        `x="${fmt(s.x)}"`,
        s.size !== style.fontSize ? `font-size="${fmt(s.size)}"` : '',
        bold ? 'font-weight="bold"' : '',
        s.run.italic ? 'font-style="italic"' : '',
        s.run.color ? `fill="#${color(s.run.color)}"` : '',
      ].filter(Boolean);
      return `<tspan ${attrs.join(' ')}>${esc(s.text)}</tspan>`;
    })
    .join('');
  return (
    `${marks}${bullet}<text xml:space="preserve" y="${fmt(line.baseline)}"${family} ` +
    `font-size="${fmt(style.fontSize)}" ` +
    `fill="#${color(style.color)}" data-size="${fmt(line.size)}">${spans}</text>`
  );
}

/** Calibri is measured as Carlito (fonts/fonts.ts), so Carlito draws it wherever Calibri is missing. */
const DEFAULT_FAMILY = 'Carlito, Calibri, sans-serif';

/** The family attribute of a line: none when it is the slide's default (SVG attributes inherit). */
function familyAttr(face: string): string {
  const clean = face.replace(/["'<>&]/g, '');
  return /^(calibri|carlito)$/i.test(clean.trim()) ? '' : ` font-family="'${clean}', Carlito, sans-serif"`;
}

/** A 6-digit hex colour, or the fallback when the value is not one (unknown input never breaks the SVG). */
function color(value: string | undefined, fallback = '000000'): string {
  return value && /^[0-9a-f]{6}$/i.test(value) ? value : fallback;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
