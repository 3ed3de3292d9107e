import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../core/request-context';
import type { Viewer } from '../core/viewer';
import type { Database } from '../db/database';
import { findStoredResult, idempotencyScope, storeResult } from './idempotency';
import type { Organization } from './organization.entity';
import { insertAuditEvents, lockOrganization, moveDataVersionOn, type AuditEntry } from './mutation.repository';

/** A mutation of one organization's data, as its service describes it. */
export interface OrganizationMutation {
  /** The GraphQL operation's name: an idempotency key is scoped to it and to the organization. */
  operation: string;
  idempotencyKey?: string | null;
  /** What a retry must repeat exactly to be a replay (hashed with the operation). */
  input: unknown;
}

/** What the work of a mutation gets: the transaction, the organization (locked), and the time. */
export interface MutationScope {
  manager: EntityManager;
  organization: Organization;
  now: Date;
}

/** What the work of a mutation returns: its result, and the audit trail of what it changed. */
export interface MutationOutcome<T> {
  result: T;
  audit: AuditEntry[];
}

export interface Replayable<T> {
  result: T;
  /** True when this is the stored result of an earlier call with the same idempotency key. */
  replayed: boolean;
}

/**
 * The one write path of an organization's data. Every mutation runs as: transaction (retried whole
 * on conflicts, with backoff within a time budget, and on unique-key races by `Database.transaction`, opened once the organization has a free
 * write slot, so a tenant's queue of writes holds no connection) → the organization's row lock →
 * idempotency (a known key replays the stored result and writes nothing) → the mutation's work →
 * its audit rows → the organization's data version moved on → the keyed result stored. All of it
 * commits together or not at all.
 */
export class OrganizationMutations {
  constructor(private readonly db: Database) {}

  run<T>(
    ctx: RequestContext,
    viewer: Viewer,
    mutation: OrganizationMutation,
    work: (scope: MutationScope) => Promise<MutationOutcome<T>>,
  ): Promise<Replayable<T>> {
    const organizationId = viewer.organizationId;
    const keyed = mutation.idempotencyKey ? idempotencyScope(organizationId, mutation.idempotencyKey, mutation.operation, mutation.input) : null;
    return this.db.transaction(
      async (manager) => {
        const organization = await lockOrganization(manager, organizationId);
        const stored = keyed ? await findStoredResult<T>(manager, keyed) : undefined;
        if (stored !== undefined) return { result: stored, replayed: true };
        const now = ctx.clock.now();
        const { result, audit } = await work({ manager, organization, now });
        // Every change writes audit rows, so a mutation that wrote none changed nothing a reader could cache.
        if (audit.length > 0) {
          await insertAuditEvents(manager, organizationId, viewer.userId, now, audit);
          // Keep this write: besides the response cache's key, it is what serializes an organization's
          // writes across the nodes of a multi-primary cluster (Galera), where the row lock above holds on
          // one node only: two transactions that both changed the organization's data both wrote this row,
          // so the later one fails certification at commit (1213) and is retried, seeing the first's rows.
          await moveDataVersionOn(manager, organizationId);
        }
        if (keyed) await storeResult(manager, keyed, result, now);
        return { result, replayed: false };
      },
      { slotKey: organizationId, log: ctx.log, onRetry: () => ctx.counts && (ctx.counts.writeRetries += 1) },
    );
  }
}
