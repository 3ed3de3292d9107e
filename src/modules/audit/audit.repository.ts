import { In, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type CursorScope, type Page, type PageRequest } from '../../core/pagination';
import { chunk } from '../../db/sql';
import { AuditEvent, type AuditAction } from '../../kernel/audit-event.entity';

export interface AuditEventsFilter {
  action?: AuditAction[] | null;
  actorId?: string | null;
  targetId?: string | null;
  occurredAfter?: Date | null;
  occurredBefore?: Date | null;
}

/** Every SQL statement of the audit module (the rows are written by the kernel's write path). */
export class AuditRepository {
  /** The organization's events among these ids (another organization's read as missing). */
  async eventsByIds(manager: EntityManager, organizationId: string, ids: readonly string[]): Promise<AuditEvent[]> {
    const parts = await Promise.all(chunk([...new Set(ids)]).map((part) => manager.findBy(AuditEvent, { organizationId, id: In(part) })));
    return parts.flat();
  }

  /** One page of the organization's events, newest first (then by id), filtered, forward or backward. */
  async eventsPage(manager: EntityManager, organizationId: string, filter: AuditEventsFilter, request: PageRequest): Promise<Page<AuditEvent>> {
    const column = manager.connection.getMetadata(AuditEvent).findColumnWithPropertyName('occurredAt')!;
    const dbDate = (date: Date): unknown => manager.connection.driver.preparePersistentValue(date, column);
    const query = manager.createQueryBuilder(AuditEvent, 'event').where('event.organization_id = :organizationId', { organizationId });
    const actions = filter.action?.length ? [...new Set(filter.action)].sort() : null;
    if (actions) query.andWhere('event.action IN (:...actions)', { actions });
    if (filter.actorId) query.andWhere('event.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.targetId) query.andWhere('event.target_id = :targetId', { targetId: filter.targetId });
    if (filter.occurredAfter) query.andWhere('event.occurred_at >= :occurredAfter', { occurredAfter: dbDate(filter.occurredAfter) });
    if (filter.occurredBefore) query.andWhere('event.occurred_at < :occurredBefore', { occurredBefore: dbDate(filter.occurredBefore) });
    const scope: CursorScope = {
      list: 'auditEvents',
      order: 'OCCURRED_AT:DESC',
      filter: {
        actions,
        actorId: filter.actorId ?? null,
        targetId: filter.targetId ?? null,
        occurredAfter: filter.occurredAfter?.toISOString() ?? null,
        occurredBefore: filter.occurredBefore?.toISOString() ?? null,
      },
    };
    const totalCount = await query.clone().getCount();

    // The list is newest first; paging backward reads oldest first from the cursor, then reverses.
    const op = request.backward ? '>' : '<';
    const direction = request.backward ? 'ASC' : 'DESC';
    let behind = false;
    if (request.cursor) {
      const [occurredAt, id] = decodeCursor(
        request.cursor,
        scope,
        (key) => key.length === 2 && typeof key[1] === 'string' && !Number.isNaN(Date.parse(key[0] ?? '')),
      );
      const at = dbDate(new Date(occurredAt!));
      const past = `(event.occurred_at ${op} :at OR (event.occurred_at = :at AND event.id ${op} :id))`;
      // Anything not past the cursor lies on its other side (hasPreviousPage going forward).
      behind = (await query.clone().andWhere(`NOT ${past}`, { at, id }).select('event.id').limit(1).getRawMany()).length > 0;
      query.andWhere(past, { at, id });
    }
    const rows = await query
      .orderBy('event.occurred_at', direction)
      .addOrderBy('event.id', direction)
      .take(request.size + 1)
      .getMany();
    const nodes = rows.slice(0, request.size);
    if (request.backward) nodes.reverse();
    const more = rows.length > request.size;
    return {
      nodes,
      hasNextPage: request.backward ? behind : more,
      hasPreviousPage: request.backward ? more : behind,
      totalCount,
      cursorOf: (event) => encodeCursor(scope, [event.occurredAt.toISOString(), event.id]),
    };
  }
}
