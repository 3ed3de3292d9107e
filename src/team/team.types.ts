import { Field, ID, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.types';
import { ErrorResult } from '../errors/error-result.types';
import { Role } from './team-user.entity';

registerEnumType(Role, { name: 'Role', description: 'ADMIN manages access (R9); MEMBER uses it.' });

@ObjectType('TeamUser', { description: 'A user invited to the product (R1).', simpleResolvers: true })
export class TeamUserType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  email: string;

  @Field(() => Role)
  role: Role;

  @Field()
  invitedAt: Date;

  // marketoAccess is a field resolver (team.resolver.ts)
}

@ObjectType({ simpleResolvers: true })
export class TeamAccessConnection extends ConnectionType('TeamAccess', TeamUserType) {}

@ObjectType()
export class UserInvited {
  @Field(() => TeamUserType)
  user: TeamUserType;
}

@ObjectType({ implements: [ErrorResult] })
export class InviteUserError extends ErrorResult {
  @Field({ description: 'The e-mail as given in the input.' })
  email: string;
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
