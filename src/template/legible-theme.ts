/**
 * The template's colours made to read: every pair of colours the slides draw (check-theme.ts)
 * moved until it reaches its ratio, theme colours as PowerPoint's Lighter/Darker (scheme-tints.ts).
 */
import { contrastRatio, relativeLuminance } from '../contrast.js';
import { COLOR_PAIRS } from '../data/check-theme.js';
import type { Theme } from '../data/schema.js';
import { schemeTintXml, tintedHex, towards } from './scheme-tints.js';

type ColorName = keyof Theme['colors'];

/** `a` moved `share` of the way towards `b`. */
export function mix(a: string, b: string, share: number): string {
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

/** The slots a moved colour may be named by, in the order slides name theme colours (slide-structure.ts). */
const SLOTS = ['tx1', 'bg1', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'tx2', 'bg2'];

/**
 * Every pair of colours the slides draw (check-theme.ts) made to read: the colour to blame
 * moves towards black or white, whichever reaches the ratio (a template's palette is not
 * made for Trappa's diagrams, and its accents may be pale or its background dark). A theme
 * colour moves as PowerPoint's "Lighter"/"Darker" does (lumMod/lumOff), so slides still name
 * its slot: `tints` maps each such colour's hex to its scheme reference.
 */
export function legible(
  theme: Theme,
  colors: Theme['colors'],
  scheme: ReadonlyMap<string, string>,
): { colors: Theme['colors']; tints: Map<string, string> } {
  const out = { ...colors };
  const tints = new Map<string, string>();
  const slotOf = (hex: string) => SLOTS.find((slot) => scheme.get(slot) === hex);
  // The title slide's subtitle is the template's placeholder, in its own colour: not a pair here.
  const pairs = COLOR_PAIRS.filter((p) => !(p.text === 'secondary' && p.on === 'primary'));
  const reads = (pair: (typeof pairs)[number], min: number) => contrastRatio(out[pair.text]!, out[pair.on]!) >= min;
  /** Moves `name` away from `from` (lighter if it is the lighter one) until the pair reads; false if it cannot. */
  const push = (pair: (typeof pairs)[number], name: ColorName, from: string, min: number): boolean => {
    const start = out[name]!;
    const lighter = relativeLuminance(start) >= relativeLuminance(from);
    const slot = slotOf(start);
    for (let step = 1; step <= 10; step++) {
      if (slot) {
        const tint = towards(slot, lighter, step / 10);
        out[name] = tintedHex(start, tint);
        if (reads(pair, min)) {
          tints.set(out[name]!, schemeTintXml(tint));
          return true;
        }
      } else {
        out[name] = mix(start, lighter ? 'FFFFFF' : '000000', step / 10);
        if (reads(pair, min)) return true;
      }
    }
    out[name] = start;
    return false;
  };
  for (let pass = 0; pass < 3; pass++) {
    // Text on primary fills is whichever of the theme's light and dark reads best on it.
    out.onPrimary = [out.background, out.text, 'FFFFFF', '000000'].reduce((a, b) =>
      contrastRatio(b, out.primary) > contrastRatio(a, out.primary) ? b : a,
    );
    for (const pair of pairs) {
      const min = typeof pair.min === 'number' ? pair.min : pair.min(theme);
      const other = pair.blame === pair.text ? pair.on : pair.text;
      if (!out[other] || !out[pair.blame] || reads(pair, min)) continue;
      if (!push(pair, pair.blame, out[other]!, min)) push(pair, other, out[pair.blame]!, min);
    }
  }
  // A named colour moved again later (a second pass) is plain hex: keep only the names still in use.
  const used = new Set(Object.values(out));
  for (const hex of tints.keys()) if (!used.has(hex)) tints.delete(hex);
  return { colors: out, tints };
}
