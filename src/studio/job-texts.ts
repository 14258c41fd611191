/**
 * The data files' texts as the studio's worker holds them, by version (sha256 of the text,
 * project-files.ts). A job names the texts it works on by version, and a text crosses to the
 * worker only with the first job that names it (studio-thread.ts), not with every keystroke:
 * a string crossing postMessage is copied (serialised into a buffer of the sending thread's
 * malloc, then made again in the worker's heap), and each edit of a 2 MB strategy brought ~4 MB
 * of such garbage to both threads, the studio's memory climbing through a burst of edits.
 *
 * A worker that no longer holds a text it is asked for says so (MissingText), and the job is
 * sent again with every text it names: a worker started anew, or texts let go, cost one copy.
 */
import { BoundedCache } from '../bounded-cache.js';

/** A text's sha256, as the page and the request thread name it. */
export type Version = string;

/** Texts by version: those a job names, or (as sent) those of them the worker is not known to hold. */
export type Texts = ReadonlyMap<Version, string>;

/**
 * Characters held: the saved text of a 2 MB strategy, the version a page loaded before a save and
 * the text the save wrote. Held beside the worker's kept parse, which holds the saved text anyway.
 */
const HELD_CHARS = 6 * 1024 * 1024;

/** The worker was asked for texts it does not hold: the job is sent again with them. */
export class MissingText extends Error {
  constructor(readonly versions: Version[]) {
    super(`studio worker: text not held (${versions.join(', ')})`);
  }
}

/** The texts one worker holds (its side of the exchange). */
export class HeldTexts {
  readonly #texts = new BoundedCache<Version, string>(HELD_CHARS, (_, text) => text.length);
  /** Versions of texts made here since `made` was last asked: the request thread learns the worker holds them. */
  #made: Version[] = [];

  /** Texts sent with a job, kept as they arrive (a job queued behind may name them only). */
  keep(texts: Iterable<readonly [Version, string]>): void {
    for (const [version, text] of texts) this.#texts.set(version, text);
  }

  /** A text made in the worker (a large file's bytes decoded, a save's text): held, and told to the request thread. */
  add(version: Version, text: string): void {
    this.#texts.set(version, text);
    this.#made.push(version);
  }

  /** The text of `version`; MissingText when it is not held. */
  text(version: Version): string {
    const text = this.#texts.get(version);
    if (text === undefined) throw new MissingText([version]);
    return text;
  }

  /** The versions made since the last call. */
  made(): Version[] {
    const made = this.#made;
    this.#made = [];
    return made;
  }
}
