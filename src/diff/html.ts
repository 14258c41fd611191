/**
 * `trappa diff --html`: one self-contained page, the two versions side by side slide by slide
 * (pictures from Trappa's own SVG preview where a side was laid out by Trappa), each changed
 * text beside them with what was removed struck through and what was added marked. Pure.
 */
import type { DiffSide } from './sides.js';
import type { SlideDiff, TextChange } from './compare.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A changed line, word by word: the words only the old one has struck through, the new ones marked. */
function inline(before: string, after: string): string {
  const a = before.split(/(\s+)/);
  const b = after.split(/(\s+)/);
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(esc(a[i]!));
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      out.push(`<del>${esc(a[i++]!)}</del>`);
    else out.push(`<ins>${esc(b[j++]!)}</ins>`);
  }
  // Neighbouring marks of one kind read as one.
  return out
    .join('')
    .replace(/<\/del><del>/g, '')
    .replace(/<\/ins><ins>/g, '');
}

function change(c: TextChange): string {
  if (c.kind === 'changed') return `<li class="changed">${inline(c.before!, c.after!)}</li>`;
  if (c.kind === 'added') return `<li class="added"><ins>${esc(c.after!)}</ins></li>`;
  if (c.kind === 'moved') return `<li class="moved">${esc(c.after!)} <span>moved</span></li>`;
  return `<li class="removed"><del>${esc(c.before!)}</del></li>`;
}

function picture(side: DiffSide, number: number | undefined): string {
  if (number === undefined) return '<div class="slide none">—</div>';
  const svg = side.svgs?.[number - 1];
  const lang = side.language ? ` lang="${esc(side.language)}"` : '';
  return svg
    ? `<div class="slide"${lang}>${svg}</div>`
    : `<div class="slide text"${lang}>${side.slides[number - 1]!.elements.flatMap((e) =>
        e.kind === 'text' ? e.paragraphs : e.rows.map((r) => r.join(' | ')),
      )
        .map((t) => `<p>${esc(t)}</p>`)
        .join('')}</div>`;
}

const STATUS: Record<SlideDiff['status'], string> = {
  same: 'unchanged',
  changed: 'changed',
  added: 'new slide',
  removed: 'slide removed',
};

const CSS = `
body { font-family: Carlito, Calibri, sans-serif; margin: 1.5rem; color: #1f1f1f; }
h1 { font-size: 1.4rem; } header p { margin: .2rem 0; color: #555; }
section { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem 1.2rem; border-top: 1px solid #ccc; padding: .8rem 0; }
section h2 { grid-column: 1 / -1; font-size: 1.05rem; margin: 0; }
section h2 span.status { font-weight: normal; color: #555; margin-left: .5rem; }
/* Unchanged slides recede: pictures faded, the heading plain but still readable (contrast). */
section.same .slide { opacity: .55; } section.same h2 { font-weight: normal; color: #444; } section.same ul { display: none; }
.slide svg { width: 100%; height: auto; border: 1px solid #bbb; }
.slide.none { display: flex; align-items: center; justify-content: center; border: 1px dashed #bbb; aspect-ratio: 16 / 9; color: #999; }
.slide.text { border: 1px solid #bbb; padding: .5rem; font-size: .8rem; max-height: 18rem; overflow: auto; }
ul { grid-column: 1 / -1; margin: 0; padding-left: 1.2rem; }
li { margin: .2rem 0; }
del { background: #fbd3d3; color: #8a1010; }
ins { background: #cdeccf; color: #0d5a18; text-decoration: none; }
li.moved span { color: #555; font-style: italic; }
`;

export function diffHtml(a: DiffSide, b: DiffSide, diff: SlideDiff[]): string {
  const counts = (s: SlideDiff['status']): number => diff.filter((d) => d.status === s).length;
  // The page's own words are English; the slides' texts are in the deck's language.
  const lang = b.language ?? a.language;
  const inDeck = lang ? ` lang="${esc(lang)}"` : '';
  const sections = diff.map((d) => {
    const where =
      d.a !== undefined && d.b !== undefined ? (d.a === d.b ? `${d.a}` : `${d.a} → ${d.b}`) : `${d.a ?? d.b}`;
    return (
      `<section class="${d.status}"><h2>Slide ${where}: <span${inDeck}>${esc(d.title)}</span><span class="status">${STATUS[d.status]}</span></h2>` +
      `${picture(a, d.a)}${picture(b, d.b)}` +
      (d.changes.length > 0 ? `<ul${inDeck}>${d.changes.map(change).join('')}</ul>` : '') +
      '</section>'
    );
  });
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.label)} → ${esc(b.label)}</title>` +
    `<style>${CSS}</style></head><body><header><h1>${esc(a.label)} → ${esc(b.label)}</h1>` +
    `<p>${counts('changed')} slides changed, ${counts('added')} added, ${counts('removed')} removed, ${counts('same')} unchanged.</p>` +
    '<p>Left: before. Right: after. <del>Struck through</del>: removed. <ins>Marked</ins>: added. <i>moved</i>: the same text in another place.</p></header>' +
    `<main>${sections.join('')}</main></body></html>`
  );
}
