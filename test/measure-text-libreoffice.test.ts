/**
 * Calibration: text boxes and a table written with the options of pptx-text-options.ts,
 * converted by LibreOffice, read back with `pdftotext -bbox`, and compared with what
 * measure-text.ts predicts: the same lines, or (where our safety margins break a line
 * earlier) never fewer lines, the left edges and line pitch the model says, and text
 * the model says fits inside its box.
 * Set TRAPPA_CALIBRATION_REPORT=1 to print predicted vs LibreOffice lines.
 *
 * With LibreOffice 7.4.7: 7 of 9 text boxes draw as many lines as predicted, 2 one fewer;
 * every line break that differs is a line within 1 % + kerning of the frame's width, or a
 * too-long word we broke at its slash; the bare model (no 1 % margin) differs only where
 * LibreOffice's kerning fitted a word that unkerned takes 100.4–101.1 % of the width.
 * Table cells: every line identical.
 */
import { hasPdftotext, hasSoffice, missingTool } from './helpers/tools.js';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pptxgenjs from 'pptxgenjs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { measureTableRows } from '../src/layout/fit-table.js';
import { fitText } from '../src/layout/fit-text.js';
import { bulletMarginPt, layoutParagraphs, LINE_HEIGHT_EM, type Line } from '../src/layout/measure-text.js';
import { pptxTextRuns, tableCellMargin, textBoxOptions } from '../src/layout/pptx-text-options.js';
import type { Box, Insets, Paragraph, TextStyle } from '../src/layout/types.js';

// pptxgenjs's .d.ts is read as CommonJS under nodenext; at run time the default export is the class.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
const run = promisify(execFile);
const report = process.env.TRAPPA_CALIBRATION_REPORT === '1';

const INSETS: Insets = { left: 0.1, right: 0.1, top: 0.05, bottom: 0.05 };
const style = (fontSize: number, extra: Partial<TextStyle> = {}): TextStyle => ({
  fontFace: 'Calibri',
  fontSize,
  color: '1F1F1F',
  insets: INSETS,
  ...extra,
});
const text = (t: string, extra: Partial<Paragraph> = {}): Paragraph => ({ runs: [{ text: t }], ...extra });
const bullet = (t: string, level = 0, spaceBefore = 6): Paragraph => text(t, { bullet: true, level, spaceBefore });

interface Case {
  name: string;
  box: Box;
  style: TextStyle;
  paragraphs: Paragraph[];
}

const CASES: Case[] = [
  {
    name: 'body paragraph, 24 pt',
    box: { x: 0.5, y: 0.5, w: 8, h: 4 },
    style: style(24),
    paragraphs: [
      text(
        'Effektiv kommunikasjon krever at man jobber planmessig og målrettet. Kommunikasjonstrappa kan brukes som modell for dette arbeidet. ' +
          'Vi har arbeidet for å definere en plattform og profil for Samkommunen, og hvordan vi skal bruke kommunikasjon som verktøy internt og eksternt.',
      ),
    ],
  },
  {
    name: 'bullets on three levels, 20 pt, line spacing 0.9',
    box: { x: 0.5, y: 0.5, w: 6, h: 6 },
    style: style(20, { lineSpacing: 0.9 }),
    paragraphs: [
      bullet('ISK er et forpliktende samarbeid som er unikt i Norge'),
      bullet('Gjennom ISK er Levanger og Verdal foregangskommuner for kommunalt samarbeid i Norge', 1),
      bullet('Samarbeidet er mer forpliktende og går lenger enn tradisjonelt interkommunalt samarbeid', 2),
      bullet('Samkommunen gir mange av fordelene med kommunesammenslåing uten at kommunene slås sammen'),
      bullet('Størstedelen av kommunenes virksomhet ligger fortsatt i Morkommunene', 1),
    ],
  },
  {
    name: 'bold lead-ins and larger runs, 22 pt',
    box: { x: 0.5, y: 0.5, w: 5, h: 6 },
    style: style(22),
    paragraphs: [
      {
        runs: [
          { text: 'HVA? ', bold: true },
          {
            text: 'Innherred Samkommune er et omfattende og forpliktende samarbeid mellom nabokommunene Levanger og Verdal',
          },
        ],
      },
      {
        runs: [
          { text: 'HVORFOR? ', bold: true, size: 28 },
          { text: 'For å gi innbyggerne og næringslivet i Levanger og Verdal bedre tjenester' },
        ],
        spaceBefore: 12,
      },
      {
        runs: [
          { text: 'Det er samarbeidet – og ikke institusjonen ISK – som skal ' },
          { text: 'profileres', italic: true },
          { text: '.' },
        ],
        spaceBefore: 12,
      },
    ],
  },
  {
    name: 'long compound words in a narrow box, 28 pt',
    box: { x: 0.5, y: 0.5, w: 2.4, h: 6.5 },
    style: style(28),
    paragraphs: [text('Kommunikasjonsstrategien for samkommunestyremøtet og tjenesteproduksjonsenhetene i Innherred')],
  },
  {
    name: 'hyphens, slashes and dashes, 20 pt',
    box: { x: 0.5, y: 0.5, w: 2.3, h: 6.5 },
    style: style(20),
    paragraphs: [
      text(
        'Fagforeninger/tillitsvalgte, Brukere/innbyggere, informasjons- og kommunikasjonsarbeid i Mor-kommunene, Fylkesmannen / tilsynsmyndighet',
      ),
    ],
  },
  {
    name: 'bold title, centred, 36 pt',
    box: { x: 0.5, y: 0.5, w: 7, h: 3 },
    style: style(36, { bold: true, align: 'center' }),
    paragraphs: [text('Arbeidet med kommunikasjonsplan – nærmeste tid for Innherred Samkommune')],
  },
  {
    name: 'small text, many lines, 12 pt',
    box: { x: 0.5, y: 0.5, w: 4.5, h: 6.5 },
    style: style(12, { lineSpacing: 1.1 }),
    paragraphs: [
      text(
        'Innherred Samkommune skal framstå som et samarbeid mellom to selvstendige nabokommuner. Det er samarbeidet – og ikke institusjonen ISK – som skal profileres. ' +
          'Av dette følger at Morkommunene Verdal og Levanger skal ha langt høyere profil enn ISK. Innbyggerne i kommunene skal fortsatt forholde seg til sine kommuner. ' +
          'De skal ikke forholde seg til et nytt nivå eller en ny institusjon. For brukerne skal det være uinteressant om en tjeneste er organisert i ISK eller i Morkommunen.',
      ),
      text('Servicekontorene i de to kommunene har en viktig funksjon for å møte publikum/brukere.', {
        spaceBefore: 9,
      }),
    ],
  },
];

/** fitText's choice for a box, and a box exactly as tall as the model says. */
const FIT_PARAGRAPHS = [
  text(
    'Verdal og Levanger legger noen av sine oppgaver til felles «datterbedrift», ISK, uten å miste ansvaret for tjenestene som leveres.',
  ),
  bullet('ISK er et verktøy for å gi innbyggerne og næringslivet et bedre tilbud', 0, 8),
  bullet('Servicekontorene har en viktig funksjon for å møte publikum', 1, 8),
];
const fitBox = { x: 0.5, y: 0.5, w: 6.5, h: 2.6 };
const fitted = fitText({ paragraphs: FIT_PARAGRAPHS, style: style(32), box: fitBox, maxSize: 32, minSize: 12 });
CASES.push({
  name: `chosen by fitText: ${fitted.fontSize} pt`,
  box: fitBox,
  style: style(fitted.fontSize),
  paragraphs: FIT_PARAGRAPHS,
});
const exactHeight = layoutParagraphs(FIT_PARAGRAPHS, style(22, { lineSpacing: 1.15 }), 5).height;
CASES.push({
  name: 'box exactly as tall as measured, 22 pt, line spacing 1.15',
  box: { x: 0.5, y: 0.5, w: 5, h: exactHeight },
  style: style(22, { lineSpacing: 1.15 }),
  paragraphs: FIT_PARAGRAPHS,
});

const TABLE = {
  box: { x: 0.5, y: 0.5, w: 12 },
  columnWidths: [2.6, 2.6, 2.8, 2.2, 1.8],
  insets: { left: 0.08, right: 0.08, top: 0.05, bottom: 0.05 },
  style: style(14),
  rows: [
    ['Ansatte ISK', 'Møter i enhetene', 'Informere status, involvere', 'Enhetsledere', 'Løpende'],
    [
      'Ansatte ISK og Mor-kommunene',
      'Møte ansatte Verdal og Levanger',
      'Informere om samkommunen og kommunikasjonsstrategien',
      'Rådmenn',
      '28.1.',
    ],
    [
      'Ledere, tillitsvalgte ISK',
      'Arbeidsmøte kommunikasjonsstrategi',
      'Ferdigstille kommunikasjonsstrategien, involvere',
      'Rådmenn/MHD',
      '22.1. og 30.1.',
    ],
    [
      'Politikere i Levanger og Verdal',
      'Orientere ordførere og varaordførere',
      'Forankre kommunikasjonsstrategien',
      'Rådmenn',
      'Uke 4 (5)',
    ],
  ],
};

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  /** Baseline, points from the page top. */
  y: number;
}

/**
 * poppler boxes a Carlito word from 0.952 em above its baseline to 0.348 em below
 * (measured at 22 and 28 pt), so the baseline sits 0.732 of the box down. Words of
 * different sizes on one line share the baseline, not the box top.
 */
const BASELINE_IN_BOX = 0.952 / 1.3;

/** Words of every page of `pdftotext -bbox` output. */
function parseBbox(html: string): Word[][] {
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({
          xMin: Number(m[1]),
          xMax: Number(m[3]),
          y: Number(m[2]) + BASELINE_IN_BOX * (Number(m[4]) - Number(m[2])),
          text: m[5]!
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        }),
      ),
    );
}

interface DrawnLine {
  text: string;
  y: number;
  xMin: number;
  xMax: number;
}

/** Words grouped into lines by their baseline, top to bottom; bullets dropped. */
function linesOf(words: readonly Word[]): DrawnLine[] {
  const lines: Array<{ y: number; words: Word[] }> = [];
  for (const word of words.filter((w) => w.text !== '•')) {
    const line = lines.find((l) => Math.abs(l.y - word.y) < 1.5);
    if (line) line.words.push(word);
    else lines.push({ y: word.y, words: [word] });
  }
  return lines
    .sort((a, b) => a.y - b.y)
    .map(({ y, words: ws }) => {
      const sorted = ws.sort((a, b) => a.xMin - b.xMin);
      return { text: sorted.map((w) => w.text).join(' '), y, xMin: sorted[0]!.xMin, xMax: sorted.at(-1)!.xMax };
    });
}

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

let rendering: Promise<Word[][]> | undefined;

/** Builds the calibration deck (one case per slide, the table last) and renders it once. */
function renderWithLibreOffice(): Promise<Word[][]> {
  rendering ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trappa-measure-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const pptx = new PptxGenJS();
    pptx.layout = 'LAYOUT_WIDE';
    for (const c of CASES) {
      pptx.addSlide().addText(pptxTextRuns(c.paragraphs, c.style), { ...textBoxOptions(c.style), ...c.box });
    }
    const margin = tableCellMargin(TABLE.insets);
    pptx.addSlide().addTable(
      TABLE.rows.map((row) => row.map((cell) => ({ text: cell }))),
      {
        ...TABLE.box,
        colW: TABLE.columnWidths,
        fontFace: 'Calibri',
        fontSize: TABLE.style.fontSize,
        margin,
        valign: 'top',
        border: { type: 'solid', pt: 1, color: '808080' },
      },
    );
    const file = join(dir, 'calibration.pptx');
    await writeFile(file, (await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
    const profile = `file://${join(dir, 'lo-profile')}`;
    await run(
      'soffice',
      ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, file],
      { timeout: 120_000 },
    );
    const { stdout } = await run('pdftotext', ['-bbox', join(dir, 'calibration.pdf'), '-'], { maxBuffer: 16 << 20 });
    return parseBbox(stdout);
  })();
  return rendering;
}

/** Width a line may take in the model's terms (points), before the safety margin. */
function availablePt(c: Case, paragraph: Paragraph): number {
  const inner = (c.box.w - c.style.insets.left - c.style.insets.right) * 72;
  return inner - (paragraph.bullet ? bulletMarginPt(paragraph.level ?? 0) : 0);
}

describe.skipIf(missingTool('LibreOffice', hasSoffice) || missingTool('pdftotext', hasPdftotext))(
  'measured text against LibreOffice',
  () => {
    it.each(CASES.map((c, page) => ({ ...c, page })))('$name', async (c) => {
      const pages = await renderWithLibreOffice();
      const drawn = linesOf(pages[c.page] ?? []);
      const layout = layoutParagraphs(c.paragraphs, c.style, c.box.w);
      const predicted = layout.lines;
      const bare = layoutParagraphs(c.paragraphs, c.style, c.box.w, 1).lines;
      if (report) printComparison(c.name, predicted, drawn, bare);

      // Never fewer lines than LibreOffice draws: that would be text running out of its box.
      expect(predicted.length).toBeGreaterThanOrEqual(drawn.length);
      const firstDifference = predicted.findIndex(
        (line, i) => normalize(line.text) !== normalize(drawn[i]?.text ?? ''),
      );
      if (firstDifference >= 0) {
        // The only allowed difference: we broke a line earlier than LibreOffice, because
        // that line came within our margins (no kerning + 1 %) of the frame's width, or we
        // broke a too-long word at its slash where LibreOffice broke it between characters.
        const ours = normalize(predicted[firstDifference]!.text);
        const theirs = drawn[firstDifference];
        if (!theirs) throw new Error(`LibreOffice drew no line ${firstDifference}, we predicted "${ours}"`);
        expect(normalize(theirs.text).startsWith(ours), `line ${firstDifference}: "${ours}" vs "${theirs.text}"`).toBe(
          true,
        );
        const paragraph = c.paragraphs[predicted[firstDifference]!.paragraph]!;
        const nearlyFull = theirs.xMax - theirs.xMin > availablePt(c, paragraph) * 0.96;
        expect(nearlyFull || ours.endsWith('/'), `line ${firstDifference} broke early: "${ours}"`).toBe(true);
      }
      const same = firstDifference < 0 ? drawn.length : firstDifference;
      // Text the model says fits stays inside the box: the last line's deepest descender
      // (Carlito's g and j reach 0.172 em below the baseline) is above the bottom inset.
      if (layout.height <= c.box.h) {
        const last = predicted.at(-1)!;
        const size = last.height / LINE_HEIGHT_EM / (c.style.lineSpacing ?? 1);
        const bottom = (c.box.y + c.box.h - c.style.insets.bottom) * 72;
        expect(drawn.at(-1)!.y + 0.172 * size).toBeLessThanOrEqual(bottom + 0.1);
      }
      // Left edges: the box's left inset, plus 18 pt per bullet level + 18 (the margin order
      // and bullet indent of pptx-text-options.ts).
      if ((c.style.align ?? 'left') === 'left') {
        predicted.slice(0, same).forEach((line, i) => {
          const paragraph = c.paragraphs[line.paragraph]!;
          const indent = paragraph.bullet ? bulletMarginPt(paragraph.level ?? 0) : 0;
          expect(drawn[i]!.xMin, `left edge of line ${i}`).toBeCloseTo(
            (c.box.x + c.style.insets.left) * 72 + indent,
            0,
          );
        });
      }
      // Line pitch, baseline to baseline, where both lines are as the model has them and
      // of one size (a larger run moves its baseline within the line).
      for (let i = 1; i < same; i++) {
        if (predicted[i]!.height !== predicted[i - 1]!.height) continue;
        const pitch = drawn[i]!.y - drawn[i - 1]!.y;
        expect(pitch, `pitch above line ${i}`).toBeCloseTo(predicted[i - 1]!.height + predicted[i]!.spaceBefore, 0);
      }
    });

    it('table cells: same breaks, rows no taller than measured', async () => {
      const pages = await renderWithLibreOffice();
      const words = pages[CASES.length] ?? [];
      const measured = measureTableRows(TABLE.columnWidths, TABLE.rows, TABLE.style, TABLE.insets);
      let left = TABLE.box.x * 72;
      const rowBaselines = new Map<number, number>();
      TABLE.columnWidths.forEach((width, column) => {
        const right = left + width * 72;
        const drawn = linesOf(words.filter((w) => w.xMin >= left && w.xMin < right));
        const predicted = TABLE.rows.flatMap((row, r) =>
          layoutParagraphs([text(row[column]!)], { ...TABLE.style, insets: TABLE.insets }, width).lines.map((l) => ({
            ...l,
            row: r,
          })),
        );
        if (report) printComparison(`table column ${column}`, predicted, drawn);
        expect(drawn.map((l) => l.text)).toEqual(predicted.map((l) => normalize(l.text)));
        predicted.forEach((line, i) => {
          const first = rowBaselines.get(line.row);
          if (first === undefined || drawn[i]!.y < first) rowBaselines.set(line.row, drawn[i]!.y);
        });
        left = right;
      });
      // LibreOffice's row pitch (first baseline to first baseline) never exceeds the measured row height.
      for (let r = 0; r + 1 < TABLE.rows.length; r++) {
        const pitch = rowBaselines.get(r + 1)! - rowBaselines.get(r)!;
        expect(pitch).toBeLessThanOrEqual(measured[r]! * 72 + 0.5);
      }
    });
  },
);

/** Predicted (with margins), LibreOffice, and the bare model (no safety margin) side by side. */
function printComparison(
  name: string,
  predicted: readonly Line[],
  drawn: readonly DrawnLine[],
  bare?: readonly Line[],
): void {
  const rows = Math.max(predicted.length, drawn.length, bare?.length ?? 0);
  const out = [
    `\n${name}: predicted ${predicted.length} lines, LibreOffice ${drawn.length}` +
      (bare ? `, bare model ${bare.length}` : ''),
  ];
  for (let i = 0; i < rows; i++) {
    const ours = normalize(predicted[i]?.text ?? '');
    const theirs = drawn[i]?.text ?? '';
    const plain = bare ? normalize(bare[i]?.text ?? '') : theirs;
    // LibreOffice's width over our unkerned width, for lines that agree.
    const line = drawn[i];
    const drawnWidth = line ? line.xMax - line.xMin : 0;
    const ratio = ours === theirs && predicted[i]!.width > 0 ? (drawnWidth / predicted[i]!.width).toFixed(4) : '      ';
    out.push(`${ours === theirs ? ' ' : '≠'}${plain === theirs ? ' ' : '≠'} ${ratio} ${ours.padEnd(58)} | ${theirs}`);
  }
  console.log(out.join('\n'));
}
