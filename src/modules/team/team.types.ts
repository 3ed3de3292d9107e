import { Field, Int, ObjectType, createUnionType } from 'type-graphql';
import { Role } from '../../core/viewer';
import { ErrorResult } from '../../graphql/error-result.types';
import { OrganizationType } from '../organization/organization.types';
import { TeamUser } from './team-user.entity';

@ObjectType('Viewer', { description: 'The caller of the request.' })
export class ViewerType {
  @Field(() => TeamUser, { description: 'The team user the token belongs to.' })
  user: TeamUser;

  @Field(() => OrganizationType, { description: "The caller's organization: every other query and mutation is scoped to it." })
  organization: OrganizationType;

  @Field(() => Role, { description: "The caller's role: ADMIN sees the audit trail and may run mutations, MEMBER may only read." })
  role: Role;

  // unlockedFeatures is a field resolver of the access module (team-access.resolver.ts, R7)
}

@ObjectType({ description: 'An invitee that was added to the team: the user now appears on the Team Access page.' })
export class UserInvited {
  @Field(() => TeamUser, { description: 'The user as created, not connected to Marketo yet.' })
  user: TeamUser;

  @Field(() => Int, { description: "The invitee's position in the input (0-based)." })
  index: number;
}

@ObjectType({
  description: 'An invitee that was not added (invalid name or e-mail, already invited, or a duplicate in the input); the other invitees went on.',
  implements: [ErrorResult],
})
export class InviteUserError extends ErrorResult {
  @Field({ description: 'The e-mail as given in the input.' })
  email: string;

  @Field(() => Int, { description: "The invitee's position in the input (0-based)." })
  index: number;
}

export const InviteUserResult = createUnionType({
  name: 'InviteUserResult',
  description: 'The outcome for one invitee of `inviteUsers`: UserInvited or InviteUserError.',
  types: () => [UserInvited, InviteUserError] as const,
});

@ObjectType({ description: 'The result of `inviteUsers`: one result per invitee, and the counts.' })
export class InviteUsersPayload {
  @Field(() => [InviteUserResult], { description: 'One result per invitee, in input order.' })
  results: (typeof InviteUserResult)[];

  @Field(() => Int, { description: 'How many invitees were added (UserInvited results).' })
  invitedCount: number;

  @Field(() => Int, { description: 'How many invitees failed (InviteUserError results).' })
  errorCount: number;

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key: nothing was written this time.' })
  replayed: boolean;
}
