/**
 * What a template decides for the layout stage: the theme's colours and fonts (so text
 * is measured with the template's fonts and diagrams wear its colours), and the page
 * geometry (slide size, title and body boxes of its content layout, the title slide's
 * title and subtitle boxes, its footer and slide-number boxes).
 */
import { contrastRatio } from '../contrast.js';
import type { Theme } from '../data/schema.js';
import { standInNote } from '../fonts/fonts.js';
import type { Page } from '../layout/page.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo, LayoutRole, MasterSet } from '../pptx/master-set.js';

/** `a` moved `share` of the way towards `b`. */
function mix(a: string, b: string, share: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [0, 2, 4]
    .map((i) =>
      Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * share)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

/** theme.yaml's colour roles, taken from the template's colour scheme. */
function templateColors(set: MasterSet, own: Theme['colors']): Theme['colors'] {
  const get = (slot: string, fallback: string) => set.scheme.get(slot) ?? fallback;
  const background = get('bg1', own.background);
  const text = get('tx1', own.text);
  const primary = get('accent1', own.primary);
  // Diagrams put body text on accent fills (the staircase's top, the model's outcome): the
  // accent moves towards the background until that text reads (4.5:1).
  let accent = get('accent2', own.accent);
  for (let share = 0.1; contrastRatio(text, accent) < 4.5 && share <= 1; share += 0.1)
    accent = mix(get('accent2', own.accent), background, share);
  return {
    primary,
    secondary: mix(background, primary, 0.15),
    accent,
    background,
    text,
    muted: mix(text, background, 0.25),
    onPrimary: contrastRatio(background, primary) >= contrastRatio(text, primary) ? background : text,
    highlight: mix(background, accent, 0.3),
  };
}

/**
 * The theme with the template's colours and fonts, and one line for each font measured with
 * a stand-in (a font is never a reason to refuse a build: see fonts/fonts.ts).
 */
export function templateTheme(set: MasterSet, theme: Theme): { theme: Theme; notes: string[] } {
  const fonts = {
    ...theme.fonts,
    heading: set.fonts.major || theme.fonts.heading,
    body: set.fonts.minor || theme.fonts.body,
  };
  const notes: string[] = [];
  for (const face of new Set([fonts.heading, fonts.body])) {
    const note = standInNote(face);
    if (note) notes.push(`${set.origin}: ${note}`);
  }
  return { theme: { ...theme, colors: templateColors(set, theme.colors), fonts }, notes };
}

const boxOf = (layout: LayoutInfo, ...types: string[]): Box | undefined =>
  types.map((t) => layout.placeholders.find((p) => p.type === t && p.box)?.box).find((b) => b !== undefined);

function union(boxes: (Box | undefined)[]): Box | undefined {
  const present = boxes.filter((b): b is Box => b !== undefined);
  if (present.length === 0) return undefined;
  const x = Math.min(...present.map((b) => b.x));
  const y = Math.min(...present.map((b) => b.y));
  return { x, y, w: Math.max(...present.map((b) => b.x + b.w)) - x, h: Math.max(...present.map((b) => b.y + b.h)) - y };
}

/** The page with the template's places; where a placeholder has no box, Trappa's stays. */
export function templatePage(page: Page, set: MasterSet, layouts: Record<LayoutRole, LayoutInfo>): Page {
  const content = layouts.content;
  const cover = layouts.title;
  const footer = boxOf(content, 'ftr');
  const number = boxOf(content, 'sldNum');
  return {
    ...page,
    size: set.size,
    title: boxOf(content, 'title') ?? page.title,
    // A content layout that is a two-content one (the template has no other) spans both bodies.
    body:
      union(content.placeholders.filter((p) => p.type === 'obj' || p.type === 'body').map((p) => p.box)) ?? page.body,
    footer: union([footer, number]) ?? page.footer,
    template: {
      cover: {
        title: boxOf(cover, 'ctrTitle', 'title') ?? page.title,
        subtitle: boxOf(cover, 'subTitle', 'body', 'obj') ?? page.body,
      },
      ...(footer ? { footer } : {}),
      ...(number ? { number } : {}),
    },
  };
}
