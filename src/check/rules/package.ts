/**
 * `package`: the zip is a sound OPC package, the things PowerPoint repairs a file for:
 * - every internal relationship points at a part that exists;
 * - every relationship id an XML part uses (`r:id`, `r:embed`, …) is in its .rels;
 * - every part has a content type, and every content-type override names a part;
 * - shape ids (`p:cNvPr/@id`) are unique within each slide, layout, master and notes part;
 * - every XML part is well-formed XML 1.0.
 * Findings on a slide part carry its slide number; the others slide 0.
 */
import { partFacts, partRoot, partSyntaxError, relationships, sourceOfRels } from '../../ooxml/package.js';
import { said } from '../../messages/catalogue.js';
import { attr, children } from '../../ooxml/xml.js';
import type { DeckModel, Finding, PackageModel, RuleOptions } from '../types.js';
import { finding } from './elements.js';

const RULE = 'package';
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
