/**
 * Checks that span fields or files, which a schema cannot express:
 * ids are unique, and every id a deck or plan row mentions exists.
 */
import type { Issue } from '../errors.js';
import type { YamlSource } from './load-yaml.js';
import type { Deck, Strategy } from './schema.js';
import { locateIn, suggest } from './validate.js';

interface Located<T> {
  value: T;
  source: YamlSource;
}

type Path = (string | number)[];

function unknownId(source: YamlSource, at: Path, kind: string, idValue: string, known: string[]): Issue {
  const close = suggest(idValue, known);
  const hint = close ? `; did you mean '${close}'?` : known.length <= 8 ? `; known: ${known.join(', ')}` : '';
  return { ...locateIn(source, at), message: `unknown ${kind} '${idValue}'${hint}` };
}

function duplicateIds(source: YamlSource, ids: (string | undefined)[], at: (i: number) => Path, kind: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  ids.forEach((value, i) => {
    if (value === undefined) return;
    if (seen.has(value))
      issues.push({ ...locateIn(source, at(i)), message: `${kind} id '${value}' is used twice; ids must be unique` });
    seen.add(value);
  });
  return issues;
}

function checkStrategy({ value: s, source }: Located<Strategy>): Issue[] {
  const groupIds = s.targetGroups.groups.map((g) => g.id);
  const issues = [
    ...duplicateIds(source, groupIds, (i) => ['targetGroups', 'groups', i, 'id'], 'target group'),
    ...duplicateIds(
      source,
      s.organisation.members.map((m) => m.id),
      (i) => ['organisation', 'members', i, 'id'],
      'member',
    ),
    ...duplicateIds(
      source,
      s.actionPlan.map((r) => r.id),
      (i) => ['actionPlan', i, 'id'],
      'plan row',
    ),
    ...duplicateIds(
      source,
      s.history.map((h) => h.version),
      (i) => ['history', i, 'version'],
      'history version',
    ),
  ];
  // A set: a plan of thousands of rows against thousands of groups is otherwise rows × groups.
  const known = new Set(groupIds);
  s.actionPlan.forEach((row, i) =>
    row.groups.forEach((g, j) => {
      if (!known.has(g)) issues.push(unknownId(source, ['actionPlan', i, 'groups', j], 'target group', g, groupIds));
    }),
  );
  if (s.history.length > 0 && !s.history.some((h) => h.version === s.version)) {
    issues.push({
      ...locateIn(source, ['version']),
      message: `version "${s.version}" has no entry in history; add one (trappa bump does it for you)`,
    });
  }
  return issues;
}

function checkDeck(strategy: Strategy, { value: deck, source }: Located<Deck>): Issue[] {
  const groupIds = strategy.targetGroups.groups.map((g) => g.id);
  const rowIds = strategy.actionPlan.flatMap((r) => (r.id ? [r.id] : []));
  const issues: Issue[] = [];
  deck.audience.groups.forEach((g, i) => {
    if (!groupIds.includes(g)) issues.push(unknownId(source, ['audience', 'groups', i], 'target group', g, groupIds));
  });
  deck.slides.forEach((slide, i) => {
    if (
      typeof slide === 'object' &&
      'kind' in slide &&
      slide.kind === 'bullets' &&
      slide.points.length === 0 &&
      !slide.intro
    ) {
      issues.push({
        ...locateIn(source, ['slides', i]),
        message: 'a bullets slide needs points (or at least an intro); add points: [...]',
      });
    }
  });
  const planRow = deck.meeting?.planRow;
  if (planRow && !rowIds.includes(planRow))
    issues.push(unknownId(source, ['meeting', 'planRow'], 'plan row', planRow, rowIds));
  return issues;
}

/** Every wording override must name a template text that exists, or a typo would be ignored silently. */
export function checkWordingKeys(
  known: ReadonlySet<string>,
  wording: Record<string, string>,
  source: YamlSource,
  language: string,
): Issue[] {
  return Object.keys(wording)
    .filter((key) => !known.has(key))
    .map((key) => {
      const close = suggest(key, [...known]);
      const message = close
        ? `no template text '${key}' to override; did you mean '${close}'?`
        : `no template text '${key}' to override; see templates/${language}/slides.yaml for the names`;
      return { ...locateIn(source, ['wording', key], 'key'), message };
    });
}

export function checkReferences(strategy: Located<Strategy>, decks: { deck: Deck; source: YamlSource }[]): Issue[] {
  const issues = checkStrategy(strategy);
  for (const d of decks) issues.push(...checkDeck(strategy.value, { value: d.deck, source: d.source }));
  const seen = new Map<string, string>();
  for (const d of decks) {
    const other = seen.get(d.deck.id);
    if (other)
      issues.push({ ...locateIn(d.source, ['id']), message: `deck id '${d.deck.id}' is also used in ${other}` });
    seen.set(d.deck.id, d.source.file);
  }
  return issues;
}
