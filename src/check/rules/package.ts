/**
 * `package`: the zip is a sound OPC package, the things PowerPoint repairs a file for:
 * - every internal relationship points at a part that exists;
 * - every relationship id an XML part uses (`r:id`, `r:embed`, …) is in its .rels;
 * - every part has a content type, and every content-type override names a part;
 * - shape ids (`p:cNvPr/@id`) are unique within each slide, layout, master and notes part.
 * Findings on a slide part carry its slide number; the others slide 0.
 */
import { relationshipTargets, sourceOfRels } from '../read-deck.js';
import type { DeckModel, Finding, PackageModel, RuleOptions } from '../types.js';
import { attr, elements } from '../xml.js';
import { finding } from './elements.js';

const RULE = 'package';
const REL_ID = /\br:(?:id|embed|link|pict|dm|lo|qs|cs|href)="([^"]*)"/g;
const SHAPE_ID = /<p:cNvPr\b[^>]*?\bid="([^"]*)"[^>]*?\bname="([^"]*)"|<p:cNvPr\b[^>]*?\bname="([^"]*)"[^>]*?\bid="([^"]*)"/g;
const DRAWING_PART = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters|handoutMasters)\/[^/]+\.xml$/;

export function checkPackage(deck: DeckModel, _options: RuleOptions): Finding[] {
  const slideOf = new Map(deck.slides.map((s) => [s.part, s.number]));
  const at = (part: string): number => slideOf.get(part) ?? 0;
  const pkg = deck.package;
  return [...checkRelationships(pkg, at), ...checkContentTypes(pkg), ...checkShapeIds(pkg, at)];
}

function checkRelationships(pkg: PackageModel, at: (part: string) => number): Finding[] {
  const found: Finding[] = [];
  const parts = new Set(pkg.parts);
  for (const relsPart of pkg.parts.filter((p) => p.endsWith('.rels'))) {
    const source = sourceOfRels(relsPart);
    for (const rel of relationshipTargets(pkg, source).values()) {
      if (rel.external || parts.has(rel.target)) continue;
      found.push(finding('error', RULE, at(source), relsPart, `relationship ${rel.id} points to ${rel.target}, which is not in the package`));
    }
  }
  for (const [part, xml] of pkg.xml) {
    if (part.endsWith('.rels') || part === '[Content_Types].xml') continue;
    const ids = new Set<string>();
    for (const m of xml.matchAll(REL_ID)) if (m[1]) ids.add(m[1]);
    if (ids.size === 0) continue;
    const known = relationshipTargets(pkg, part);
    for (const id of ids) {
      if (!known.has(id)) found.push(finding('error', RULE, at(part), part, `uses relationship ${id}, which its .rels does not define`));
    }
  }
  return found;
}

function checkContentTypes(pkg: PackageModel): Finding[] {
  const types = pkg.xml.get('[Content_Types].xml');
  if (types === undefined) return [finding('error', RULE, 0, '[Content_Types].xml', 'the package has no [Content_Types].xml')];
  const defaults = new Set(elements(types, 'Default').map((d) => (attr(d.attributes, 'Extension') ?? '').toLowerCase()));
  const overrides = new Set(elements(types, 'Override').map((o) => (attr(o.attributes, 'PartName') ?? '').replace(/^\//, '').toLowerCase()));
  const parts = new Set(pkg.parts.map((p) => p.toLowerCase()));
  const found: Finding[] = [];
  for (const part of pkg.parts) {
    if (part === '[Content_Types].xml') continue;
    const extension = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase() ?? '';
    if (!overrides.has(part.toLowerCase()) && !defaults.has(extension)) {
      found.push(finding('error', RULE, 0, part, 'the part has no content type in [Content_Types].xml'));
    }
  }
  for (const override of overrides) {
    if (!parts.has(override)) found.push(finding('error', RULE, 0, '[Content_Types].xml', `an override names /${override}, which is not in the package`));
  }
  return found;
}

function checkShapeIds(pkg: PackageModel, at: (part: string) => number): Finding[] {
  const found: Finding[] = [];
  for (const [part, xml] of pkg.xml) {
    if (!DRAWING_PART.test(part)) continue;
    const names = new Map<string, string[]>();
    for (const m of xml.matchAll(SHAPE_ID)) {
      const id = m[1] ?? m[4] ?? '';
      names.set(id, [...(names.get(id) ?? []), m[2] ?? m[3] ?? '']);
    }
    for (const [id, shapes] of names) {
      if (shapes.length < 2) continue;
      const list = shapes.map((n) => `"${n}"`).join(', ');
      found.push(finding('error', RULE, at(part), shapes[1] || part, `shape id ${id} is used by ${shapes.length} shapes in ${part} (${list})`));
    }
  }
  return found;
}
