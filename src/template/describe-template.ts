/**
 * What Trappa sees in a template (`trappa template FILE`): its layouts with their
 * placeholders and the slide roles each one gets, the theme fonts and the face that measures
 * each on this machine, the theme colours, and the background behind each used layout.
 * Plain data (printed as text or JSON by the command), made from the same master set,
 * layout choice and font resolution a build uses, so it says what a build will do.
 */
import { type Messages, messagesIn } from '../messages/catalogue.js';
import { resolveFontFace } from '../fonts/fonts.js';
import type { LayoutInfo, LayoutRole, MasterSet } from '../pptx/master-set.js';
import { layoutLook } from './layout-looks.js';
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
  fonts: {
    use: 'headings' | 'body';
    face: string;
    measuredAs: string;
    how: 'own' | 'compatible' | 'close' | 'fallback';
    margin: number;
  }[];
  /** Theme colour slots (dk1 … accent6, hlink, and the mapped tx1/bg1 …) → hex. */
  colors: Record<string, string>;
}

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

/** The report as the lines `trappa template` prints, in the reader's language. */
export function formatTemplateReport(report: TemplateReport, { say, lang }: Messages = messagesIn('en')): string {
  const size = (n: number): string => {
    const [inches, cm] = [n.toFixed(2), (n * 2.54).toFixed(1)];
    return say(
      'tpl.size',
      lang === 'en' ? { in: inches, cm } : { in: inches.replace('.', ','), cm: cm.replace('.', ',') },
    );
  };
  const { file, masters } = report;
  const lines = [
    say('tpl.head', { file, w: size(report.size.w), h: size(report.size.h), masters, layouts: report.layouts.length }),
    '',
    say('tpl.layouts'),
  ];
  for (const l of report.layouts) {
    if (report.masters > 1 && l === report.layouts.find((o) => o.master === l.master))
      lines.push(say('tpl.master', { n: l.master }));
    const use = l.roles.length > 0 ? l.roles.map((r) => say(`tpl.role.${r}`)).join(', ') : say('tpl.notUsed');
    const colour = l.background?.replace(/^([0-9A-F]{6})$/i, '#$1');
    const behind = colour ? say('tpl.background', { colour }) : '';
    lines.push(`  ${l.name} [${l.type}]: ${l.placeholders.join(', ') || say('tpl.noPlaceholders')} → ${use}${behind}`);
  }
  lines.push('', say('tpl.fonts'));
  for (const f of report.fonts) {
    const margin = f.margin > 1 ? say('tpl.widths', { n: Math.round((f.margin - 1) * 100) }) : '';
    const how = f.how === 'own' ? say('tpl.itself') : `${f.measuredAs} (${say(`tpl.how.${f.how}`)}${margin})`;
    lines.push(say('tpl.font', { use: say(`tpl.use.${f.use}`), face: f.face || say('tpl.noFace'), how }));
  }
  lines.push('', say('tpl.colours'));
  const slots = Object.entries(report.colors).map(([slot, hex]) => `${slot} #${hex}`);
  for (let i = 0; i < slots.length; i += 6) lines.push(`  ${slots.slice(i, i + 6).join('  ')}`);
  return lines.join('\n');
}
