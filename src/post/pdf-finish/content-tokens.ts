/**
 * A page's content stream → its operators, each with its operands and where it stands in the
 * stream (ISO 32000-1 §7.8.2, the syntax of §7.2–7.3). The stream is read as latin1 text so a
 * character offset is a byte offset: the finishing stage edits the stream by inserting and
 * replacing text at these offsets, leaving every other byte as LibreOffice wrote it.
 */

/** A number, a name (`/P`, without the slash) or anything else kept as written (strings, arrays, dictionaries). */
type Operand = { kind: 'number'; value: number } | { kind: 'name'; value: string } | { kind: 'other'; raw: string };

export interface ContentOp {
  operator: string;
  operands: Operand[];
  /** Offset of the first operand (or of the operator when it has none). */
  start: number;
  /** Offset just past the operator. */
  end: number;
}

const WHITESPACE = /[\0\t\n\f\r ]/;
const DELIMITER = /[()<>[\]{}/%]/;

/** @throws Error on a stream that ends inside a string, array or dictionary. */
export function tokenizeContent(text: string): ContentOp[] {
  const ops: ContentOp[] = [];
  let operands: Operand[] = [];
  let start = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (WHITESPACE.test(c)) {
      i++;
      continue;
    }
    if (c === '%') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    const at = i;
    if (c === '/') {
      i = endOfRegular(text, i + 1);
      operands.push({ kind: 'name', value: text.slice(at + 1, i) });
    } else if (c === '(') {
      i = endOfString(text, i);
      operands.push({ kind: 'other', raw: text.slice(at, i) });
    } else if (c === '<' || c === '[') {
      i = endOfNested(text, i);
      operands.push({ kind: 'other', raw: text.slice(at, i) });
    } else {
      i = endOfRegular(text, i + 1);
      const word = text.slice(at, i);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
        operands.push({ kind: 'number', value: Number(word) });
      } else if (word === 'true' || word === 'false' || word === 'null') {
        operands.push({ kind: 'other', raw: word });
      } else {
        if (word === 'BI') i = endOfInlineImage(text, i);
        ops.push({ operator: word, operands, start: start < 0 ? at : start, end: i });
        operands = [];
        start = -1;
        continue;
      }
    }
    if (start < 0) start = at;
  }
  return ops;
}

function endOfRegular(text: string, i: number): number {
  while (i < text.length && !WHITESPACE.test(text[i]!) && !DELIMITER.test(text[i]!)) i++;
  return i;
}

/** Past the `)` that closes the literal string opened at `i` (balanced parentheses, backslash escapes). */
function endOfString(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Error('the content stream ends inside a string');
}

/** Past the end of the hex string, dictionary or array opened at `i`, strings inside included. */
function endOfNested(text: string, i: number): number {
  if (text[i] === '<' && text[i + 1] !== '<') {
    const close = text.indexOf('>', i);
    if (close < 0) throw new Error('the content stream ends inside a hex string');
    return close + 1;
  }
  let depth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '(') {
      i = endOfString(text, i);
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      depth++;
      i += 2;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i += 2;
    } else if (c === '<') {
      i = endOfNested(text, i);
      continue;
    } else {
      if (c === '[') depth++;
      else if (c === ']') depth--;
      i++;
    }
    if (depth === 0) return i;
  }
  throw new Error('the content stream ends inside an array or dictionary');
}

/** Past `EI` of an inline image (its data may hold any byte). */
function endOfInlineImage(text: string, i: number): number {
  const data = /\sID\s/g;
  data.lastIndex = i;
  const id = data.exec(text);
  const end = /\sEI(?=[\0\t\n\f\r ]|$)/g;
  end.lastIndex = id ? id.index + id[0].length : i;
  const ei = end.exec(text);
  if (!ei) throw new Error('the content stream ends inside an inline image');
  return ei.index + ei[0].length;
}
