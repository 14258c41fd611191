/**
 * What the action-plan slide says, before any layout: its title, the header, and the rows
 * in the order the audience's plan mode asks for ("mark": own rows first; "only": own rows only).
 */
import type { PlanRow } from '../data/schema.js';
import type { PlanMode } from '../plan/resolve-deck.js';
import { formatShortDate } from '../render/dates.js';
import type { Labels } from '../render/labels.js';
import type { SlideInput } from './types.js';

export interface PlanContent {
  title: string;
  /** Said instead of a table when no row is shown ('' when rows are shown). */
  empty: string;
  header: string[];
  rows: { cells: string[]; own: boolean; italicFrom?: (number | undefined)[] }[];
  legend?: string;
  /**
   * Per column of the header (and of each row, `rows[].italicFrom`): the line where another column's
   * text starts in the cell, set in italic (plan-columns.ts); undefined where the cell holds one column's.
   */
  headerItalicFrom?: (number | undefined)[];
}

function whenText(row: PlanRow, labels: Labels): string {
  if (row.when) return row.when;
  if (row.dates) return row.dates.map((d) => formatShortDate(d, labels)).join(' / ');
  return row.date ? formatShortDate(row.date, labels) : '';
}

function orderRows(rows: PlanContent['rows'], mode: PlanMode): PlanContent['rows'] {
  // Only the audience's rows: all of them would be marked, so none is.
  if (mode === 'only') return rows.filter((r) => r.own).map((r) => ({ ...r, own: false }));
  if (mode === 'mark') return [...rows.filter((r) => r.own), ...rows.filter((r) => !r.own)];
  return rows.map((r) => ({ ...r, own: false }));
}

export function planContent(input: SlideInput): PlanContent {
  const { strategy, audienceRows } = input.plan;
  const rows = strategy.actionPlan.map((row, i) => ({
    cells: [
      row.audience,
      row.activity,
      row.purpose ?? '',
      row.responsible ?? '',
      whenText(row, input.plan.templates.labels),
    ],
    own: audienceRows.has(row.id ?? i),
  }));
  const mode = input.slide.planMode;
  const ordered = orderRows(rows, mode);
  // Only 'only' drops rows: a plan with rows shows none when none concerns the audience.
  const emptyKey = rows.length > 0 ? 'plan.noneForAudience' : 'plan.empty';
  return {
    title: input.title('plan.title'),
    empty: ordered.length === 0 ? input.text(emptyKey) : '',
    header: ['audience', 'activity', 'purpose', 'responsible', 'when'].map((k) => input.text(`plan.${k}`)),
    rows: ordered,
    legend: mode === 'mark' && ordered.some((r) => r.own) ? input.text('plan.marked') : undefined,
  };
}
