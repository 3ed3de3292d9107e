/** The SQL of the write path: the organization row lock, audit rows, the data version. */
import type { EntityManager } from 'typeorm';
import { newId } from '../core/ids';
import { insertMany } from '../db/sql';
import { AuditEvent, type AuditAction } from './audit-event.entity';
import { Organization } from './organization.entity';

/** One line of the audit trail, as a mutation reports it. */
export interface AuditEntry {
  action: AuditAction;
  targetType: 'TeamUser' | 'Organization';
  targetId: string;
  details: Record<string, unknown>;
}

export function findOrganization(manager: EntityManager, organizationId: string): Promise<Organization> {
  return manager.findOneByOrFail(Organization, { id: organizationId });
}

/**
 * Takes the organization's row lock for the rest of the transaction, before anything else is read:
 * the mutations of one organization then run one after another on MySQL (SQLite runs one transaction
 * at a time anyway), so concurrent calls, on any replica, see each other's commits instead of racing.
 */
export async function lockOrganization(manager: EntityManager, organizationId: string): Promise<Organization> {
  const query = manager.createQueryBuilder(Organization, 'organization').where('organization.id = :organizationId', { organizationId });
  if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  return query.getOneOrFail();
}

/**
 * Moves the organization's data version on: cached reads of the old data (the response cache keys
 * them by this version, read with the caller's token) stop matching once the transaction commits.
 */
export async function moveDataVersionOn(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query('UPDATE organization SET data_version = data_version + 1 WHERE id = ?', [organizationId]);
}

export async function insertAuditEvents(
  manager: EntityManager,
  organizationId: string,
  actorId: string,
  occurredAt: Date,
  entries: AuditEntry[],
): Promise<void> {
  const rows = entries.map((entry) =>
    manager.create(AuditEvent, {
      id: newId(),
      organizationId,
      actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: JSON.stringify(entry.details),
      occurredAt,
    }),
  );
  await insertMany(manager, AuditEvent, rows);
}
