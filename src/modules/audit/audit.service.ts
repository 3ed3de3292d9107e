import { pageSize, type Page, type PageArgs } from '../../core/pagination';
import type { Viewer } from '../../core/viewer';
import type { Database } from '../../db/database';
import type { AuditEvent } from '../../kernel/audit-event.entity';
import type { AuditRepository } from './audit.repository';

/** The audit trail as admins read it; entries are written by every mutation's write path. */
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly repository: AuditRepository,
  ) {}

  /** The organization's events, newest first. */
  list(viewer: Viewer, args: PageArgs): Promise<Page<AuditEvent>> {
    return this.repository.eventsPage(this.db.manager, viewer.organizationId, args.after, pageSize(args.first));
  }
}
