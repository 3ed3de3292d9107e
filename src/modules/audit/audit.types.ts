import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.types';
import { Node } from '../../graphql/node';
import { AuditAction } from '../../kernel/audit-event.entity';

registerEnumType(AuditAction, { name: 'AuditAction' });

@ObjectType('AuditEvent', { description: 'Who did what to whom, and when.', implements: Node })
export class AuditEventType {
  id: string;

  @Field(() => AuditAction)
  action: AuditAction;

  @Field({ description: 'TeamUser or Organization.' })
  targetType: string;

  @Field()
  occurredAt: Date;

  // actor, target, targetId (a global id) and details are field resolvers (audit.resolver.ts)
}

@ObjectType({ simpleResolvers: true })
export class AuditEventConnection extends ConnectionType('AuditEvent', AuditEventType) {}
