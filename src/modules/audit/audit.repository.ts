import type { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '../../core/pagination';
import { AuditEvent } from '../../kernel/audit-event.entity';

/** Every SQL statement of the audit module (the rows are written by the kernel's write path). */
export class AuditRepository {
  /** One page of the organization's events, newest first. */
  async eventsPage(manager: EntityManager, organizationId: string, after: string | null | undefined, size: number): Promise<Page<AuditEvent>> {
    const query = manager.createQueryBuilder(AuditEvent, 'event').where('event.organization_id = :organizationId', { organizationId });
    const totalCount = await query.clone().getCount();
    if (after) {
      const [occurredAt, id] = decodeCursor(after, (values) => values.length === 2 && !Number.isNaN(Date.parse(values[0])));
      const column = manager.connection.getMetadata(AuditEvent).findColumnWithPropertyName('occurredAt')!;
      const at = manager.connection.driver.preparePersistentValue(new Date(occurredAt), column);
      query.andWhere('(event.occurred_at < :at OR (event.occurred_at = :at AND event.id < :id))', { at, id });
    }
    const rows = await query
      .orderBy('event.occurred_at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .take(size + 1)
      .getMany();
    return {
      nodes: rows.slice(0, size),
      hasNextPage: rows.length > size,
      totalCount,
      cursorOf: (event) => encodeCursor([event.occurredAt.toISOString(), event.id]),
    };
  }
}
