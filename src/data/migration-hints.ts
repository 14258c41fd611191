/**
 * Older forms of a field that a newer one replaces, told in one line with the new form.
 * The build goes on (a warning): the old form still means what it meant; `trappa migrate`
 * rewrites it (migrations.ts).
 */
import type { Issue } from '../errors.js';
import type { YamlSource } from './load-yaml.js';
import { locateIn } from './locate.js';
import { servicesFromLabel } from './migrations.js';
import type { Strategy } from './schema.js';

/** Services written as the tasks label («Barnevern, PPT, innkjøp, IKT») before `model.services` existed. */
function servicesAsTasks(strategy: Strategy, source: YamlSource): Issue[] {
  const { tasks, services } = strategy.model;
  if (!tasks || services.length > 0) return [];
  const items = servicesFromLabel(tasks);
  if (items.length === 0) return [];
  return [
    {
      ...locateIn(source, ['model', 'tasks']),
      message:
        "reads as a list of services, written as the arrows' label; since model.services they are drawn as boxes in " +
        `the joint body: write model.services: [${items.join(', ')}] in its place (trappa migrate does it, keeping ` +
        'the comments)',
    },
  ];
}

export function migrationHints(strategy: Strategy, source: YamlSource): Issue[] {
  return servicesAsTasks(strategy, source);
}
