/**
 * OOXML preset shapes as SVG outlines, with the presets' default adjustments (ECMA-376
 * presetShapeDefinitions.xml), which is what pptxgenjs writes. Units are points.
 */
import type { ShapeElement } from '../layout/types.js';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const polygon = (points: Array<[number, number]>, r: Rect): string =>
  `<polygon points="${points.map(([px, py]) => `${fmt(r.x + px)},${fmt(r.y + py)}`).join(' ')}"`;

/** Two decimals are far below a pixel at any zoom and keep the SVG small. */
export const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * The opening of the element that draws `kind` in `r` (attributes for fill and line follow).
 * `radiusPt` is a roundRect's corner radius. Unknown kinds draw as rectangles.
 */
export function shapeOutline(kind: ShapeElement['shape'] | string, r: Rect, radiusPt?: number): string {
  const { w, h } = r;
  const ss = Math.min(w, h);
  switch (kind) {
    case 'ellipse':
      return `<ellipse cx="${fmt(r.x + w / 2)}" cy="${fmt(r.y + h / 2)}" rx="${fmt(w / 2)}" ry="${fmt(h / 2)}"`;
    case 'roundRect': {
      const rx = Math.min(radiusPt ?? ss * 0.16667, ss / 2);
      return `<rect x="${fmt(r.x)}" y="${fmt(r.y)}" width="${fmt(w)}" height="${fmt(h)}" rx="${fmt(rx)}"`;
    }
    case 'rightArrow': {
      const [y1, y2, x1] = [h / 4, (h * 3) / 4, w - ss / 2];
      return polygon(
        [
          [0, y1],
          [x1, y1],
          [x1, 0],
          [w, h / 2],
          [x1, h],
          [x1, y2],
          [0, y2],
        ],
        r,
      );
    }
    case 'downArrow': {
      const [x1, x2, y1] = [w / 4, (w * 3) / 4, h - ss / 2];
      return polygon(
        [
          [x1, 0],
          [x2, 0],
          [x2, y1],
          [w, y1],
          [w / 2, h],
          [0, y1],
          [x1, y1],
        ],
        r,
      );
    }
    case 'upArrow': {
      const [x1, x2, y1] = [w / 4, (w * 3) / 4, ss / 2];
      return polygon(
        [
          [w / 2, 0],
          [w, y1],
          [x2, y1],
          [x2, h],
          [x1, h],
          [x1, y1],
          [0, y1],
        ],
        r,
      );
    }
    case 'chevron': {
      const x1 = ss / 2;
      return polygon(
        [
          [0, 0],
          [w - x1, 0],
          [w, h / 2],
          [w - x1, h],
          [0, h],
          [x1, h / 2],
        ],
        r,
      );
    }
    case 'homePlate': {
      const x1 = w - ss / 2;
      return polygon(
        [
          [0, 0],
          [x1, 0],
          [w, h / 2],
          [x1, h],
          [0, h],
        ],
        r,
      );
    }
    case 'triangle':
      return polygon(
        [
          [w / 2, 0],
          [w, h],
          [0, h],
        ],
        r,
      );
    case 'line':
      return `<line x1="${fmt(r.x)}" y1="${fmt(r.y)}" x2="${fmt(r.x + w)}" y2="${fmt(r.y + h)}"`;
    default:
      return `<rect x="${fmt(r.x)}" y="${fmt(r.y)}" width="${fmt(w)}" height="${fmt(h)}"`;
  }
}

/**
 * The preset's text rectangle (ECMA-376 presetShapeDefinitions.xml, default adjustments),
 * where PowerPoint and LibreOffice put a shape's text; layout measures in a slightly
 * smaller one for some presets (text-box.ts), which is safe there but would shift centred text here.
 */
export function textRect(kind: ShapeElement['shape'] | string, r: Rect, radius?: number): Rect {
  const ss = Math.min(r.w, r.h);
  switch (kind) {
    case 'homePlate':
      return { ...r, w: r.w - ss / 4 };
    case 'chevron':
      return { ...r, x: r.x + ss / 2, w: Math.max(0, r.w - ss) };
    case 'roundRect': {
      const inset = 0.29289 * Math.min(radius ?? ss * 0.16667, ss / 2);
      return { x: r.x + inset, y: r.y + inset, w: r.w - 2 * inset, h: r.h - 2 * inset };
    }
    case 'ellipse': {
      // The inscribed rectangle: corners on the ellipse at 45°.
      const inset = (1 - Math.SQRT1_2) / 2;
      return { x: r.x + r.w * inset, y: r.y + r.h * inset, w: r.w * Math.SQRT1_2, h: r.h * Math.SQRT1_2 };
    }
    default:
      return r;
  }
}
