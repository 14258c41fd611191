/**
 * Text lines of two renderings, for comparing positions: LibreOffice's PDF read with
 * `pdftotext -bbox-layout` (poppler), and the SVG slides of src/preview-svg.
 * Positions in points from the page's top-left corner.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TextLine {
  page: number;
  text: string;
  /** Left edge of the first glyph. */
  x: number;
  /** PDF: top of poppler's word box; SVG: the baseline. */
  y: number;
  /** Font size in points (SVG only). */
  size?: number;
}

const decode = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

const BULLETS = /^[•\u2022\uf0b7]$/;

/** Words of every page of a PDF (poppler's grouping into lines merges table cells, so words it is). */
export async function pdfWords(pdf: string): Promise<TextLine[]> {
  // Asynchronous: poppler on a loaded machine must not hold the test worker's event loop (vitest's RPC).
  const { stdout: xml } = await run('pdftotext', ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines: TextLine[] = [];
  xml
    .split('<page ')
    .slice(1)
    .forEach((page, index) => {
      for (const m of page.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)) {
        // A bullet is a word of its own (OpenSymbol, taller): the line starts at its first real word.
        const words = [...m[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
          .map((w) => ({ x: Number(w[1]), y: Number(w[2]), text: decode(w[3]!) }))
          .filter((w) => !BULLETS.test(w.text));
        if (words.length === 0) continue;
        for (const w of words) lines.push({ page: index + 1, text: w.text, x: w.x, y: w.y });
      }
    });
  return lines;
}

/** Lines of one SVG slide: each <text> element with its tspans (bullets are left out). */
export function svgLines(svg: string, page: number): TextLine[] {
  const lines: TextLine[] = [];
  for (const m of svg.matchAll(
    /<text xml:space="preserve" y="([\d.]+)"(?: font-family="[^"]*")? font-size="([\d.]+)"[^>]*>([\s\S]*?)<\/text>/g,
  )) {
    const spans = [...m[3]!.matchAll(/<tspan x="([\d.]+)"[^>]*>([^<]*)<\/tspan>/g)];
    if (spans.length === 0) continue;
    const text = spans.map((s) => decode(s[2]!)).join('');
    lines.push({
      page,
      text: text.replace(/\s+/g, ' ').trim(),
      x: Number(spans[0]![1]),
      y: Number(m[1]),
      size: Number(/data-size="([\d.]+)"/.exec(m[0])?.[1] ?? m[2]),
    });
  }
  return lines;
}
