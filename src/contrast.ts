/**
 * WCAG 2.1 contrast between two hex colours (6 digits, no '#'). Pure maths at the ground floor:
 * the theme check (data/) and the deck check (check/) both judge colours with it.
 */
const luminances = new Map<string, number>();

/** WCAG 2.1 relative luminance of a hex colour. */
export function relativeLuminance(hex: string): number {
  let luminance = luminances.get(hex);
  if (luminance === undefined) luminances.set(hex, (luminance = computeLuminance(hex)));
  return luminance;
}

function computeLuminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG 2.1 contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  // No array and sort per call: the template-art check and the logo band ask millions of times.
  return luminanceRatio(relativeLuminance(a), relativeLuminance(b));
}

/** The contrast ratio of two relative luminances (`relativeLuminance`), for callers that hold many. */
export function luminanceRatio(x: number, y: number): number {
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
