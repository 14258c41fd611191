/**
 * `package`: the zip is a sound OPC package, the things PowerPoint repairs a file for:
 * - every internal relationship points at a part that exists;
 * - every relationship id an XML part uses (`r:id`, `r:embed`, …) is in its .rels;
 * - every part has a content type, and every content-type override names a part;
 * - shape ids (`p:cNvPr/@id`) are unique within each slide, layout, master and notes part;
 * - every XML part is well-formed XML 1.0.
 * Findings on a slide part carry its slide number; the others slide 0.
 */
import { partRoot, partSyntaxError, relationships, sourceOfRels } from '../../ooxml/package.js';
import { said } from '../../messages/catalogue.js';
import { attr, children, type XmlElement } from '../../ooxml/xml.js';
import type { DeckModel, Finding, PackageModel, RuleOptions } from '../types.js';
import { finding } from './elements.js';

const RULE = 'package';
/** Attributes that hold a relationship id (prefix `r:` by convention in every Office part). */
const REL_ATTRIBUTE = /^r:(?:id|embed|link|pict|dm|lo|qs|cs|href)$/;
const DRAWING_PART = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters|handoutMasters)\/[^/]+\.xml$/;

export function checkPackage(deck: DeckModel, _options: RuleOptions): Finding[] {
  const slideOf = new Map(deck.slides.map((s) => [s.part, s.number]));
  const at = (part: string): number => slideOf.get(part) ?? 0;
  const pkg = deck.package;
  return [
    ...checkWellFormed(pkg, at),
    ...checkRelationships(pkg, at),
    ...checkContentTypes(pkg),
    ...checkShapeIds(pkg, at),
  ];
}

function checkWellFormed(pkg: PackageModel, at: (part: string) => number): Finding[] {
  const found: Finding[] = [];
  for (const part of pkg.xml.keys()) {
    const error = partSyntaxError(pkg, part);
    if (error) found.push(finding('error', RULE, at(part), part, said('find.notXml', { error: error.message })));
  }
  return found;
}

/** What the package rule needs of one part, from one walk over its tree. */
interface PartFacts {
  /** Every relationship id used by an attribute anywhere in the part. */
  relationshipIds: Set<string>;
  /**
   * Every `p:cNvPr` a reader draws: inside `mc:AlternateContent` only the fallback counts,
   * because a choice and its fallback are the same shape written twice and may share an id.
   */
  shapeProperties: XmlElement[];
}

/**
 * Facts by parsed tree: the decks of a build share the trees of the parts they have in common
 * (ooxml/package.ts parses each text once), so a template's master set (Yellow Idea: 117
 * parts, 1.1 M characters) is walked once per process, not once per deck.
 */
const factsOf = new WeakMap<XmlElement, PartFacts>();
const NO_FACTS: PartFacts = { relationshipIds: new Set(), shapeProperties: [] };

/** The part's facts, walked once for the relationship check and the shape-id check together. */
function partFacts(pkg: PackageModel, part: string): PartFacts {
  const root = partRoot(pkg, part);
  if (!root) return NO_FACTS;
  let facts = factsOf.get(root);
  if (!facts) factsOf.set(root, (facts = walkPart(root)));
  return facts;
}

function walkPart(root: XmlElement): PartFacts {
  const facts: PartFacts = { relationshipIds: new Set(), shapeProperties: [] };
  // Every element of every part: written to allocate nothing per element (no entries, no child lists).
  const walk = (element: XmlElement, drawn: boolean): void => {
    for (const name in element.attributes) {
      const value = element.attributes[name];
      if (value && name.startsWith('r:') && REL_ATTRIBUTE.test(name)) facts.relationshipIds.add(value);
    }
    for (const c of element.children) {
      if (typeof c === 'string') continue;
      const shown = drawn && c.name !== 'mc:Choice';
      if (shown && c.name === 'p:cNvPr') facts.shapeProperties.push(c);
      walk(c, shown);
    }
  };
  walk(root, true);
  return facts;
}

function checkRelationships(pkg: PackageModel, at: (part: string) => number): Finding[] {
  const found: Finding[] = [];
  const parts = new Set(pkg.parts);
  for (const relsPart of pkg.parts.filter((p) => p.endsWith('.rels'))) {
    const source = sourceOfRels(relsPart);
    for (const rel of relationships(pkg, source).values()) {
      if (rel.external || parts.has(rel.target)) continue;
      found.push(
        finding('error', RULE, at(source), relsPart, said('find.relTarget', { id: rel.id, target: rel.target })),
      );
    }
  }
  for (const part of pkg.xml.keys()) {
    if (part.endsWith('.rels') || part === '[Content_Types].xml') continue;
    const ids = partFacts(pkg, part).relationshipIds;
    if (ids.size === 0) continue;
    const known = relationships(pkg, part);
    for (const id of ids) {
      if (!known.has(id)) found.push(finding('error', RULE, at(part), part, said('find.relUndefined', { id })));
    }
  }
  return found;
}

function checkContentTypes(pkg: PackageModel): Finding[] {
  const types = partRoot(pkg, '[Content_Types].xml');
  if (types === undefined) return [finding('error', RULE, 0, '[Content_Types].xml', said('find.noContentTypes'))];
  const defaults = new Set(children(types, 'Default').map((d) => (attr(d, 'Extension') ?? '').toLowerCase()));
  const overrides = new Set(
    children(types, 'Override').map((o) => (attr(o, 'PartName') ?? '').replace(/^\//, '').toLowerCase()),
  );
  const parts = new Set(pkg.parts.map((p) => p.toLowerCase()));
  const found: Finding[] = [];
  for (const part of pkg.parts) {
    if (part === '[Content_Types].xml') continue;
    const extension = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase() ?? '';
    if (!overrides.has(part.toLowerCase()) && !defaults.has(extension)) {
      found.push(finding('error', RULE, 0, part, said('find.noContentType')));
    }
  }
  for (const override of overrides) {
    if (!parts.has(override))
      found.push(finding('error', RULE, 0, '[Content_Types].xml', said('find.overrideMissing', { part: override })));
  }
  return found;
}

function checkShapeIds(pkg: PackageModel, at: (part: string) => number): Finding[] {
  const found: Finding[] = [];
  for (const part of pkg.xml.keys()) {
    if (!DRAWING_PART.test(part)) continue;
    const names = new Map<string, string[]>();
    for (const cNvPr of partFacts(pkg, part).shapeProperties) {
      const id = attr(cNvPr, 'id') ?? '';
      names.set(id, [...(names.get(id) ?? []), attr(cNvPr, 'name') ?? '']);
    }
    for (const [id, shapes] of names) {
      if (shapes.length < 2) continue;
      const list = shapes.map((n) => `"${n}"`).join(', ');
      found.push(
        finding('error', RULE, at(part), shapes[1] || part, said('find.shapeId', { id, n: shapes.length, part, list })),
      );
    }
  }
  return found;
}
