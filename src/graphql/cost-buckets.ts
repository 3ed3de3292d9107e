/** The leaky bucket's size and pace (app/config.ts reads them from RATE_LIMIT_POINTS and RATE_LIMIT_REFILL_PER_SECOND). */
export interface RateLimitSettings {
  /** Points a full bucket holds: the most a client can spend at once. */
  points: number;
  /** Points given back per second, up to `points`. */
  refillPerSecond: number;
}

/** What a client's bucket holds after a charge (or a refusal): Shopify's `throttleStatus`. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type Charge = { allowed: true; status: ThrottleStatus } | { allowed: false; status: ThrottleStatus; retryAfterSeconds: number };

interface Bucket {
  available: number;
  /** When `available` was last brought up to date, in ms since the epoch. */
  at: number;
}

/** Enough clients for a busy process; beyond it the least recently seen bucket is forgotten. */
export const MAX_BUCKETS = 100_000;

/**
 * One leaky bucket per client (a token, or an IP for anonymous calls), in this process's memory: with N
 * replicas each keeps its own buckets, so a client spread over them gets up to N times the pace.
 * The map is bounded: it keeps the most recently seen MAX_BUCKETS clients (a Map iterates in
 * insertion order, and a touched bucket is moved to the end). A forgotten client starts again with a
 * full bucket, which is what an idle one would have anyway, so a flood of distinct tokens or IPs
 * costs at most MAX_BUCKETS small objects and never starves a client that keeps calling.
 */
export class CostBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly settings: RateLimitSettings,
    private readonly maxBuckets = MAX_BUCKETS,
  ) {}

  /** Takes `cost` points from the client's bucket if it holds that many; otherwise takes nothing and says when to retry. */
  charge(client: string, cost: number, now: Date): Charge {
    const bucket = this.refilled(client, now.getTime());
    if (cost > bucket.available) {
      const missing = cost - bucket.available;
      return { allowed: false, status: this.status(bucket), retryAfterSeconds: Math.max(1, Math.ceil(missing / this.settings.refillPerSecond)) };
    }
    bucket.available -= cost;
    return { allowed: true, status: this.status(bucket) };
  }

  /** Gives back points charged for work that did not happen (a page that returned fewer rows than it asked for), up to a full bucket. */
  refund(client: string, points: number, now: Date): ThrottleStatus {
    const bucket = this.refilled(client, now.getTime());
    bucket.available = Math.min(this.settings.points, bucket.available + Math.max(0, points));
    return this.status(bucket);
  }

  /** The client's bucket as it stands now, without charging. */
  peek(client: string, now: Date): ThrottleStatus {
    return this.status(this.refilled(client, now.getTime()));
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(client: string, now: number): Bucket {
    const { points, refillPerSecond } = this.settings;
    let bucket = this.buckets.get(client);
    if (bucket) {
      this.buckets.delete(client);
      // A clock set back (a manual clock in tests, NTP) gives nothing back rather than taking points away.
      bucket.available = Math.min(points, bucket.available + (Math.max(0, now - bucket.at) / 1000) * refillPerSecond);
      bucket.at = Math.max(bucket.at, now);
    } else {
      bucket = { available: points, at: now };
      if (this.buckets.size >= this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.buckets.set(client, bucket);
    return bucket;
  }

  private status(bucket: Bucket): ThrottleStatus {
    return { maximumAvailable: this.settings.points, currentlyAvailable: Math.floor(bucket.available), restoreRate: this.settings.refillPerSecond };
  }
}
