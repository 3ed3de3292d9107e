import { MarketoAccessGrantWorkspace } from '../access/marketo-access-grant-workspace.entity';
import { MarketoAccessGrant } from '../access/marketo-access-grant.entity';
import { MarketoWorkspace } from '../access/marketo-workspace.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { ApiToken } from '../auth/api-token.entity';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';
import { Organization } from '../organization/organization.entity';
import { TeamUser } from '../team/team-user.entity';

export const entities = [
  Organization,
  TeamUser,
  ApiToken,
  MarketoWorkspace,
  MarketoAccessGrant,
  MarketoAccessGrantWorkspace,
  AuditEvent,
  IdempotencyRecord,
];
