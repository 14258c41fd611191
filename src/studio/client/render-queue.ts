/**
 * Debounced by the server's own pace: a request goes out at once when none is out; requests
 * made while one is out become a single one, sent when it returns. So typing never queues
 * up work, and a pause shows its result without a fixed delay.
 */
export class RenderQueue {
  running = false;
  #again = false;

  constructor(readonly send: () => Promise<void>) {}

  async request(): Promise<void> {
    if (this.running) {
      this.#again = true;
      return;
    }
    this.running = true;
    try {
      await this.send();
    } finally {
      this.running = false;
      if (this.#again) {
        this.#again = false;
        void this.request();
      }
    }
  }
}
