import { pageRequest, type Page } from '../../core/pagination';
import type { Viewer } from '../../core/viewer';
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

  /** The organization's events, newest first, filtered. */
  list(viewer: Viewer, args: AuditEventsArgs): Promise<Page<AuditEvent>> {
    return this.repository.eventsPage(this.db.manager, viewer.organizationId, args, pageRequest(args));
  }
}
