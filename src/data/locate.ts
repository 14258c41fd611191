/** Where a value of a parsed YAML file sits (file:line:col), and how users see its path. */
import { isScalar, type Node } from 'yaml';
import type { SourceLocation } from '../errors.js';
import type { YamlSource } from './load-yaml.js';
import { findNode, type Path } from './schema-walk.js';

/**
 * Where a value sits in a file, for checks that run after validation
 * (e.g. "deck refers to unknown slide id 'x'"). Falls back to the nearest
 * enclosing node when the path does not exist.
 * @param at `'key'` points at the key of the last path element instead of its value.
 */
export function locateIn(source: YamlSource, path: Path, at: 'value' | 'key' = 'value'): SourceLocation {
  const field = formatPath(path);
  const place = source.spliced
    ? source.spliced.locate(path, at)
    : source.lineCounter.linePos(offsetIn(source, path, at));
  return { file: source.file, ...place, ...(field ? { field } : {}) };
}

/** The offset in the text where `locateIn` points, in a source with its own parse. */
export function offsetIn(source: YamlSource, path: Path, at: 'value' | 'key' = 'value'): number {
  const { node, key, complete } = findNode(source, path);
  // An empty value (`tid:`) has no text of its own; its key is what the user sees.
  const emptyValue = isScalar(node) && node.value === null && !node.source;
  const target = complete && key && (at === 'key' || emptyValue || !node) ? key : node;
  return (target as Node | undefined)?.range?.[0] ?? 0;
}

/** Formats a data path the way users see it: `actionPlan[3].tid`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[\p{L}\p{N}_-]+$/u.test(String(segment))) out += `${out ? '.' : ''}${String(segment)}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
