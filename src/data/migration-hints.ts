/**
 * Older forms of a field that a newer one replaces, told in one line with the new form.
 * The build goes on (a warning): the old form still means what it meant.
 */
import type { Issue } from '../errors.js';
import type { YamlSource } from './load-yaml.js';
import { locateIn } from './locate.js';
import type { Strategy } from './schema.js';

/** Services written as the tasks label («Barnevern, PPT, innkjøp, IKT») before `model.services` existed. */
function servicesAsTasks(strategy: Strategy, source: YamlSource): Issue[] {
  const { tasks, services } = strategy.model;
  if (!tasks || services.length > 0) return [];
  const items = tasks
    .split(/\s*(?:,|\bog\b|\band\b)\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length < 2) return [];
  return [
    {
      ...locateIn(source, ['model', 'tasks']),
      message:
        "reads as a list of services, written as the arrows' label; since model.services they are drawn as boxes in " +
        `the joint body: write model.services: [${items.join(', ')}] and keep tasks for the label (or remove it)`,
    },
  ];
}

export function migrationHints(strategy: Strategy, source: YamlSource): Issue[] {
  return servicesAsTasks(strategy, source);
}
