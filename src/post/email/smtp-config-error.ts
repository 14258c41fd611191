import { TrappaError } from '../../errors.js';

/** SMTP settings are missing or contradict each other. The user fixes the environment or config file. */
export class SmtpConfigError extends TrappaError {
  override readonly exitCode = 2;
}
