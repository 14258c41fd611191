import { inspect } from 'node:util';

/**
 * A secret that does not print: `String()`, `JSON.stringify()` and `console.log()` show `***`.
 * Call `reveal()` only where the value goes to the SMTP client.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '***';
  }
  toJSON(): string {
    return '***';
  }
  [inspect.custom](): string {
    return 'Secret(***)';
  }
}
