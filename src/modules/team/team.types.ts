import { Field, Int, ObjectType, createUnionType } from 'type-graphql';
import { Role } from '../../core/viewer';
import { ErrorResult } from '../../graphql/error-result.types';
import { OrganizationType } from '../organization/organization.types';
import { TeamUser } from './team-user.entity';

@ObjectType('Viewer', { description: 'The caller of the request.' })
export class ViewerType {
  @Field(() => TeamUser)
  user: TeamUser;

  @Field(() => OrganizationType)
  organization: OrganizationType;

  @Field(() => Role)
  role: Role;

  // unlockedFeatures is a field resolver of the access module (team-access.resolver.ts, R7)
}

@ObjectType()
export class UserInvited {
  @Field(() => TeamUser)
  user: TeamUser;

  @Field(() => Int, { description: "The invitee's position in the input (0-based)." })
  index: number;
}

@ObjectType({ implements: [ErrorResult] })
export class InviteUserError extends ErrorResult {
  @Field({ description: 'The e-mail as given in the input.' })
  email: string;

  @Field(() => Int, { description: "The invitee's position in the input (0-based)." })
  index: number;
}

export const InviteUserResult = createUnionType({
  name: 'InviteUserResult',
  types: () => [UserInvited, InviteUserError] as const,
});

@ObjectType()
export class InviteUsersPayload {
  @Field(() => [InviteUserResult], { description: 'One result per invitee, in input order.' })
  results: (typeof InviteUserResult)[];

  @Field(() => Int)
  invitedCount: number;

  @Field(() => Int)
  errorCount: number;

  @Field()
  replayed: boolean;
}
