/**
 * sharp, loaded on first use. Loading it (native libvips plus its helpers) costs
 * about 75 ms, which a build whose images all come from the cache never needs.
 */
import type { SharpConstructor } from 'sharp';

let loading: Promise<SharpConstructor> | undefined;

export function loadSharp(): Promise<SharpConstructor> {
  loading ??= import('sharp').then((m) => m.default as SharpConstructor);
  return loading;
}
