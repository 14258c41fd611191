/**
 * Which layout of a master set each kind of slide uses: by name first (theme.yaml's
 * `layouts`, else PowerPoint's standard names in English and Norwegian, and LibreOffice's),
 * then by the layout's type. A missing layout or placeholder is an issue that names what
 * is missing and lists what the template has.
 */
import type { Issue, SourceLocation } from '../errors.js';
import type { LayoutInfo, LayoutRole, MasterSet } from '../pptx/master-set.js';

const LAYOUT_ROLES: LayoutRole[] = ['title', 'content', 'two', 'comparison', 'titleOnly', 'section'];

/** Standard names: PowerPoint English, PowerPoint Norwegian (bokmål), LibreOffice Impress. */
const DEFAULT_LAYOUT_NAMES: Record<LayoutRole, string[]> = {
  title: ['Title Slide', 'Tittellysbilde', 'Title, Content'],
  content: ['Title and Content', 'Tittel og innhold', 'Title, Content'],
  two: ['Two Content', 'To innholdsdeler', 'Title, 2 Content', 'Title and 2 Content'],
  comparison: ['Comparison', 'Sammenligning'],
  titleOnly: ['Title Only', 'Bare tittel', 'Title Only, Content', 'Title, Content'],
  section: ['Section Header', 'Inndelingsoverskrift', 'Title Only', 'Title Slide'],
};

const LAYOUT_TYPES: Record<LayoutRole, string[]> = {
  title: ['title'],
  content: ['obj', 'tx'],
  two: ['twoObj', 'twoTxTwoObj'],
  comparison: ['twoTxTwoObj'],
  titleOnly: ['titleOnly'],
  section: ['secHead'],
};

/** What a layout must hold for its role (besides the slide number, which every non-title slide shows). */
const NEEDS: Record<LayoutRole, { title: string[]; bodies: number; subtitle?: boolean }> = {
  title: { title: ['ctrTitle', 'title'], bodies: 0, subtitle: true },
  content: { title: ['title'], bodies: 1 },
  two: { title: ['title'], bodies: 2 },
  comparison: { title: ['title'], bodies: 2 },
  titleOnly: { title: ['title'], bodies: 0 },
  section: { title: ['title', 'ctrTitle'], bodies: 0 },
};

const BODY = ['obj', 'body'];

function lacks(layout: LayoutInfo, role: LayoutRole): string | undefined {
  const need = NEEDS[role];
  const types = layout.placeholders.map((p) => p.type);
  if (!types.some((t) => need.title.includes(t))) return 'a title placeholder';
  if (need.subtitle && !types.some((t) => t === 'subTitle' || BODY.includes(t))) return 'a subtitle placeholder';
  const bodies = types.filter((t) => BODY.includes(t)).length;
  if (bodies < need.bodies) return `${need.bodies} content placeholders (it has ${bodies})`;
  if (role !== 'title' && !types.includes('sldNum')) return 'a slide-number placeholder';
  return undefined;
}

function describe(layout: LayoutInfo): string {
  const placeholders = layout.placeholders.map((p) => p.type + (p.idx ? `#${p.idx}` : '')).join(', ');
  return `'${layout.name}' (${placeholders || 'no placeholders'})`;
}

export interface ChosenLayouts {
  layouts: Record<LayoutRole, LayoutInfo>;
}

/**
 * @param names theme.yaml's `layouts` (role → the template's layout name), when given.
 * Optional roles (comparison, section) fall back to another layout rather than fail.
 */
export function chooseLayouts(
  set: MasterSet,
  names: Partial<Record<LayoutRole, string>>,
  where: SourceLocation,
): { ok: true; value: ChosenLayouts } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const chosen: Partial<Record<LayoutRole, LayoutInfo>> = {};
  for (const role of LAYOUT_ROLES) {
    const wanted = names[role] ? [names[role]] : DEFAULT_LAYOUT_NAMES[role];
    const byName = wanted
      .map((n) => set.layouts.find((l) => l.name.toLowerCase() === n.toLowerCase()))
      .find((l) => l && !lacks(l, role));
    const byType = set.layouts.find((l) => LAYOUT_TYPES[role].includes(l.type) && !lacks(l, role));
    const found = byName ?? (names[role] ? undefined : byType);
    if (found) {
      chosen[role] = found;
      continue;
    }
    // The optional layouts fall back to another (whose own absence is reported once, for it).
    const fallback = role === 'comparison' ? 'two' : role === 'section' ? 'titleOnly' : undefined;
    if (fallback && !names[role]) {
      if (chosen[fallback]) chosen[role] = chosen[fallback];
    } else {
      const named = wanted.map((n) => set.layouts.find((l) => l.name.toLowerCase() === n.toLowerCase())).find((l) => l);
      const why = named
        ? `its layout '${named.name}' lacks ${lacks(named, role)}`
        : `it has no layout named ${wanted.map((n) => `'${n}'`).join(' or ')} ` +
          `(nor of type ${LAYOUT_TYPES[role].join('/')})`;
      issues.push({
        ...where,
        message:
          `the template ${set.origin} cannot hold ${role === 'two' ? 'two-content' : role} slides: ${why}; ` +
          `its layouts: ${set.layouts.map(describe).join('; ')}. ` +
          `Name the layout to use under layouts.${role} in theme.yaml`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { layouts: chosen as Record<LayoutRole, LayoutInfo> } };
}
