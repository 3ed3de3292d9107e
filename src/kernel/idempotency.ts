import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { requestError } from '../core/app-error';
import { RequestErrorCode } from '../core/error-codes';
import { IdempotencyRecord } from './idempotency-record.entity';

/** What identifies one keyed call: the organization, the key, and the hash of the operation's input. */
export interface IdempotencyScope {
  organizationId: string;
  key: string;
  operation: string;
  requestHash: string;
}

export function idempotencyScope(organizationId: string, key: string, operation: string, input: unknown): IdempotencyScope {
  return { organizationId, key, operation, requestHash: sha256(JSON.stringify({ operation, input })) };
}

/**
 * The stored result of an earlier call with the same key, or undefined when the key is new. The same
 * key with another input is refused. Two concurrent calls with one key collide on the record's primary
 * key when storing; the loser's transaction is retried by `Database.transaction` and then finds the
 * winner's record here.
 */
export async function findStoredResult<T>(manager: EntityManager, scope: IdempotencyScope): Promise<T | undefined> {
  const existing = await manager.findOneBy(IdempotencyRecord, { organizationId: scope.organizationId, key: scope.key });
  if (!existing) return undefined;
  if (existing.requestHash !== scope.requestHash) throw requestError(RequestErrorCode.IDEMPOTENCY_KEY_REUSED);
  return JSON.parse(existing.response, reviveDates) as T;
}

/** Stores a keyed call's result inside its transaction, so it commits with the change or not at all. */
export async function storeResult(manager: EntityManager, scope: IdempotencyScope, result: unknown, now: Date): Promise<void> {
  await manager.insert(IdempotencyRecord, {
    organizationId: scope.organizationId,
    key: scope.key,
    operation: scope.operation,
    requestHash: scope.requestHash,
    response: JSON.stringify(result),
    createdAt: now,
  });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Timestamps (keys ending in "At") were stored as ISO strings. */
function reviveDates(key: string, value: unknown): unknown {
  return key.endsWith('At') && typeof value === 'string' && ISO_DATE.test(value) ? new Date(value) : value;
}
