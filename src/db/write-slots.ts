import { WriteSlotTimeoutError } from './database-errors';

export interface WriteSlotLimits {
  /** Write transactions open at once in this process, whoever they are for: kept below the pool size so reads always find a connection. */
  total: number;
  /** Write transactions open at once for one key (an organization): its writes queue behind its own row lock anyway. */
  perKey: number;
  /** How long a write may wait for its slot before it gives up with a WriteSlotTimeoutError. */
  maxWaitMs: number;
}

interface Waiter {
  key: string;
  start: () => void;
}

/**
 * Admission for write transactions, taken before a transaction opens, so a write that waits holds
 * no pooled connection. Waiters start first-come first-served, except that one whose key is at its
 * limit lets later waiters of other keys pass: a tenant flooding writes queues behind itself only.
 */
export class WriteSlots {
  private running = 0;
  private readonly runningByKey = new Map<string, number>();
  private readonly waiting: Waiter[] = [];
  /** The most write transactions ever open at once, for tests and benchmarks. */
  peak = 0;

  constructor(readonly limits: WriteSlotLimits) {}

  get waitingCount(): number {
    return this.waiting.length;
  }

  get runningCount(): number {
    return this.running;
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    try {
      return await work();
    } finally {
      this.release(key);
    }
  }

  private acquire(key: string): Promise<void> {
    // Every waiter left in the queue is held by its key's limit or the total, so room means no one is passed over.
    if (this.hasRoomFor(key)) {
      this.take(key);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        key,
        start: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(new WriteSlotTimeoutError(`no write slot within ${this.limits.maxWaitMs} ms`));
      }, this.limits.maxWaitMs);
      this.waiting.push(waiter);
    });
  }

  private hasRoomFor(key: string): boolean {
    return this.running < this.limits.total && (this.runningByKey.get(key) ?? 0) < this.limits.perKey;
  }

  private take(key: string): void {
    this.running += 1;
    this.runningByKey.set(key, (this.runningByKey.get(key) ?? 0) + 1);
    this.peak = Math.max(this.peak, this.running);
  }

  private release(key: string): void {
    this.running -= 1;
    const left = (this.runningByKey.get(key) ?? 1) - 1;
    if (left === 0) this.runningByKey.delete(key);
    else this.runningByKey.set(key, left);
    this.startWaiters();
  }

  private startWaiters(): void {
    for (let index = 0; index < this.waiting.length && this.running < this.limits.total;) {
      const waiter = this.waiting[index];
      if (!this.hasRoomFor(waiter.key)) {
        index += 1;
        continue;
      }
      this.waiting.splice(index, 1);
      this.take(waiter.key);
      waiter.start();
    }
  }
}
