/**
 * Words broken inside in a PDF LibreOffice made from a deck: every word pdftotext reads
 * must be a word of the deck's own text (its `a:t` runs), or the start of one that the next
 * word completes after a hyphen drawn at one of the deck's soft hyphens. «Brannver» + «n»
 * is neither, so it is reported.
 */
import { execFileSync } from 'node:child_process';
import { readPptx } from './pptx-zip.js';

const SHY = '\u00ad';
const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const clean = (w: string): string => w.replace(EDGE, '');

/** The deck's words (soft hyphens removed), and the words' halves at each soft hyphen. */
function deckWords(pptx: string): { words: Set<string>; hyphenPoints: Set<string> } {
  const p = readPptx(pptx);
  const words = new Set<string>();
  const hyphenPoints = new Set<string>();
  for (let n = 1; n <= p.slideCount(); n++) {
    const text = p.slideTexts(n).join(' ');
    for (const raw of text.split(/[\s\-\u2010\u2013\u2014/\u00b7]+/)) {
      const word = clean(raw.replaceAll(SHY, ''));
      if (word) words.add(word);
      let before = '';
      for (const part of clean(raw).split(SHY).slice(0, -1)) {
        before += part;
        hyphenPoints.add(`${clean(raw.replaceAll(SHY, ''))}|${before.length}`);
      }
    }
  }
  return { words, hyphenPoints };
}

/** pdftotext may run two short words of the deck together where the space between them is narrow («I 1» → «I1»). */
function joinedWords(token: string, words: Set<string>): boolean {
  const can: boolean[] = [true];
  for (let end = 1; end <= token.length; end++)
    can[end] = Array.from({ length: end }, (_, start) => can[start] && words.has(token.slice(start, end))).some(
      Boolean,
    );
  return token.length > 0 && can[token.length] === true;
}

/** Each word of the PDF that is not whole, as `page N: piece | next piece`. */
export function brokenWordsInPdf(pdf: string, pptx: string): string[] {
  const { words, hyphenPoints } = deckWords(pptx);
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f');
  const broken: string[] = [];
  const strip = (t: string): string => clean(t.replaceAll(SHY, ''));
  pages.forEach((page, index) => {
    // A middle dot separates words («Målretting · Innhold · Handling»); pdftotext may drop the narrow spaces around it.
    const tokens = page.split(/[\s\u2013\u2014/\u00b7]+/).filter((t) => strip(t) !== '');
    for (let i = 0; i < tokens.length; i++) {
      // A line that ends at a soft hyphen (pdftotext keeps it, or writes '-'): the word goes on on the next line.
      let raw = tokens[i]!;
      const breaks: number[] = [];
      let j = i;
      while (/[\u00ad-]$/.test(raw) && j + 1 < tokens.length && !words.has(strip(raw.replace(/-$/, '')))) {
        breaks.push(strip(raw.replace(/-$/, '')).length);
        raw = raw.replace(/-$/, '') + tokens[++j]!;
      }
      const word = strip(raw);
      const whole = word
        .split(/-(?=\p{L})/u)
        .every((piece) => piece === '' || words.has(clean(piece)) || joinedWords(clean(piece), words));
      if (whole && breaks.every((at) => hyphenPoints.has(`${word}|${at}`))) {
        i = j;
        continue;
      }
      broken.push(`page ${index + 1}: ${tokens[i]} | ${tokens[i + 1] ?? ''}`);
    }
  });
  return broken;
}
