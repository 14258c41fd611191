/**
 * A PDF's pages read with qpdf (`--qdf`: every stream decompressed, each page's content marked
 * `%% Contents for page N`) and a tokenizer of the test's own, independent of src/ (which
 * reads with pdf.js in the check and with its own tokenizer in the finishing stage): per page,
 * the painting operators outside any marked content, and where tagged marked content (with an
 * MCID) paints. Positions are the operands as written — `x y Td`, `… e f cm`, `x y m`/`l`,
 * `x y w h re` — which is how LibreOffice places things (no transform around the page).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const read = new Map<string, Promise<{ pages: QdfPage[]; xmp: string }>>();

export interface QdfPage {
  number: number;
  /** Painting operators outside marked content, e.g. `f*` at operator 12. */
  untagged: string[];
  /** Tagged marked content: its tag, MCID and the points it paints at. */
  tagged: { tag: string; mcid: number; points: [number, number][] }[];
}

const TOKEN = /\((?:\\.|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/[\]()<>{}%]*|[^\s/[\]()<>{}%]+/g;
const PAINT = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Tj', 'TJ', "'", '"', 'Do', 'sh', 'EI']);

/**
 * @returns the pages of `pdf` in order, and its XMP packet (qpdf writes the current objects
 * only). Read once per file, without blocking (the test worker must keep answering vitest).
 */
export function readQdf(pdf: string): Promise<{ pages: QdfPage[]; xmp: string }> {
  if (!read.has(pdf)) read.set(pdf, readOnce(pdf));
  return read.get(pdf)!;
}

async function readOnce(pdf: string): Promise<{ pages: QdfPage[]; xmp: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trappa-qdf-'));
  try {
    const qdf = path.join(dir, 'out.pdf');
    await run('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]);
    const text = (await readFile(qdf)).toString('latin1');
    const pages: QdfPage[] = [];
    for (const m of text.matchAll(
      /%% Contents for page (\d+)\n(?:%%[^\n]*\n)*\d+ 0 obj\n[\s\S]*?\nstream\n([\s\S]*?)\nendstream/g,
    )) {
      pages.push(readContent(Number(m[1]), m[2]!));
    }
    const xmp =
      /<\?xpacket begin[\s\S]*?<\?xpacket end[^>]*>/.exec(Buffer.from(text, 'latin1').toString('utf8'))?.[0] ?? '';
    return { pages, xmp };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function readContent(number: number, stream: string): QdfPage {
  const page: QdfPage = { number, untagged: [], tagged: [] };
  const open: { tag: string; mcid?: number; points: [number, number][] }[] = [];
  let operands: string[] = [];
  let nesting = 0;
  let index = 0;
  for (const [token] of stream.matchAll(TOKEN)) {
    if (token === '[' || token === '<<') nesting++;
    if (token === ']' || token === '>>') nesting--;
    const isOperator = nesting === 0 && /^[A-Za-z'"*]+$/.test(token) && !['true', 'false', 'null'].includes(token);
    if (!isOperator) {
      operands.push(token);
      continue;
    }
    index++;
    const nums = operands.map(Number);
    if (token === 'BDC' || token === 'BMC') {
      const mcid = /\/MCID\s+(\d+)/.exec(operands.join(' '))?.[1];
      open.push({ tag: operands[0]!.slice(1), ...(mcid ? { mcid: Number(mcid) } : {}), points: [] });
    } else if (token === 'EMC') {
      const done = open.pop();
      if (done?.mcid !== undefined) page.tagged.push({ tag: done.tag, mcid: done.mcid, points: done.points });
    } else {
      const point = pointOf(token, nums);
      const innermost = open.at(-1);
      if (point && innermost) innermost.points.push(point);
      if (PAINT.has(token) && open.length === 0) page.untagged.push(`${token} at operator ${index}`);
    }
    operands = [];
  }
  return page;
}

function pointOf(operator: string, n: number[]): [number, number] | undefined {
  if (operator === 'Td' || operator === 'TD' || operator === 'm' || operator === 'l') return [n[0]!, n[1]!];
  if (operator === 're') return [n[0]! + n[2]! / 2, n[1]! + n[3]! / 2];
  if (operator === 'cm') return [n[4]! + n[0]! / 2, n[5]! + n[3]! / 2];
  return undefined;
}
