/**
 * Which installed face stands in for a face the machine lacks. First the metric-compatible
 * ones (same advance widths, made for exactly this: Carlito for Calibri, Liberation/Arimo
 * for Arial, …), then near ones with a safety margin on their widths, then a face of the
 * same kind (sans, serif, mono) with a wider margin. Names are matched case-insensitively.
 */

export interface Substitute {
  /** Candidate families, the first one installed wins. */
  families: string[];
  /** Widths are multiplied by this: 1 for metric-compatible faces. */
  margin: number;
  kind: 'compatible' | 'close' | 'fallback';
}

const ARIAL = ['Liberation Sans', 'Arimo', 'Nimbus Sans', 'Arial', 'Helvetica'];
const TIMES = ['Liberation Serif', 'Tinos', 'Nimbus Roman', 'Times New Roman'];
const COURIER = ['Liberation Mono', 'Cousine', 'Nimbus Mono PS', 'Courier New'];

const compatible = (families: string[]): Substitute => ({ families, margin: 1, kind: 'compatible' });
const close = (families: string[], margin: number): Substitute => ({ families, margin, kind: 'close' });

const KNOWN: Record<string, Substitute> = {
  calibri: compatible(['Carlito']),
  carlito: compatible(['Calibri']),
  cambria: compatible(['Caladea']),
  caladea: compatible(['Cambria']),
  arial: compatible(ARIAL),
  helvetica: compatible(ARIAL),
  'helvetica neue': close(ARIAL, 1.03),
  arimo: compatible(ARIAL),
  'liberation sans': compatible(ARIAL),
  'nimbus sans': compatible(ARIAL),
  'arial narrow': compatible(['Liberation Sans Narrow', 'Nimbus Sans Narrow']),
  'times new roman': compatible(TIMES),
  times: compatible(TIMES),
  tinos: compatible(TIMES),
  'liberation serif': compatible(TIMES),
  'courier new': compatible(COURIER),
  courier: compatible(COURIER),
  cousine: compatible(COURIER),
  'liberation mono': compatible(COURIER),
  georgia: compatible(['Gelasio']),
  // Calibri Light is drawn a little narrower than Calibri; Carlito has no light weight.
  'calibri light': close(['Carlito'], 1.0),
  // Microsoft 365's default since 2023; about as wide as Arial, its figures a little wider.
  aptos: close(ARIAL, 1.05),
  'aptos display': close(ARIAL, 1.05),
  'aptos narrow': close(['Liberation Sans Narrow', 'Nimbus Sans Narrow', ...ARIAL], 1.05),
  'segoe ui': close(ARIAL, 1.04),
  verdana: close(['DejaVu Sans'], 1.0),
  tahoma: close(['DejaVu Sans'], 1.0),
  // Humanist sans faces of LibreOffice's templates: DejaVu Sans is wider than all of them.
  'noto sans': close(['Noto Sans', 'Open Sans', 'DejaVu Sans'], 1.0),
  'open sans': close(['Noto Sans', 'DejaVu Sans'], 1.0),
  'source sans pro': close(['Source Sans 3', ...ARIAL], 1.0),
  'source sans 3': close(['Source Sans Pro', ...ARIAL], 1.0),
  lato: close(ARIAL, 1.0),
  roboto: close(ARIAL, 1.02),
};

const SERIF = /serif|times|roman|garamond|georgia|cambria|palatino|minion|baskerville|book|antiqua|caslon|bodoni/;
const MONO = /mono|courier|consol|code|typewriter/;

/** A face of the same kind, and the margin a face Trappa knows nothing about gets. */
function fallback(key: string): Substitute {
  const margin = 1.1;
  if (MONO.test(key)) return { families: [...COURIER, 'DejaVu Sans Mono'], margin, kind: 'fallback' };
  if (SERIF.test(key) && !/sans/.test(key)) return { families: [...TIMES, 'DejaVu Serif'], margin, kind: 'fallback' };
  return { families: [...ARIAL, 'DejaVu Sans'], margin, kind: 'fallback' };
}

/** The stand-ins for `face`, most faithful first; the caller adds the bundled Carlito last. */
export function substitutesFor(face: string): Substitute[] {
  const key = face.trim().toLowerCase();
  const known = KNOWN[key];
  // A weight named in the family ("Source Sans Pro Light", "Noto Sans Black"): its base family,
  // wider by a margin for the heavier weights.
  const weight = /\s+(thin|extralight|light|semilight|medium|semibold|demibold|bold|black|heavy|condensed)$/.exec(key);
  const fromBase: Substitute[] = [];
  if (weight) {
    const base = key.slice(0, weight.index);
    const heavy = /black|heavy/.test(weight[1]!) ? 1.08 : /light|thin|condensed/.test(weight[1]!) ? 1 : 1.04;
    const of = KNOWN[base];
    fromBase.push({ families: [base, ...(of?.families ?? [])], margin: (of?.margin ?? 1) * heavy, kind: 'close' });
  }
  return [...(known ? [known] : []), ...fromBase, fallback(key)];
}
