import { Field, ID, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.types';
import { ErrorResult, UserItemResult } from '../../graphql/error-result.types';
import { MarketoWorkspace } from '../organization/marketo-workspace.entity';
import type { ListedTeamUser } from '../team/team.repository';
import { TeamUser } from '../team/team-user.entity';
import { MarketoAccessGrant, type GrantView } from './marketo-access-grant.entity';

export enum MarketoAccessStatus {
  CONNECTED = 'CONNECTED',
  NOT_CONNECTED = 'NOT_CONNECTED',
}

registerEnumType(MarketoAccessStatus, {
  name: 'MarketoAccessStatus',
  description: 'Whether a team user has access to the Marketo connection.',
  valuesConfig: {
    CONNECTED: { description: 'The user has a grant, with its workspaces.' },
    NOT_CONNECTED: { description: 'The user has no grant.' },
  },
});

/** What the Team Access list can be ordered by; ties are always broken by the user's id. */
export enum TeamAccessOrderField {
  NAME = 'NAME',
  EMAIL = 'EMAIL',
  GRANTED_AT = 'GRANTED_AT',
}

registerEnumType(TeamAccessOrderField, {
  name: 'TeamAccessOrderField',
  description: 'What the Team Access list is ordered by; users with the same value are ordered by id.',
  valuesConfig: {
    NAME: {
      description:
        "The user's name, as the request's language sorts names (Accept-Language; the default): case and accents second (Émile before Léa before Lucas), Swedish Å Ä Ö after Z.",
    },
    EMAIL: { description: "The user's e-mail address (stored lower-cased)." },
    GRANTED_AT: { description: 'When Marketo access was granted; users without access come after every connected user (ASC), before them (DESC).' },
  },
});

export enum Feature {
  INTERESTING_MOMENTS_LIVE_FEED = 'INTERESTING_MOMENTS_LIVE_FEED',
  MARKETING_CAMPAIGNS = 'MARKETING_CAMPAIGNS',
}

registerEnumType(Feature, {
  name: 'Feature',
  description: 'Features that access to the Marketo connection unlocks (R7).',
  valuesConfig: {
    INTERESTING_MOMENTS_LIVE_FEED: { description: "The live feed of the Marketo leads' interesting moments." },
    MARKETING_CAMPAIGNS: { description: "The Marketo marketing campaigns, in the workspaces of the user's grant." },
  },
});

@ObjectType({ description: 'A page of the Team Access list (Relay cursor connection), in the requested order.', simpleResolvers: true })
export class TeamAccessConnection extends ConnectionType('TeamAccess', TeamUser) {}

@ObjectType({
  description: "A team user's access to the Marketo connection, as the Team Access page shows it.",
  // Plain data, complete when loaded (access.repository.ts): graphql-js reads the properties directly.
  simpleResolvers: true,
})
export class MarketoAccess {
  @Field(() => MarketoAccessStatus, { description: 'CONNECTED when the user has a grant.' })
  status: MarketoAccessStatus;

  @Field(() => MarketoAccessGrant, { nullable: true, description: 'The grant, when connected.' })
  grant: GrantView | null;

  @Field(() => Date, { nullable: true, description: 'When the access was granted (UTC); null when not connected.' })
  grantedAt: Date | null;

  @Field(() => TeamUser, { nullable: true, description: 'The admin who granted it.' })
  grantedBy: ListedTeamUser | null;

  @Field(() => [MarketoWorkspace], { description: 'The Default workspace first, then by name; empty when not connected.' })
  workspaces: MarketoWorkspace[];
}

@ObjectType({ implements: [UserItemResult], description: 'The user was connected: a new grant was made.' })
export class MarketoAccessGranted extends UserItemResult {
  @Field(() => MarketoAccessGrant, { description: 'The grant made by this call.' })
  grant: GrantView;
}

@ObjectType({ implements: [UserItemResult], description: 'Already connected with exactly these workspaces: nothing changed.' })
export class MarketoAccessUnchanged extends UserItemResult {
  @Field(() => MarketoAccessGrant, { description: 'The existing grant, unchanged.' })
  grant: GrantView;
}

@ObjectType({ implements: [UserItemResult], description: "The user's access was removed." })
export class MarketoAccessRevoked extends UserItemResult {
  @Field(() => MarketoAccessGrant, { description: 'The grant as it was before it was removed.' })
  revokedGrant: GrantView;
}

@ObjectType({ implements: [ErrorResult, UserItemResult], description: 'A user of a bulk connect or disconnect that failed; the other users went on.' })
export class UserAccessError extends ErrorResult implements UserItemResult {
  @Field(() => ID, { description: 'The user id as given in the input.' })
  userId: string;

  @Field(() => Int, { description: "The item's position in the input (0-based; across assignments, in order)." })
  index: number;
}

export const ConnectMarketoUserResult = createUnionType({
  name: 'ConnectMarketoUserResult',
  description: 'The outcome for one user of `connectMarketoUsers`: granted, unchanged (already so), or an error.',
  types: () => [MarketoAccessGranted, MarketoAccessUnchanged, UserAccessError] as const,
});

export const DisconnectMarketoUserResult = createUnionType({
  name: 'DisconnectMarketoUserResult',
  description: 'The outcome for one user of `disconnectMarketoUsers`: revoked, or an error.',
  types: () => [MarketoAccessRevoked, UserAccessError] as const,
});

@ObjectType({ description: 'The result of `connectMarketoUsers`: one result per user, and the counts.' })
export class ConnectMarketoUsersPayload {
  @Field(() => [ConnectMarketoUserResult], { description: 'One result per user, in input order.' })
  results: (typeof ConnectMarketoUserResult)[];

  @Field(() => Int, { description: 'How many users were connected (MarketoAccessGranted results).' })
  connectedCount: number;

  @Field(() => Int, { description: 'How many users already had exactly this access (MarketoAccessUnchanged results).' })
  unchangedCount: number;

  @Field(() => Int, { description: 'How many users failed (UserAccessError results).' })
  errorCount: number;

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key.' })
  replayed: boolean;
}

@ObjectType({ description: 'The result of `disconnectMarketoUsers`: one result per user, and the counts.' })
export class DisconnectMarketoUsersPayload {
  @Field(() => [DisconnectMarketoUserResult], { description: 'One result per user, in input order.' })
  results: (typeof DisconnectMarketoUserResult)[];

  @Field(() => Int, { description: 'How many users lost their access (MarketoAccessRevoked results).' })
  disconnectedCount: number;

  @Field(() => Int, { description: 'How many users failed (UserAccessError results).' })
  errorCount: number;

  @Field({ description: 'True when this is the stored result of an earlier call with the same idempotency key: nothing was written this time.' })
  replayed: boolean;
}
