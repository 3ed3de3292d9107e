import { AccessService } from './access/access.service';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import type { Clock } from './common/clock';
import type { Database } from './db/database';
import { IdempotencyService } from './idempotency/idempotency.service';
import { OrganizationService } from './organization/organization.service';
import { TeamService } from './team/team.service';

/** The application's services, made once per process and shared by every request. */
export interface Services {
  db: Database;
  auth: AuthService;
  audit: AuditService;
  organizations: OrganizationService;
  team: TeamService;
  access: AccessService;
}

export function createServices(db: Database, clock: Clock): Services {
  const audit = new AuditService(db);
  const idempotency = new IdempotencyService(clock);
  return {
    db,
    auth: new AuthService(db),
    audit,
    organizations: new OrganizationService(db, audit),
    team: new TeamService(db, audit, idempotency),
    access: new AccessService(db, audit, idempotency),
  };
}
