import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IdempotentInput } from '../idempotency/idempotent.input';
import { MarketoAccessStatus } from './team.service';
import { Role } from './team-user.entity';

@ArgsType()
export class TeamAccessArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  @MaxLength(1000)
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of a name or e-mail, case-insensitive.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => MarketoAccessStatus, { nullable: true })
  status?: MarketoAccessStatus | null;
}

@InputType()
export class InviteeInput {
  // Names and e-mails are checked per item by the service, so one bad row does not fail the others.
  @Field()
  @MaxLength(10_000)
  name: string;

  @Field()
  @MaxLength(10_000)
  email: string;

  @Field(() => Role, { nullable: true, description: 'Default MEMBER.' })
  role?: Role | null;
}

@InputType()
export class InviteUsersInput extends IdempotentInput {
  @Field(() => [InviteeInput], { description: 'At most 1000 per call.' })
  @ValidateNested({ each: true })
  users: InviteeInput[];
}

