import { Field, ID, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { ErrorResult, UserItemResult } from '../errors/error-result.types';
import { MarketoAccessStatus } from '../team/team.service';
import { TeamUserType } from '../team/team.types';
import type { GrantView } from './access-plan';

registerEnumType(MarketoAccessStatus, { name: 'MarketoAccessStatus' });

@ObjectType('MarketoWorkspace', { description: 'A workspace of the Marketo subscription.', simpleResolvers: true })
export class MarketoWorkspaceType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The Default Marketo workspace, assigned when none is selected (R5).' })
  isDefault: boolean;
}

@ObjectType('MarketoAccessGrant', { description: "A user's access to the Marketo connection; its workspaces are fixed (R6)." })
export class MarketoAccessGrantType implements Partial<GrantView> {
  @Field(() => ID)
  id: string;

  @Field()
  grantedAt: Date;

  // user, workspaces and grantedBy are field resolvers (access.resolver.ts)
  workspaceIds: string[];
  userId: string;
  grantedById: string;
}

@ObjectType('MarketoAccess', {
  description: "A team user's access to the Marketo connection, as the Team Access page shows it.",
  // Plain data, complete when loaded (marketo-access.queries.ts): graphql-js reads the properties directly.
  simpleResolvers: true,
})
export class MarketoAccessType {
  @Field(() => MarketoAccessStatus)
  status: MarketoAccessStatus;

  @Field(() => MarketoAccessGrantType, { nullable: true, description: 'The grant, when connected.' })
  grant: GrantView | null;

  @Field(() => Date, { nullable: true })
  grantedAt: Date | null;

  @Field(() => TeamUserType, { nullable: true, description: 'The admin who granted it.' })
  grantedBy: TeamUserType | null;

  @Field(() => [MarketoWorkspaceType], { description: 'The Default workspace first, then by name; empty when not connected.' })
  workspaces: MarketoWorkspaceType[];
}

@ObjectType({ implements: [UserItemResult] })
export class MarketoAccessGranted extends UserItemResult {
  @Field(() => MarketoAccessGrantType)
  grant: GrantView;
}

@ObjectType({ implements: [UserItemResult], description: 'Already connected with exactly these workspaces: nothing changed.' })
export class MarketoAccessUnchanged extends UserItemResult {
  @Field(() => MarketoAccessGrantType)
  grant: GrantView;
}

@ObjectType({ implements: [UserItemResult] })
export class MarketoAccessRevoked extends UserItemResult {
  @Field(() => MarketoAccessGrantType, { description: 'The grant as it was before it was removed.' })
  revokedGrant: GrantView;
}

@ObjectType({ implements: [ErrorResult, UserItemResult] })
export class UserAccessError extends ErrorResult implements UserItemResult {
  @Field(() => ID)
  userId: string;
}

export const ConnectMarketoUserResult = createUnionType({
  name: 'ConnectMarketoUserResult',
  types: () => [MarketoAccessGranted, MarketoAccessUnchanged, UserAccessError] as const,
});

export const DisconnectMarketoUserResult = createUnionType({
  name: 'DisconnectMarketoUserResult',
  types: () => [MarketoAccessRevoked, UserAccessError] as const,
});

@ObjectType()
export class ConnectMarketoUsersPayload {
  @Field(() => [ConnectMarketoUserResult], { description: 'One result per user, in input order.' })
  results: (typeof ConnectMarketoUserResult)[];

  @Field(() => Int)
  connectedCount: number;

  @Field(() => Int)
  unchangedCount: number;

  @Field(() => Int)
  errorCount: number;

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key.' })
  replayed: boolean;
}

@ObjectType()
export class DisconnectMarketoUsersPayload {
  @Field(() => [DisconnectMarketoUserResult], { description: 'One result per user, in input order.' })
  results: (typeof DisconnectMarketoUserResult)[];

  @Field(() => Int)
  disconnectedCount: number;

  @Field(() => Int)
  errorCount: number;

  @Field()
  replayed: boolean;
}

