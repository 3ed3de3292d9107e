import type { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../common/pagination';
import type { Database } from '../db/database';
import { insertMany } from '../db/database';
import { AuditEvent, type AuditAction } from './audit-event.entity';

export interface AuditEntry {
  action: AuditAction;
  targetType: 'TeamUser' | 'Organization';
  targetId: string;
  details: Record<string, unknown>;
}

export class AuditService {
  constructor(private readonly db: Database) {}

  /**
   * Writes the entries inside the caller's transaction, so they commit with the change they record.
   * Every change of an organization's data is recorded here, so this is also where the organization's
   * data version moves on (cached reads of the old data stop matching once this commits).
   */
  async record(manager: EntityManager, organizationId: string, actorId: string, occurredAt: Date, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query('UPDATE organization SET data_version = data_version + 1 WHERE id = ?', [organizationId]);
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

  /** The organization's events, newest first. */
  async list(organizationId: string, args: PageArgs): Promise<Page<AuditEvent>> {
    const size = pageSize(args.first);
    const query = this.db.manager.createQueryBuilder(AuditEvent, 'event').where('event.organization_id = :organizationId', { organizationId });
    const totalCount = await query.clone().getCount();
    if (args.after) {
      const [occurredAt, id] = decodeCursor(args.after, (values) => values.length === 2 && !Number.isNaN(Date.parse(values[0])));
      const column = this.db.dataSource.getMetadata(AuditEvent).findColumnWithPropertyName('occurredAt')!;
      const at = this.db.dataSource.driver.preparePersistentValue(new Date(occurredAt), column);
      query.andWhere('(event.occurred_at < :at OR (event.occurred_at = :at AND event.id < :id))', { at, id });
    }
    const rows = await query.orderBy('event.occurred_at', 'DESC').addOrderBy('event.id', 'DESC').take(size + 1).getMany();
    return {
      nodes: rows.slice(0, size),
      hasNextPage: rows.length > size,
      totalCount,
      cursorOf: (event) => encodeCursor([event.occurredAt.toISOString(), event.id]),
    };
  }
}
