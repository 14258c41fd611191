/** Every path into a plain YAML value (keys and values), each with one step too far and a missing key beside it. */
export function pathsOf(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [prefix, [...prefix, 'missing'], [...prefix, 0], [...prefix, 'constructor']];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}
