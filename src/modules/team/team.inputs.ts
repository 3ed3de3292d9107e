import { MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Role } from '../../core/viewer';
import { IdempotentInput } from '../../graphql/idempotent.input';

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
