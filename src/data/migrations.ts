/**
 * Older forms of a field that a newer one replaces: what `trappa migrate` rewrites and what
 * the build's one-line hint (migration-hints.ts) proposes. A migration finds the old form in
 * the parsed YAML document and returns splices of the file's text (as bump does), so only the
 * migrated field's own text changes: comments, key order, quoting and the flow or block
 * layout of everything else stay byte for byte. Translation maps are migrated too.
 */
import { type Document, isMap, isScalar, type Pair, stringify } from 'yaml';

/** Replace text[at, end) with `text`. */
export interface Splice {
  at: number;
  end: number;
  text: string;
}

/** One migration found in a file: its field, what it writes there, and the text edits. */
export interface FoundMigration {
  field: string;
  change: string;
  splices: Splice[];
}

type Find = (doc: Document.Parsed, text: string) => FoundMigration | undefined;

const isData = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** «Barnevern, PPT, innkjøp og IKT» → its items; fewer than two is a label, not a list. */
export function servicesFromLabel(label: string): string[] {
  const items = label
    .split(/\s*(?:,|\bog\b|\band\b)\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length >= 2 ? items : [];
}

/**
 * The label's items as services; a translated label (`{ nn: …, en: … }`) gives translated
 * services when every language lists as many items, else none (which item is which is unsure).
 */
function servicesOf(tasks: unknown): unknown[] {
  if (typeof tasks === 'string') return servicesFromLabel(tasks);
  if (!isData(tasks)) return [];
  const lists = Object.entries(tasks).map(([language, text]) => [language, servicesFromLabel(String(text))] as const);
  const count = lists[0]?.[1].length ?? 0;
  if (count === 0 || lists.some(([, items]) => items.length !== count)) return [];
  return Array.from({ length: count }, (_, i) =>
    Object.fromEntries(lists.map(([language, items]) => [language, items[i]])),
  );
}

/** A flow list in the file's own padding (`[a, b]` or `[ a, b ]`, whichever it writes more). */
function flowList(items: unknown[], text: string): string {
  const spaced = (text.match(/[[{] [^ \]}]/g) ?? []).length;
  const tight = (text.match(/[[{][^ \]}\n]/g) ?? []).length;
  return stringify(items, { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: spaced > tight }).trim();
}

const keyIs = (pair: Pair, key: string): boolean => isScalar(pair.key) && pair.key.value === key;

/**
 * Services written as the arrows' label (`model.tasks: Barnevern, PPT, IKT`) before
 * `model.services` existed: the label becomes `services: [Barnevern, PPT, IKT]` where it
 * stood (it held the services; kept, it would draw them a second time on the arrows). Where
 * an empty `services:` is already written, that gets the list and the label stays.
 */
const servicesAsTasks: Find = (doc, text) => {
  const model = doc.get('model', true);
  if (!isMap(model)) return undefined;
  const tasks = model.items.find((p) => keyIs(p, 'tasks'));
  const written = model.items.find((p) => keyIs(p, 'services'));
  const plain = doc.toJS() as { model: Record<string, unknown> };
  const existing = plain.model.services;
  const value = tasks?.value as { range?: [number, number, number] } | undefined;
  if (!tasks || !value?.range || (Array.isArray(existing) ? existing.length > 0 : existing != null)) return undefined;
  const services = servicesOf(plain.model.tasks);
  if (services.length === 0) return undefined;
  const list = flowList(services, text);
  const shown = services.map((s) => (isData(s) ? Object.values(s)[0] : s)).join(', ');
  const servicesRange = (written?.value as { range?: [number, number, number] } | undefined)?.range;
  if (servicesRange) {
    return {
      field: 'model.services',
      change: `model.services: [${shown}] (from the label model.tasks, which stays)`,
      splices: [{ at: servicesRange[0], end: servicesRange[1], text: list }],
    };
  }
  const keyRange = (tasks.key as { range?: [number, number, number] }).range!;
  return {
    field: 'model.tasks',
    change: `model.services: [${shown}] in place of the label model.tasks`,
    splices: [{ at: keyRange[0], end: value.range[1], text: `services: ${list}` }],
  };
};

const migrations: readonly Find[] = [servicesAsTasks];

/** Every migration that applies to the document parsed from `text`. */
export function findMigrations(doc: Document.Parsed, text: string): FoundMigration[] {
  return migrations.flatMap((find) => find(doc, text) ?? []);
}

/** `text` with the splices made, last first so earlier offsets stay right. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  return [...splices].sort((a, b) => b.at - a.at).reduce((t, s) => t.slice(0, s.at) + s.text + t.slice(s.end), text);
}
