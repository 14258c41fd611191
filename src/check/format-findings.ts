/** Findings as people read them, and as JSON for machines. */
import type { Finding } from './types.js';

export interface FormatOptions {
  /** Put before every line. @default '' */
  indent?: string;
}

/** One line per finding: `slide 8 · Action plan · error overflow: the table's …`. */
export function formatFindings(findings: readonly Finding[], { indent = '' }: FormatOptions = {}): string {
  return findings
    .map((f) => {
      const where = f.slide > 0 ? `slide ${f.slide}` : 'package';
      const field = f.field ? ` (${f.field})` : '';
      return `${indent}${where} · ${f.element} · ${f.severity} ${f.rule}: ${f.message}${field}`;
    })
    .join('\n');
}

export interface Summary {
  errors: number;
  warnings: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** The result of checking one file, as `--json` prints it. */
export interface FileReport extends Summary {
  file: string;
  deckId?: string;
  version?: string;
  findings: Finding[];
}
