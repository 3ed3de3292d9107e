import type { DataSource, Logger } from 'typeorm';
import { createDataSource } from '../db/data-source';
import { migrations } from '../db/migrations';
import { AuditEvent } from '../kernel/audit-event.entity';
import { IdempotencyRecord } from '../kernel/idempotency-record.entity';
import { Organization } from '../kernel/organization.entity';
import { MarketoAccessGrantWorkspace } from '../modules/access/marketo-access-grant-workspace.entity';
import { MarketoAccessGrant } from '../modules/access/marketo-access-grant.entity';
import { ApiToken } from '../modules/identity/api-token.entity';
import { MarketoWorkspace } from '../modules/organization/marketo-workspace.entity';
import { TeamUser } from '../modules/team/team-user.entity';

/** Every entity of the application: the kernel's and each module's. */
export const entities = [Organization, AuditEvent, IdempotencyRecord, TeamUser, ApiToken, MarketoWorkspace, MarketoAccessGrant, MarketoAccessGrantWorkspace];

/** The application's DataSource (the server's, the TypeORM CLI's and the tests'), for `DATABASE_URL`. */
export function createAppDataSource(databaseUrl: string | undefined, logger?: Logger): DataSource {
  return createDataSource(databaseUrl, { entities, migrations, logger });
}
