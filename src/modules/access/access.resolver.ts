import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role, type Viewer } from '../../core/viewer';
import { CurrentViewer } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { inputIdOf } from '../../graphql/global-id';
import { byDefaultThenName, MarketoWorkspace } from '../organization/marketo-workspace.entity';
import type { OrganizationLoaders } from '../organization/organization.loaders';
import type { TeamLoaders } from '../team/team.loaders';
import { TeamUser } from '../team/team-user.entity';
import { ConnectMarketoUsersInput, DisconnectMarketoUsersInput } from './access.inputs';
import { connectPayload, disconnectPayload, spellingOf } from './access.payloads';
import type { AccessService } from './access.service';
import { ConnectMarketoUsersPayload, DisconnectMarketoUsersPayload } from './access.types';
import { MarketoAccessGrant, type GrantView } from './marketo-access-grant.entity';
import { UserItemResult } from '../../graphql/error-result.types';

@Resolver()
export class AccessResolver {
  constructor(private readonly access: AccessService) {}

  @Authorized(Role.ADMIN)
  @Mutation(() => ConnectMarketoUsersPayload, { nullable: true, description: 'Grant users access to the Marketo connection, in bulk (R3-R6).' })
  async connectMarketoUsers(
    @Arg('input', { description: 'The users and the workspaces they get, and an optional idempotency key.' }) input: ConnectMarketoUsersInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectMarketoUsersPayload> {
    // The service works with local ids; results answer ids as the input spelled them.
    const workspaceIds = input.assignments
      .flatMap((assignment) => assignment.workspaceIds ?? [])
      .map((id): [string, string] => [inputIdOf(id, 'MarketoWorkspace'), id]);
    const { given } = spellingOf(
      input.assignments.flatMap((assignment) => assignment.userIds),
      (id) => inputIdOf(id, 'TeamUser'),
      workspaceIds,
    );
    const assignments = input.assignments.map((assignment) => ({
      userIds: assignment.userIds.map((id) => inputIdOf(id, 'TeamUser')),
      workspaceIds: assignment.workspaceIds?.map((id) => inputIdOf(id, 'MarketoWorkspace')),
    }));
    const { result, replayed } = await this.access.connect(ctx, viewer, { ...input, assignments });
    return connectPayload(result, replayed, given);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DisconnectMarketoUsersPayload, {
    nullable: true,
    description: "Remove users' access, so they can be connected again with other workspaces (R6).",
  })
  async disconnectMarketoUsers(
    @Arg('input', { description: 'The users to disconnect, and an optional idempotency key.' }) input: DisconnectMarketoUsersInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DisconnectMarketoUsersPayload> {
    const { local, given } = spellingOf(input.userIds, (id) => inputIdOf(id, 'TeamUser'));
    const { result, replayed } = await this.access.disconnect(ctx, viewer, { ...input, userIds: local });
    return disconnectPayload(result, replayed, given);
  }
}

@Resolver(() => MarketoAccessGrant)
export class MarketoAccessGrantResolver {
  constructor(
    private readonly users: TeamLoaders,
    private readonly organizations: OrganizationLoaders,
  ) {}

  @FieldResolver(() => TeamUser, { nullable: true, description: 'The user who has the access.' })
  user(@Root() grant: GrantView, @CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<TeamUser | null> {
    return this.users.userById(ctx, viewer).load(grant.userId);
  }

  @FieldResolver(() => TeamUser, { nullable: true, description: 'The admin who granted it.' })
  grantedBy(@Root() grant: GrantView, @CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<TeamUser | null> {
    return this.users.userById(ctx, viewer).load(grant.grantedById);
  }

  @FieldResolver(() => [MarketoWorkspace], { description: 'The Default workspace first, then by name.' })
  async workspaces(@Root() grant: GrantView, @CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<MarketoWorkspace[]> {
    const workspaces = await this.organizations.workspaceById(ctx, viewer).loadMany(grant.workspaceIds);
    return workspaces
      .filter((workspace): workspace is MarketoWorkspace => workspace !== null && !(workspace instanceof Error))
      .sort(byDefaultThenName(ctx.locale));
  }
}

@Resolver(() => UserItemResult)
export class UserItemResultResolver {
  constructor(private readonly users: TeamLoaders) {}

  // Read after the call committed, with its marketoAccess as it is now: a normalized cache (Apollo, Relay, urql's
  // graphcache) updates its rows from the payload without a refetch.
  @FieldResolver(() => TeamUser, { nullable: true, description: 'The user as it is after the call (null when the id names no user of the organization).' })
  user(@Root() item: UserItemResult, @CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<TeamUser | null> {
    return this.users.userById(ctx, viewer).load(inputIdOf(item.userId, 'TeamUser'));
  }
}
