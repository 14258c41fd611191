/**
 * The send log as one run uses it: intents and outcomes are written under the output
 * folder's lock (withOutputLock), after catching up with lines other Trappa processes wrote,
 * so two runs at once can never both hand the same recipient the same version.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { withOutputLock } from '../../versions/lock.js';
import {
  appendSendLog,
  readSendLog,
  SentIndex,
  type SendLogEntry,
  type SendLogIntent,
  type SendLogLine,
} from './send-log.js';

export class SendJournal {
  readonly index: SentIndex;
  readonly #file: string;
  #offset: number;
  readonly #own = new Set<string>();
  /** Deck version + address that other processes wrote about since this run planned. */
  readonly #takenByOthers = new Set<string>();

  private constructor(file: string, lines: readonly SendLogLine[], offset: number) {
    this.#file = file;
    this.index = new SentIndex(lines);
    this.#offset = offset;
  }

  static async open(file: string): Promise<SendJournal> {
    const read = await readSendLog(file);
    return new SendJournal(file, read.lines, read.offset);
  }

  /**
   * Writes the intent, unless another process has written about one of these recipients
   * (of this deck version) since this run read the log to plan: then nothing is written and those
   * addresses are returned, so the message can be withdrawn and sent without them.
   */
  async recordIntent(
    intent: Omit<SendLogIntent, 'kind' | 'id' | 'time'>,
  ): Promise<{ id: string } | { taken: string[] }> {
    return this.#locked(async () => {
      await this.#catchUp();
      const taken = intent.recipients
        .map((r) => r.email.toLowerCase())
        .filter((email) => this.#takenByOthers.has(key(intent.deck, intent.version, email)));
      if (taken.length > 0) return { taken: [...new Set(taken)] };
      const line: SendLogIntent = { kind: 'intent', id: randomUUID(), ...intent, time: new Date().toISOString() };
      await this.#append(line);
      return { id: line.id };
    });
  }

  async recordOutcome(entry: Omit<SendLogEntry, 'kind' | 'time'>): Promise<void> {
    await this.#locked(async () => {
      await this.#catchUp();
      await this.#append({ kind: 'outcome', ...entry, time: new Date().toISOString() });
    });
  }

  #locked<T>(work: () => Promise<T>): Promise<T> {
    return withOutputLock(path.dirname(this.#file), work);
  }

  /** Reads what other processes appended since the last look; returns their lines. */
  async #catchUp(): Promise<SendLogLine[]> {
    const read = await readSendLog(this.#file, this.#offset);
    this.#offset = read.offset;
    const others = read.lines.filter((line) => !(line.id && this.#own.has(line.id)));
    for (const line of others) {
      this.index.add(line);
      for (const r of line.recipients) this.#takenByOthers.add(key(line.deck, line.version, r.email));
    }
    return others;
  }

  async #append(line: SendLogLine): Promise<void> {
    if (line.id) this.#own.add(line.id);
    await appendSendLog(this.#file, line);
    this.index.add(line);
    // Our own line is known; skip it when catching up.
    this.#offset = (await readSendLog(this.#file, this.#offset)).offset;
  }
}

const key = (deck: string, version: string, email: string) => `${deck}\u0000${version}\u0000${email.toLowerCase()}`;
