// Offer/answer rounds one at a time. A round asked for while one is in flight runs once that one is done;
// any number of such requests collapse into a single follow-up round (it sees the latest state anyway).

export class NegotiationQueue {
  #run;
  #onError;
  #running = false;
  #pending = null;
  #closed = false;

  /** run: async () => void, one offer/answer round. onError(error): a round failed (the queue goes on). */
  constructor(run, { onError } = {}) {
    this.#run = run;
    this.#onError = onError;
  }

  /** Asks for a round; the promise settles when a round that started after this call has finished. */
  request() {
    if (this.#closed) return Promise.resolve();
    if (!this.#pending) {
      let resolve;
      let reject;
      const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
      promise.catch(() => {}); // failures go to onError; a caller that awaits still sees them
      this.#pending = { promise, resolve, reject };
    }
    const { promise } = this.#pending;
    if (!this.#running) this.#pump();
    return promise;
  }

  /** True while a round is in flight. */
  get busy() {
    return this.#running;
  }

  /** No more rounds; one in flight finishes on its own, a waiting one is dropped. */
  close() {
    this.#closed = true;
    this.#pending?.resolve();
    this.#pending = null;
  }

  async #pump() {
    this.#running = true;
    try {
      while (this.#pending && !this.#closed) {
        const round = this.#pending;
        this.#pending = null;
        try {
          await this.#run();
          round.resolve();
        } catch (error) {
          round.reject(error);
          this.#onError?.(error);
        }
      }
    } finally {
      this.#running = false;
    }
  }
}
