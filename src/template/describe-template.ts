/**
 * What Trappa sees in a template (`trappa template FILE`): its layouts with their
 * placeholders and the slide roles each one gets, the theme fonts and the face that measures
 * each on this machine, the theme colours, and the background behind each used layout.
 * Plain data (printed as text or JSON by the command), made from the same master set,
 * layout choice and font resolution a build uses, so it says what a build will do.
 */
import { resolveFontFace } from '../fonts/fonts.js';
import type { LayoutInfo, LayoutRole, MasterSet } from '../pptx/master-set.js';
import { layoutLook } from './legible-colors.js';
import { targets } from './read-master-set.js';

export interface TemplateReport {
  file: string;
  /** Slide size in inches. */
  size: { w: number; h: number };
  masters: number;
  layouts: {
    /** 1-based number of the master the layout belongs to. */
    master: number;
    name: string;
    type: string;
    placeholders: string[];
    /** The slide roles that use this layout (empty: none). */
    roles: LayoutRole[];
    /** The layout's background colour (hex), or "picture or gradient". */
    background?: string;
  }[];
  fonts: { use: 'headings' | 'body'; face: string; measuredAs: string; how: string; margin: number }[];
  /** Theme colour slots (dk1 … accent6, hlink, and the mapped tx1/bg1 …) → hex. */
  colors: Record<string, string>;
}

const ROLE_WORDS: Record<LayoutRole, string> = {
  title: 'title slide',
  content: 'one text',
  two: 'two texts',
  comparison: 'three or more texts',
  titleOnly: 'diagram or table (title only)',
  section: 'section',
};

const placeholderName = (ph: LayoutInfo['placeholders'][number]): string => `${ph.type}${ph.idx ? `#${ph.idx}` : ''}`;

export function describeTemplate(set: MasterSet, chosen: Record<LayoutRole, LayoutInfo>): TemplateReport {
  const roles = Object.entries(chosen) as [LayoutRole, LayoutInfo][];
  const fonts = (['headings', 'body'] as const).map((use) => {
    const face = use === 'headings' ? set.fonts.major : set.fonts.minor;
    const by = resolveFontFace(face || 'Calibri');
    return { use, face, measuredAs: by.measuredAs, how: by.how, margin: by.margin };
  });
  return {
    file: set.origin,
    size: set.size,
    masters: set.masters.length,
    layouts: set.layouts.map((layout) => {
      const used = roles.filter(([, l]) => l.part === layout.part).map(([role]) => role);
      const background = used.length > 0 ? layoutLook(set, layout).backdrop : undefined;
      const master = targets(set.parts, layout.part, '/slideMaster')[0];
      return {
        master: Math.max(1, set.masters.indexOf(master ?? '') + 1),
        name: layout.name,
        type: layout.type,
        placeholders: layout.placeholders.map(placeholderName),
        roles: used,
        ...(background ? { background } : {}),
      };
    }),
    fonts,
    colors: Object.fromEntries([...set.scheme].filter(([, hex]) => /^[0-9A-F]{6}$/i.test(hex))),
  };
}

const inches = (n: number): string => `${n.toFixed(2)} in (${(n * 2.54).toFixed(1)} cm)`;

/** The report as the lines `trappa template` prints. */
export function formatTemplateReport(report: TemplateReport): string {
  const lines = [
    `${report.file}: ${inches(report.size.w)} × ${inches(report.size.h)}, ${report.masters} master(s), ${report.layouts.length} layouts`,
    '',
    'Layouts (placeholders → the slides that use it):',
  ];
  for (const l of report.layouts) {
    if (report.masters > 1 && l === report.layouts.find((o) => o.master === l.master))
      lines.push(` Master ${l.master}:`);
    const use = l.roles.length > 0 ? l.roles.map((r) => ROLE_WORDS[r]).join(', ') : 'not used';
    const behind = l.background ? `; background ${l.background.replace(/^([0-9A-F]{6})$/i, '#$1')}` : '';
    lines.push(`  ${l.name} [${l.type}]: ${l.placeholders.join(', ') || 'no placeholders'} → ${use}${behind}`);
  }
  lines.push('', 'Fonts:');
  for (const f of report.fonts) {
    const margin = f.margin > 1 ? `, widths +${Math.round((f.margin - 1) * 100)} %` : '';
    const how = f.how === 'own' ? 'itself' : `${f.measuredAs} (${f.how}${margin})`;
    lines.push(`  ${f.use}: ${f.face || '(none named)'}, measured with ${how}`);
  }
  lines.push('', 'Theme colours:');
  const slots = Object.entries(report.colors).map(([slot, hex]) => `${slot} #${hex}`);
  for (let i = 0; i < slots.length; i += 6) lines.push(`  ${slots.slice(i, i + 6).join('  ')}`);
  return lines.join('\n');
}
