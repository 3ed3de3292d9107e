import { pageRequest, type Page } from '../../core/pagination';
import { Role, type Viewer } from '../../core/viewer';
import type { Database } from '../../db/database';
import type { AuditEvent } from '../../kernel/audit-event.entity';
import type { AuditEventsArgs } from './audit.inputs';
import type { AuditRepository } from './audit.repository';

/** The audit trail as admins read it; entries are written by every mutation's write path. */
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly repository: AuditRepository,
  ) {}

  /** Events by id, in order; null for an unknown one, another organization's, and for members (the trail is for admins). */
  async eventsByIds(viewer: Viewer, ids: readonly string[]): Promise<(AuditEvent | null)[]> {
    if (viewer.role !== Role.ADMIN) return ids.map(() => null);
    const found = new Map((await this.repository.eventsByIds(this.db.manager, viewer.organizationId, ids)).map((event) => [event.id, event]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /** The organization's events, newest first, filtered. */
  list(viewer: Viewer, args: AuditEventsArgs): Promise<Page<AuditEvent>> {
    return this.repository.eventsPage(this.db.manager, viewer.organizationId, args, pageRequest(args));
  }
}
