/**
 * One shape's changed text → edits of the data fields it came from. The shape's source tag
 * names a field; the strings below that field are matched to the paragraphs Trappa wrote
 * (each paragraph is one string of the data, with its `**` marks taken out), so a changed
 * paragraph changes its string, and an added or removed paragraph adds to or removes from
 * the list the string sits in. Text from a wording template goes into the deck's wording
 * override; what matches no string (a label, a date, a number Trappa computed) is listed.
 */
import { applyTextEdit } from './text-edit.js';
import { type DataRole, type FieldPath, getIn, parseFieldPath, shown, textLeaves } from './field-path.js';
import { type ElementPair, similarity } from './match.js';
import type { ShapeText, TableText } from './read-texts.js';

export type Edit =
  | { kind: 'set'; role: DataRole; path: FieldPath; value: string; slide: number }
  | { kind: 'remove'; role: DataRole; path: FieldPath; slide: number }
  /** Inserts `value` into the list at `path`, after its item `after` (-1: first). */
  | { kind: 'insert'; role: DataRole; path: FieldPath; after: number; value: unknown; slide: number };

export interface Unmapped {
  slide: number;
  what: string;
}

export interface MapContext {
  data: Record<DataRole, unknown>;
  roles: Map<string, DataRole>;
  slide: number;
}

type Leaf = { role: DataRole; path: FieldPath; text: string };
type Found = { edits: Edit[]; unmapped: Unmapped[] };

const quote = (s: string): string => `«${s.length > 60 ? `${s.slice(0, 57)}…` : s}»`;

/** The data under a source tag: its role and path, a wording template's key, or nothing known. */
type Source = { role: DataRole; path: FieldPath; template?: undefined } | { template: string };

function resolveSource(source: string | undefined, ctx: MapContext): Source | undefined {
  if (!source) return undefined;
  const hash = source.indexOf('#');
  const file = hash < 0 ? source : source.slice(0, hash);
  const at = parseFieldPath(hash < 0 ? '' : source.slice(hash + 1));
  const role = ctx.roles.get(file);
  if (role && at) return { role, path: at };
  if (/(^|\/)templates\//.test(file) && at?.length) return { template: at.map(String).join('.') };
  return undefined;
}

function leavesOf(role: DataRole, at: FieldPath, ctx: MapContext): Leaf[] {
  return textLeaves(getIn(ctx.data[role], at), at).map((l) => ({ role, ...l }));
}

/** Pairs the paragraphs of two versions: equal ones by a longest common subsequence, the rest in order. */
export function alignParagraphs(a: string[], b: string[]): [number | undefined, number | undefined][] {
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: [number | undefined, number | undefined][] = [];
  let [i, j] = [0, 0];
  const gapA: number[] = [];
  const gapB: number[] = [];
  // Between two equal paragraphs: a rewritten one pairs with the most alike (in order), others come or go;
  // as many gone as come (one text rewritten in place) pair in order.
  const flush = (): void => {
    if (gapA.length === gapB.length) gapA.forEach((x, k) => out.push([x, gapB[k]]));
    else {
      let next = 0;
      for (const x of gapA) {
        const k = gapB.findIndex((y, at) => at >= next && similarity(a[x]!, b[y]!) >= 0.5);
        if (k < 0) {
          out.push([x, undefined]);
          continue;
        }
        for (const y of gapB.slice(next, k)) out.push([undefined, y]);
        out.push([x, gapB[k]]);
        next = k + 1;
      }
      for (const y of gapB.slice(next)) out.push([undefined, y]);
    }
    gapA.length = 0;
    gapB.length = 0;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      out.push([i++, j++]);
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) gapA.push(i++);
    else gapB.push(j++);
  }
  flush();
  return out;
}

/** The string each base paragraph shows, searched in order so repeated texts pair with the right one. */
function leafPerParagraph(paragraphs: string[], leaves: Leaf[]): (Leaf | undefined)[] {
  let cursor = 0;
  return paragraphs.map((p) => {
    const want = shown(p);
    const at = [...leaves.slice(cursor), ...leaves.slice(0, cursor)].find((l) => shown(l.text) === want);
    if (at) cursor = leaves.indexOf(at) + 1;
    return at;
  });
}

/**
 * The list an item sits in, its path and index there, when the item is a text of its own: a
 * string, or a point's `text`. Items that are records (a target group, a plan row) are not
 * added or removed from a slide, because other data refers to them.
 */
function listOf(leaf: Leaf, ctx: MapContext): { path: FieldPath; index: number } | undefined {
  const data = ctx.data[leaf.role];
  const last = leaf.path.length - 1;
  const index = leaf.path[last] === 'text' ? last - 1 : last;
  const key = leaf.path[index];
  const list = getIn(data, leaf.path.slice(0, index));
  if (typeof key !== 'number' || !Array.isArray(list)) return undefined;
  const textual = (v: unknown): boolean =>
    typeof v === 'string' ||
    (v !== null && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string');
  return list.every(textual) ? { path: leaf.path.slice(0, index), index: key } : undefined;
}

/** A text shape whose paragraphs changed. */
function mapShape(base: ShapeText, edited: ShapeText, ctx: MapContext): Found {
  const found: Found = { edits: [], unmapped: [] };
  if (base.paragraphs.join('\n') === edited.paragraphs.join('\n')) return found;
  const source = resolveSource(base.source, ctx);
  const whole = edited.paragraphs.join('\n').trim();
  if (source?.template !== undefined) {
    found.edits.push({ kind: 'set', role: 'deck', path: ['wording', source.template], value: whole, slide: ctx.slide });
    return found;
  }
  const unmapped = (what: string): void => void found.unmapped.push({ slide: ctx.slide, what });
  if (!source) {
    unmapped(`${quote(base.paragraphs.join(' '))} → ${quote(edited.paragraphs.join(' '))}: the text has no data field`);
    return found;
  }
  const leaves = leavesOf(source.role, source.path, ctx);
  const single = leaves.find((l) => shown(l.text) === shown(base.paragraphs.join('\n')));
  if (single && base.paragraphs.length > 1) {
    found.edits.push({
      kind: 'set',
      ...single,
      value: applyTextEdit(single.text, base.paragraphs.join('\n'), whole),
      slide: ctx.slide,
    });
    return found;
  }
  const byParagraph = leafPerParagraph(base.paragraphs, leaves);
  let anchor: Leaf | undefined;
  const pending: string[] = [];
  for (const [i, j] of alignParagraphs(base.paragraphs, edited.paragraphs)) {
    const leaf = i === undefined ? undefined : byParagraph[i];
    const was = i === undefined ? undefined : base.paragraphs[i]!;
    const now = j === undefined ? undefined : edited.paragraphs[j]!;
    if (i !== undefined && leaf) anchor = leaf;
    if (was === now) continue;
    if (was !== undefined && now !== undefined) {
      if (leaf) found.edits.push({ kind: 'set', ...leaf, value: applyTextEdit(leaf.text, was, now), slide: ctx.slide });
      else unmapped(`${quote(was)} → ${quote(now)}: a label or computed text, not a field of the data`);
    } else if (was !== undefined) {
      const list = leaf && listOf(leaf, ctx);
      if (list)
        found.edits.push({ kind: 'remove', role: leaf.role, path: [...list.path, list.index], slide: ctx.slide });
      else if (was.trim()) unmapped(`${quote(was)} removed: the text is not an item of a list`);
    } else if (now?.trim()) {
      if (anchor) {
        const list = listOf(anchor, ctx);
        if (list)
          found.edits.push({
            kind: 'insert',
            role: anchor.role,
            path: list.path,
            after: list.index,
            value: now.trim(),
            slide: ctx.slide,
          });
        else unmapped(`${quote(now)} added: there is no list to add it to`);
      } else pending.push(now.trim());
    }
  }
  // Paragraphs added before the first known one go to the front of the first list.
  const first = byParagraph.find((l) => l !== undefined);
  const list = first && listOf(first, ctx);
  pending.forEach((value) => {
    if (list && first)
      found.edits.push({
        kind: 'insert',
        role: first.role,
        path: list.path,
        after: list.index - 1,
        value,
        slide: ctx.slide,
      });
    else unmapped(`${quote(value)} added: there is no list to add it to`);
  });
  return found;
}

/**
 * A table whose cells changed: each cell to the string of the row it shows; a stacked cell (two
 * columns, the lower in italic: slides/plan-columns.ts) column by column.
 */
function mapTable(base: TableText, edited: TableText, ctx: MapContext): Found {
  const found: Found = { edits: [], unmapped: [] };
  const source = resolveSource(base.source, ctx);
  const sameShape =
    base.rows.length === edited.rows.length && base.rows.every((r, i) => r.length === edited.rows[i]!.length);
  if (!sameShape) {
    found.unmapped.push({
      slide: ctx.slide,
      what: 'rows or columns of a table were added or removed; change the rows in the data',
    });
    return found;
  }
  const leaves = source && 'role' in source ? leavesOf(source.role, source.path, ctx) : [];
  const depth = source && 'path' in source ? source.path.length : 0;
  const unmapped = (was: string, now: string): void =>
    void found.unmapped.push({
      slide: ctx.slide,
      what: `table cell ${quote(was)} → ${quote(now)}: a computed or combined value`,
    });
  base.rows.forEach((row, r) => {
    const lowerFrom = row.map((_, c) => lowerColumnFrom(base, r, c));
    // The row's texts as its columns show them, for finding the row a cell's string is in.
    const shownRow = row.flatMap((was, c) => columnTexts(was, lowerFrom[c]));
    row.forEach((was, c) => {
      const now = edited.rows[r]![c]!;
      if (was === now) return;
      const from = lowerFrom[c];
      const pairs: [string, string][] | undefined =
        from === undefined ? [[was, now]] : stackedPairs(was, from, now, edited.italicFrom[r]?.[c]);
      if (!pairs) return unmapped(was, now);
      for (const [part, edit] of pairs) {
        if (part === edit) continue;
        const leaf = cellLeaf(leaves, part, shownRow, depth);
        if (leaf)
          found.edits.push({ kind: 'set', ...leaf, value: applyTextEdit(leaf.text, part, edit), slide: ctx.slide });
        else unmapped(part, edit);
      }
    });
  });
  return found;
}

/**
 * The line where a cell's lower column starts, in a table with stacked columns: its italic line,
 * or past its last line in a column stacked elsewhere (the cell shows its upper column only);
 * undefined for a cell of one column.
 */
function lowerColumnFrom(table: TableText, r: number, c: number): number | undefined {
  const own = table.italicFrom[r]?.[c];
  if (own !== undefined) return own;
  const stacked = table.italicFrom.some((row) => row[c] !== undefined);
  return stacked ? table.rows[r]![c]!.split('\n').length : undefined;
}

/** A stacked cell's upper and lower columns: its lines before `from`, and from `from` on. */
function columnTexts(text: string, from: number | undefined): string[] {
  if (from === undefined) return [text];
  const lines = text.split('\n');
  return [lines.slice(0, from).join('\n'), lines.slice(from).join('\n')];
}

/**
 * A stacked cell's columns, each paired with the edited cell's: split where the edited cell's
 * italic starts, or, with no italic in it, at the same line when it has as many lines as before
 * (or after its last, when it had no lower column either). Undefined where that cannot be told:
 * lines added or removed and no italic to show on which side, or a column emptied or newly
 * filled (which field a line of a column that was not shown belongs to is not known here).
 */
function stackedPairs(
  was: string,
  from: number,
  now: string,
  nowFrom: number | undefined,
): [string, string][] | undefined {
  const before = was.split('\n').length;
  const after = now.split('\n').length;
  const at = nowFrom ?? (after === before ? from : from === before ? after : undefined);
  if (at === undefined) return undefined;
  const [hadUpper, hasUpper, hadLower, hasLower] = [from > 0, at > 0, from < before, at < after];
  if (hadUpper !== hasUpper || hadLower !== hasLower) return undefined;
  const [upper, lower] = columnTexts(was, from);
  const [upperNow, lowerNow] = columnTexts(now, at);
  return [
    [upper!, upperNow!],
    [lower!, lowerNow!],
  ];
}

/** Of the strings equal to the cell, the one whose row (the list item below the table's field) holds most of the row's cells. */
function cellLeaf(leaves: Leaf[], cell: string, row: string[], depth: number): Leaf | undefined {
  const candidates = leaves.filter((l) => shown(l.text) === shown(cell));
  const rowKey = (l: Leaf): string => JSON.stringify(l.path.slice(0, depth + 1));
  const cells = new Set(row.map(shown));
  const score = (l: Leaf): number => leaves.filter((o) => rowKey(o) === rowKey(l) && cells.has(shown(o.text))).length;
  return candidates.sort((a, b) => score(b) - score(a))[0];
}

export function mapElement(pair: ElementPair, ctx: MapContext): Found {
  const { base, edited } = pair;
  if (base && edited && base.kind === 'text' && edited.kind === 'text') return mapShape(base, edited, ctx);
  if (base && edited && base.kind === 'table' && edited.kind === 'table') return mapTable(base, edited, ctx);
  const text =
    (base ?? edited)!.kind === 'text' ? ((base ?? edited) as ShapeText).paragraphs.join(' ').trim() : 'a table';
  if (!text) return { edits: [], unmapped: [] };
  // Each line whole, so the catalogue's English form (absorb-forms.ts) is the line the stage writes.
  const what = base
    ? `${quote(text)} was deleted from the slide; put it in the data by hand`
    : `${quote(text)} was added outside Trappa's shapes; put it in the data by hand`;
  return { edits: [], unmapped: [{ slide: ctx.slide, what }] };
}
