/** What several rules ask of a slide's elements. */
import { partRole } from '../../kinds/index.js';
import { english, type Said, said } from '../../messages/catalogue.js';
import type { Box } from '../../layout/types.js';
import type { ElementModel, Finding, RunModel, ShapeModel, SlideModel, TextFrame } from '../types.js';

/** Footer texts (and the footer's logo): exempt from the body-size minimum, where a table must stop, page furniture in a PDF. */
const FOOTER_NAMES = new Set(['footer', 'slide number', 'date', 'footer logo']);
const FOOTER_PLACEHOLDERS = new Set(['ftr', 'sldNum', 'dt']);

export function isFooter(e: ElementModel): boolean {
  if (FOOTER_NAMES.has(e.name.trim().toLowerCase())) return true;
  return e.kind === 'shape' && e.placeholder !== undefined && FOOTER_PLACEHOLDERS.has(e.placeholder);
}

/**
 * A heading over a panel, column or list: a text shape whose part the slide kinds declare as a
 * heading (kinds/ `heading(…)`). The PDF tags it as a heading under the slide's title.
 */
export function isHeading(e: ElementModel): e is ShapeModel {
  return partRole(e.name) === 'heading' && e.kind === 'shape' && !!e.text && !isTitle(e);
}

export function isTitle(e: ElementModel): e is ShapeModel {
  return e.kind === 'shape' && (e.placeholder === 'title' || e.placeholder === 'ctrTitle');
}

/** Shapes that carry some visible text. */
export function textShapes(slide: SlideModel): Array<ShapeModel & { text: TextFrame }> {
  return slide.elements.filter(
    (e): e is ShapeModel & { text: TextFrame } => e.kind === 'shape' && e.text !== undefined && hasText(e.text),
  );
}

/*
 * hasText and visibleRuns loop by index: the rules ask them of every frame, a 1,000-row deck's
 * ~5,300 table cells too, several times each (~25 ms of its check with some/flatMap/filter and
 * their closures, mostly before V8 optimises them).
 */

export function hasText(frame: TextFrame): boolean {
  const paragraphs = frame.paragraphs;
  for (let i = 0; i < paragraphs.length; i++) {
    const runs = paragraphs[i]!.runs;
    for (let j = 0; j < runs.length; j++) if (isVisible(runs[j]!)) return true;
  }
  return false;
}

/** Runs with visible text. */
export function visibleRuns(frame: TextFrame): RunModel[] {
  const found: RunModel[] = [];
  const paragraphs = frame.paragraphs;
  for (let i = 0; i < paragraphs.length; i++) {
    const runs = paragraphs[i]!.runs;
    for (let j = 0; j < runs.length; j++) if (isVisible(runs[j]!)) found.push(runs[j]!);
  }
  return found;
}

const isVisible = (run: RunModel): boolean => run.text.trim() !== '';

/** Where a shape's text sits in the table: `row 3, column 2`. */
export const cellLabel = (row: number, column: number): string =>
  english(said('find.cell', { row: row + 1, column: column + 1 }));

export function contains(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;
}

/** A short quote of a text for messages. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

export const inches = (n: number): string => `${n.toFixed(2)} in`;
export const points = (n: number): string => `${Number(n.toFixed(1))} pt`;

/** A finding; its message given as a key and values (`said()`) keeps both, the English as `message`. */
export function finding(
  severity: Finding['severity'],
  rule: string,
  slide: number,
  element: string,
  message: string | Said,
): Finding {
  if (typeof message === 'string') return { severity, rule, slide, element, message };
  return { severity, rule, slide, element, message: english(message), said: message };
}

/** An element's name for reports; unnamed elements get their kind and id. */
export const elementName = (e: ElementModel): string => e.name || `${e.kind} ${e.id}`;
