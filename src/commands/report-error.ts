/**
 * How users see an error: located one-liners for input errors, one plain line for the
 * other user errors, a stack trace (exit 70) only for bugs. Shared by cli.ts and watch mode.
 */
import { formatIssue, InputError, sortIssues, TrappaError } from '../errors.js';

/** Prints an error the way users should see it and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof InputError) {
    for (const issue of sortIssues(error.issues)) console.error(formatIssue(issue));
    return error.exitCode;
  }
  if (error instanceof TrappaError) {
    console.error(`trappa: ${error.message}`);
    return error.exitCode;
  }
  console.error('trappa: internal error (please report it with the lines below)');
  console.error(error);
  return 70;
}
