import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ConnectionArgs, MAX_ID_LENGTH } from '../../graphql/connection.args';
import { AuditAction } from '../../kernel/audit-event.entity';

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => [AuditAction], { nullable: true, description: 'Only events of these actions (any of them); none or empty: every action.' })
  action?: AuditAction[] | null;

  @Field(() => ID, { nullable: true, description: 'Only events done by this user (its global id; a raw UUID is still accepted, deprecated).' })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events done to this user or organization (its global id; a raw UUID is still accepted, deprecated).' })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  targetId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only events at or after this instant.' })
  occurredAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only events strictly before this instant (with occurredAfter: a half-open range).' })
  occurredBefore?: Date | null;
}
