/**
 * The optional SMTP config file (TRAPPA_SMTP_CONFIG, else `$XDG_CONFIG_HOME/trappa/smtp.yaml`
 * or `~/.config/trappa/smtp.yaml`): flat settings, never a password, never inside data/.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { InputError, type Issue } from '../../errors.js';
import { SmtpConfigError } from './smtp-config-error.js';

const FILE_KEYS = new Set(['host', 'port', 'security', 'user', 'from', 'tls']);
const TLS_KEYS = new Set(['caFile', 'servername']);
const PASSWORD_KEY = /^(pass|password|passwd|pwd|passord|secret|token)$/i;

export interface ConfigFile {
  path: string;
  values: Record<string, string>;
}

export async function readConfigFile(
  env: NodeJS.ProcessEnv,
  dataDir: string | undefined,
): Promise<ConfigFile | undefined> {
  const explicit = nonEmpty(env.TRAPPA_SMTP_CONFIG);
  const configHome = nonEmpty(env.XDG_CONFIG_HOME) ?? path.join(nonEmpty(env.HOME) ?? homedir(), '.config');
  const file = path.resolve(explicit ?? path.join(configHome, 'trappa', 'smtp.yaml'));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SmtpConfigError(`Cannot read the SMTP config file ${file} (TRAPPA_SMTP_CONFIG).`, { cause: error });
  }
  if (dataDir && !path.relative(path.resolve(dataDir), file).startsWith('..')) {
    throw new SmtpConfigError(
      `The SMTP config file ${file} is inside ${dataDir}/; keep server settings outside the shared data.`,
    );
  }
  return { path: file, values: parseConfigFile(text, file) };
}

/** Flattens the YAML file to strings, with located issues for unknown keys and any password. */
function parseConfigFile(text: string, file: string): Record<string, string> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const issues: Issue[] = [];
  const at = (range: readonly number[] | null | undefined) => {
    const pos = range ? lineCounter.linePos(range[0] ?? 0) : undefined;
    return { file, ...(pos ? { line: pos.line, col: pos.col } : {}) };
  };
  for (const error of doc.errors) issues.push({ ...at(error.pos), message: error.message });
  // Refuse a password anywhere in the file, however deeply nested, and never echo its value.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && PASSWORD_KEY.test(String(pair.key.value))) {
        issues.push({
          ...at(pair.key.range),
          field: String(pair.key.value),
          message:
            'the password must not be stored in a file; remove it and set TRAPPA_SMTP_PASSWORD in the environment',
        });
      }
    },
  });
  const values: Record<string, string> = {};
  const readMap = (node: unknown, allowed: Set<string>, prefix: string) => {
    if (!isMap(node)) {
      if (node !== null && node !== undefined)
        issues.push({ ...at((node as { range?: number[] }).range), message: 'expected key: value lines' });
      return;
    }
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (PASSWORD_KEY.test(key)) continue;
      if (!allowed.has(key)) {
        issues.push({
          ...at(pair.key.range),
          field: prefix + key,
          message: `unknown setting; expected one of ${[...allowed].join(', ')}`,
        });
      } else if (key === 'tls') {
        readMap(pair.value, TLS_KEYS, 'tls.');
      } else if (isScalar(pair.value) && pair.value.value !== null) {
        const value = String(pair.value.value);
        values[key] = key === 'caFile' ? path.resolve(path.dirname(file), value) : value;
      } else {
        issues.push({ ...at(pair.key.range), field: prefix + key, message: 'expected a single value' });
      }
    }
  };
  readMap(doc.contents, FILE_KEYS, '');
  if (issues.length > 0) throw new InputError(issues);
  return values;
}

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
