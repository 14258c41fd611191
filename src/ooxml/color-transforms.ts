/**
 * DrawingML's colour transforms (ECMA-376 Part 1, §20.1.2.3), applied in document order as
 * PowerPoint does, so a template's "Lighter 40 %" or "Darker 25 %" is sampled as the colour
 * PowerPoint shows (accent 4472C4 with lumMod 60 % + lumOff 40 % is 8FAADC, not 4472C4):
 * - lumMod / lumOff / lum, satMod / satOff / sat, hueMod / hueOff / hue: in HSL of the sRGB
 *   values (PowerPoint's colour picker's "Lighter/Darker" steps are these);
 * - tint / shade: mixed with white / black in linear light (the standard's example: 00FF00
 *   with a 50 % tint is BCFFBC, with a 50 % shade 00BC00);
 * - comp, inv, gray, and red/green/blue with their Mod/Off: on the RGB values.
 * Alpha is not a colour: paint.ts reads `alpha`, `alphaMod` and `alphaOff` for the layer.
 */
import { attr, type XmlElement } from './xml.js';

type Rgb = [number, number, number];

const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toSrgb = (c: number): number => (c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055);
const clamp = (v: number): number => Math.max(0, Math.min(1, v));

function toHsl([r, g, b]: Rgb): Rgb {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: Rgb): Rgb {
  if (s === 0) return [l, l, l];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
}

const inLinear = (rgb: Rgb, f: (v: number) => number): Rgb => rgb.map((c) => toSrgb(clamp(f(toLinear(c))))) as Rgb;

/** The HSL transforms: which component (0 hue, 1 saturation, 2 luminance) and how it changes. */
function hslTransform(name: string, v: number, turns: number): [0 | 1 | 2, (x: number) => number] | undefined {
  const ops: Record<string, [0 | 1 | 2, (x: number) => number]> = {
    lumMod: [2, (l) => l * v],
    lumOff: [2, (l) => l + v],
    lum: [2, () => v],
    satMod: [1, (s) => s * v],
    satOff: [1, (s) => s + v],
    sat: [1, () => v],
    hueMod: [0, (h) => h * v],
    hueOff: [0, (h) => h + turns],
    hue: [0, () => turns],
    comp: [0, (h) => h + 0.5],
  };
  return ops[name];
}

function rgbTransform(rgb: Rgb, name: string, v: number): Rgb {
  switch (name) {
    case 'tint':
      return inLinear(rgb, (c) => c * v + (1 - v));
    case 'shade':
      return inLinear(rgb, (c) => c * v);
    case 'inv':
      return rgb.map((c) => 1 - c) as Rgb;
    case 'gray': {
      const y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
      return [y, y, y];
    }
    default: {
      const m = /^(red|green|blue)(Mod|Off)?$/.exec(name);
      if (!m) return rgb; // alpha and the gamma pair change no colour here
      const i = ['red', 'green', 'blue'].indexOf(m[1]!);
      const f = (c: number) => (m[2] === 'Mod' ? c * v : m[2] === 'Off' ? c + v : v);
      return rgb.map((c, j) => (j === i ? clamp(f(c)) : c)) as Rgb;
    }
  }
}

/**
 * `hex` with the transforms among `color`'s children applied in order. Consecutive HSL
 * transforms work on one HSL value, as LibreOffice does (lumOff to white, then lumMod,
 * keeps the hue and saturation a round trip through white RGB would lose).
 * Percentages are thousandths of a percent (100000 = 100 %), angles 60000ths of a degree.
 */
export function withTransforms(hex: string, color: XmlElement): string {
  const transforms = color.children
    .filter((c): c is XmlElement => typeof c !== 'string')
    .map((t) => ({ name: t.name.replace(/^a:/, ''), val: Number(attr(t, 'val') ?? 0) }));
  return applyTransforms(hex, transforms);
}

/** One transform as a colour element's child names it (`lumMod`, val 60000). */
export interface ColorTransform {
  name: string;
  val: number;
}

/** `hex` with `transforms` applied in order (see withTransforms). */
export function applyTransforms(hex: string, transforms: readonly ColorTransform[]): string {
  if (transforms.length === 0) return hex;
  let rgb: Rgb = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as Rgb;
  let hsl: Rgb | undefined;
  for (const { name, val: raw } of transforms) {
    const op = hslTransform(name, raw / 100000, raw / 60000 / 360);
    if (op) {
      hsl ??= toHsl(rgb);
      const [i, f] = op;
      hsl[i] = i === 0 ? ((f(hsl[0]) % 1) + 1) % 1 : clamp(f(hsl[i]));
    } else {
      if (hsl) rgb = fromHsl(hsl);
      hsl = undefined;
      rgb = rgbTransform(rgb, name, raw / 100000);
    }
  }
  if (hsl) rgb = fromHsl(hsl);
  return rgb
    .map((c) =>
      Math.round(clamp(c) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}
