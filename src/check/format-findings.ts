/** Findings as people read them, and as JSON for machines. */
import { english, said } from '../messages/catalogue.js';
import type { Finding } from './types.js';

export interface FormatOptions {
  /** Put before every line. @default '' */
  indent?: string;
}

/** The catalogue's line of a finding, by severity and by where it is (messages/check-text.ts). */
const LINES = {
  error: { package: 'find.packageError', slide: 'find.lineError' },
  warning: { package: 'find.packageWarning', slide: 'find.lineWarning' },
} as const;

/** One line per finding: `slide 8 · Action plan · error overflow: the table's …`. */
export function formatFindings(findings: readonly Finding[], { indent = '' }: FormatOptions = {}): string {
  return findings
    .map((f) => {
      const field = f.field ? ` (${f.field})` : '';
      const values = { indent, n: f.slide, element: f.element, rule: f.rule, message: f.message };
      const line = LINES[f.severity][f.slide === 0 ? 'package' : 'slide'];
      return english(said(line, values)) + field;
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
