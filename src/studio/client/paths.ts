/** Field paths as the CLI prints them (`actionPlan[3].activity`), as data/validate.ts formatPath writes them. */
export type Path = Array<string | number>;

export function fieldPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[\p{L}\p{N}_-]+$/u.test(segment)) out += `${out ? '.' : ''}${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The paths a message about `field` can be shown at, from the field itself up to the file. */
export function fieldAndParents(field: string): string[] {
  const out = [field];
  let rest = field;
  while (rest) {
    rest = rest.replace(/(\[[^\]]*\]|\.?[^.[\]]+)$/, '');
    out.push(rest);
  }
  return out;
}
