/** Time as the interpreter sees it: `now()` in epoch seconds and a cancellable `sleep`. */
export interface Clock {
  now(): number;
  sleep(seconds: number, signal?: AbortSignal): Promise<void>;
  /**
   * Marks host work in progress (a DuckDB statement, the local model, an HTTP request): until the returned
   * function is called, a virtual clock does not move, so the host time is never charged to the workflow.
   * Calling the release function twice is harmless.
   */
  hold(): () => void;
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function abortError(): Error {
  return new Error('sleep aborted');
}

export class RealClock implements Clock {
  now(): number {
    return Date.now() / 1000;
  }

  /** Real time passes whatever the host does. */
  hold(): () => void {
    return () => undefined;
  }

  async sleep(seconds: number, signal?: AbortSignal): Promise<void> {
    // setTimeout cannot wait longer than 2^31 - 1 ms (about 24.8 days); longer sleeps go in chunks.
    let remaining = Math.max(0, seconds * 1000);
    do {
      const chunk = Math.min(remaining, MAX_TIMEOUT_MS);
      await this.wait(chunk, signal);
      remaining -= chunk;
    } while (remaining > 0);
  }

  private wait(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * Sleeps take no real time: each pending sleep is a timer, and once every runnable branch waits and no host
 * work holds the clock (see `hold`), the earliest timer fires and the clock jumps to it. Parallel branches
 * sleeping at once therefore overlap in virtual time as they would in real time; a branch waiting on DuckDB
 * keeps the clock still, so a sleeping sibling (a tuning job) never charges its hours to that statement.
 * `elapsed` reports the time the run would have taken. One clock per execution: executions sharing a clock
 * would advance each other's time.
 */
export class VirtualClock implements Clock {
  /** The virtual time, epoch seconds. */
  private nowSeconds: number;
  private readonly start: number;
  private timers: Timer[] = [];
  private seq = 0;
  private scheduled = false;
  private holds = 0;

  constructor(startEpochSeconds = Date.UTC(2026, 0, 1) / 1000) {
    this.nowSeconds = startEpochSeconds;
    this.start = startEpochSeconds;
  }

  now(): number {
    return this.nowSeconds;
  }

  /** Virtual seconds since the clock was created. */
  get elapsed(): number {
    return this.nowSeconds - this.start;
  }

  sleep(seconds: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const timer: Timer = { at: this.nowSeconds + Math.max(0, seconds), seq: this.seq++, resolve };
      const onAbort = () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(abortError());
      };
      timer.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.schedule();
    });
  }

  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0 && this.timers.length > 0) this.schedule();
    };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after pending promise callbacks, i.e. once every runnable branch has reached a wait.
    setImmediate(() => this.fire());
  }

  private fire(): void {
    this.scheduled = false;
    // A release reschedules; firing now would charge the held host work with the jump.
    if (this.holds > 0 || this.timers.length === 0) return;
    let first = 0;
    for (let i = 1; i < this.timers.length; i++) {
      const a = this.timers[i];
      const b = this.timers[first];
      if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) first = i;
    }
    const [timer] = this.timers.splice(first, 1);
    this.nowSeconds = Math.max(this.nowSeconds, timer.at);
    timer.resolve();
    if (this.timers.length > 0) this.schedule();
  }
}
