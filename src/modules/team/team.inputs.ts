import { MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Role } from '../../core/viewer';
import { IdempotentInput } from '../../graphql/idempotent.input';

@InputType({ description: 'One user to invite.' })
export class InviteeInput {
  // Names and e-mails are checked per item by the service, so one bad row does not fail the others.
  @Field({
    description:
      'Display name: 1 to 200 characters after trimming, stored in Unicode NFC; no control or bidirectional formatting characters, at least one visible character (else INVALID_NAME for this invitee).',
  })
  @MaxLength(10_000)
  name: string;

  @Field({
    description:
      'E-mail address, stored trimmed, in Unicode NFC and lower case; unique in the organization in that form (else INVALID_EMAIL or EMAIL_ALREADY_INVITED).',
  })
  @MaxLength(10_000)
  email: string;

  @Field(() => Role, { nullable: true, description: 'Default MEMBER.' })
  role?: Role | null;
}

@InputType({ description: 'The input of `inviteUsers`.' })
export class InviteUsersInput extends IdempotentInput {
  @Field(() => [InviteeInput], { description: 'At most 1000 per call.' })
  @ValidateNested({ each: true })
  users: InviteeInput[];
}
