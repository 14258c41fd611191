/**
 * A per-process cache that forgets everything at once when its entries would weigh more
 * than its limit. For values that are pure functions of their key (a part's deflated bytes,
 * a part's parsed tree, a file's canonical form): a miss only costs the work again, so a
 * whole-cache drop is enough, and no entry can ever be stale.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();
  #weight = 0;

  /**
   * @param limit the most the entries may weigh together
   * @param weigh an entry's weight; one per entry by default (the limit is then a count)
   */
  constructor(
    private readonly limit: number,
    private readonly weigh: (key: K, value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  set(key: K, value: V): void {
    const weight = this.weigh(key, value);
    if (this.#weight + weight > this.limit) {
      this.#entries.clear();
      this.#weight = 0;
    }
    this.#entries.set(key, value);
    this.#weight += weight;
  }
}
