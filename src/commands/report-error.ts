/**
 * How users see an error: located one-liners for input errors, one plain line for the
 * other user errors, a stack trace (exit 70) only for bugs. Shared by cli.ts and watch mode.
 */
import path from 'node:path';
import { exitCodes } from '../exit-codes.js';
import { fileSystemError, formatIssue, InputError, sortIssues, TrappaError } from '../errors.js';
import { type Messages, messagesIn } from '../messages/catalogue.js';
import { withFieldLabel } from '../messages/field-labels.js';
import { translateIssues, translateLines } from '../messages/issue-text.js';

/** The exit code `reportError` will return for `error`, without printing anything. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof TrappaError) return error.exitCode;
  return fileSystemError(error)?.exitCode ?? exitCodes.bug.code;
}

/**
 * Prints an error the way users should see it and returns the exit code. Located messages are
 * in the reader's language where the catalogue knows their form (messages/issue-text.ts).
 */
export function reportError(error: unknown, messages: Messages = messagesIn('en')): number {
  if (error instanceof InputError) {
    for (const issue of sortIssues(translateIssues(error.issues, messages.lang)))
      console.error(formatIssue(withFieldLabel(issue, messages.lang)));
    return error.exitCode;
  }
  if (error instanceof TrappaError) {
    console.error(`trappa: ${translateLines(error.message, messages.lang)}`);
    return error.exitCode;
  }
  // A full disk, a read-only folder, a name too long: one line naming the path, exit 7.
  const disk = fileSystemError(error, (file) => path.relative(process.cwd(), file) || file);
  if (disk) {
    console.error(`trappa: ${translateLines(disk.message, messages.lang)}`);
    return disk.exitCode;
  }
  console.error(`trappa: ${messages.say('internalCli')}`);
  console.error(error);
  return exitCodes.bug.code;
}
