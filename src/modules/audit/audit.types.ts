import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.types';
import { Node } from '../../graphql/node';
import { AuditAction } from '../../kernel/audit-event.entity';

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What an audit event records.',
  valuesConfig: {
    MARKETO_ACCESS_GRANTED: { description: "An admin connected a user to Marketo (details: the grant's id and workspace ids)." },
    MARKETO_ACCESS_REVOKED: { description: "An admin disconnected a user from Marketo (details: the removed grant's id and workspace ids)." },
    MARKETO_CONNECTED: { description: 'An admin connected the organization to Marketo (target: the organization).' },
    USER_INVITED: { description: 'An admin invited a user to the team (target: the new user).' },
  },
});

@ObjectType('AuditEvent', { description: 'Who did what to whom, and when.', implements: Node })
export class AuditEventType {
  id: string;

  @Field(() => AuditAction, { description: 'What was done.' })
  action: AuditAction;

  @Field({ description: 'TeamUser or Organization.' })
  targetType: string;

  @Field({ description: 'When it was done (UTC, millisecond precision).' })
  occurredAt: Date;

  // actor, target, targetId (a global id) and details are field resolvers (audit.resolver.ts)
}

@ObjectType({ description: 'A page of the audit trail (Relay cursor connection), newest first.', simpleResolvers: true })
export class AuditEventConnection extends ConnectionType('AuditEvent', AuditEventType) {}
