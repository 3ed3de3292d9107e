import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { AuditAction } from '../../kernel/audit-event.entity';

// Room for a global id (base64url of "<Type>:<uuid>") as well as a raw UUID.
const MAX_ID_LENGTH = 128;

@ArgsType()
export class AuditEventsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor of this list and filters: the events after it (older ones). Without it: from the newest.' })
  @MaxLength(1000)
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Page backward: the last events before `before` (or the oldest ones), 1 to 100. Not with `first` or `after`.',
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor of this list and filters: page backward from it. Not with `first` or `after`.' })
  @MaxLength(1000)
  before?: string | null;

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
