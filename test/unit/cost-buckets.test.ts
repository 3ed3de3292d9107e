import { CostBuckets } from '../../src/graphql/cost-buckets';

describe('CostBuckets', () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

  it('charges, refuses without charging, and refills at its pace up to its capacity', () => {
    const buckets = new CostBuckets({ points: 100, refillPerSecond: 10 });
    expect(buckets.charge('a', 70, at(0))).toMatchObject({ allowed: true, status: { currentlyAvailable: 30 } });
    expect(buckets.charge('a', 50, at(0))).toEqual({
      allowed: false,
      retryAfterSeconds: 2,
      status: { maximumAvailable: 100, currentlyAvailable: 30, restoreRate: 10 },
    });
    expect(buckets.charge('a', 50, at(2))).toMatchObject({ allowed: true, status: { currentlyAvailable: 0 } });
    expect(buckets.peek('a', at(60)).currentlyAvailable).toBe(100);
    // A clock set back gives nothing and takes nothing.
    expect(buckets.peek('a', at(1)).currentlyAvailable).toBe(100);
  });

  it('gives back refunds up to a full bucket, never below what it holds', () => {
    const buckets = new CostBuckets({ points: 100, refillPerSecond: 10 });
    buckets.charge('a', 90, at(0));
    expect(buckets.refund('a', 60, at(0)).currentlyAvailable).toBe(70);
    expect(buckets.refund('a', 500, at(0)).currentlyAvailable).toBe(100);
    expect(buckets.refund('a', -20, at(0)).currentlyAvailable).toBe(100);
  });

  it('keeps at most its bound of clients, forgetting the least recently seen (who start again full)', () => {
    const buckets = new CostBuckets({ points: 100, refillPerSecond: 1 }, 3);
    for (const client of ['a', 'b', 'c']) buckets.charge(client, 90, at(0));
    buckets.charge('a', 0, at(0)); // a is seen again: b is now the oldest
    buckets.charge('d', 90, at(0));
    expect(buckets.size).toBe(3);
    expect(buckets.peek('a', at(0)).currentlyAvailable).toBe(10);
    expect(buckets.peek('b', at(0)).currentlyAvailable).toBe(100);
    for (let i = 0; i < 10_000; i += 1) buckets.charge(`flood-${i}`, 1, at(0));
    expect(buckets.size).toBe(3);
  });
});
