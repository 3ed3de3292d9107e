import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../common/clock';
import { AppError } from '../errors/app-error';
import { RequestErrorCode } from '../errors/error-codes';
import { IdempotencyRecord } from './idempotency-record.entity';

export interface Replayable<T> {
  result: T;
  /** True when this is the stored result of an earlier call with the same key. */
  replayed: boolean;
}

/**
 * Makes a mutation safe to retry: inside the mutation's transaction, a known key returns the stored
 * result and writes nothing; a new key runs the work and stores its result in the same transaction.
 * Two concurrent calls with one key collide on the record's primary key; the loser's transaction is
 * retried by `Database.transaction` and then finds the winner's record.
 */
export class IdempotencyService {
  constructor(private readonly clock: Clock) {}

  async run<T>(
    manager: EntityManager,
    scope: { organizationId: string; operation: string; key: string | null | undefined; input: unknown },
    work: () => Promise<T>,
  ): Promise<Replayable<T>> {
    if (!scope.key) return { result: await work(), replayed: false };
    const requestHash = sha256(JSON.stringify({ operation: scope.operation, input: scope.input }));
    const existing = await manager.findOneBy(IdempotencyRecord, { organizationId: scope.organizationId, key: scope.key });
    if (existing) {
      if (existing.requestHash !== requestHash) throw new AppError(RequestErrorCode.IDEMPOTENCY_KEY_REUSED);
      return { result: JSON.parse(existing.response, reviveDates) as T, replayed: true };
    }
    const result = await work();
    await manager.insert(IdempotencyRecord, {
      organizationId: scope.organizationId,
      key: scope.key,
      operation: scope.operation,
      requestHash,
      response: JSON.stringify(result),
      createdAt: this.clock.now(),
    });
    return { result, replayed: false };
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Timestamps (keys ending in "At") were stored as ISO strings. */
function reviveDates(key: string, value: unknown): unknown {
  return key.endsWith('At') && typeof value === 'string' && ISO_DATE.test(value) ? new Date(value) : value;
}
