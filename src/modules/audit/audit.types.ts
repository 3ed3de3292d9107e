import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.types';
import { AuditAction } from '../../kernel/audit-event.entity';

registerEnumType(AuditAction, { name: 'AuditAction' });

@ObjectType('AuditEvent', { description: 'Who did what to whom, and when.' })
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field(() => AuditAction)
  action: AuditAction;

  @Field({ description: 'TeamUser or Organization.' })
  targetType: string;

  @Field(() => ID)
  targetId: string;

  @Field()
  occurredAt: Date;

  // actor, target and details are field resolvers (audit.resolver.ts)
}

@ObjectType({ simpleResolvers: true })
export class AuditEventConnection extends ConnectionType('AuditEvent', AuditEventType) {}
