import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { Role } from '../team/team-user.entity';
import { TeamUserType } from '../team/team.types';
import type { GrantView } from './access-plan';
import { byDefaultThenName } from './marketo-access.queries';
import { ConnectMarketoUsersInput, DisconnectMarketoUsersInput } from './access.inputs';
import { connectPayload, disconnectPayload } from './access.payloads';
import { ConnectMarketoUsersPayload, DisconnectMarketoUsersPayload, MarketoAccessGrantType, MarketoWorkspaceType } from './access.types';
import type { MarketoWorkspace } from './marketo-workspace.entity';

@Resolver()
export class AccessResolver {
  @Authorized()
  @Query(() => [MarketoWorkspaceType], { description: "The organization's Marketo workspaces, the Default one first." })
  marketoWorkspaces(@Ctx() ctx: RequestContext): Promise<MarketoWorkspace[]> {
    return ctx.services.access.workspaces(ctx);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ConnectMarketoUsersPayload, { description: 'Grant users access to the Marketo connection, in bulk (R3-R6).' })
  async connectMarketoUsers(@Arg('input') input: ConnectMarketoUsersInput, @Ctx() ctx: RequestContext): Promise<ConnectMarketoUsersPayload> {
    const { result, replayed } = await ctx.services.access.connect(ctx, input.assignments, input.idempotencyKey);
    return connectPayload(ctx.t, result, replayed);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DisconnectMarketoUsersPayload, { description: "Remove users' access, so they can be connected again with other workspaces (R6)." })
  async disconnectMarketoUsers(@Arg('input') input: DisconnectMarketoUsersInput, @Ctx() ctx: RequestContext): Promise<DisconnectMarketoUsersPayload> {
    const { result, replayed } = await ctx.services.access.disconnect(ctx, input.userIds, input.idempotencyKey);
    return disconnectPayload(ctx.t, result, replayed);
  }
}

@Resolver(() => MarketoAccessGrantType)
export class MarketoAccessGrantResolver {
  @FieldResolver(() => TeamUserType, { nullable: true, description: 'The user who has the access.' })
  user(@Root() grant: GrantView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.userById.load(grant.userId);
  }

  @FieldResolver(() => TeamUserType, { nullable: true, description: 'The admin who granted it.' })
  grantedBy(@Root() grant: GrantView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.userById.load(grant.grantedById);
  }

  @FieldResolver(() => [MarketoWorkspaceType], { description: 'The Default workspace first, then by name.' })
  workspaces(@Root() grant: GrantView, @Ctx() ctx: RequestContext): Promise<MarketoWorkspace[]> {
    return workspacesOf(grant, ctx);
  }
}

async function workspacesOf(grant: GrantView, ctx: RequestContext): Promise<MarketoWorkspace[]> {
  const workspaces = await ctx.loaders.workspaceById.loadMany(grant.workspaceIds);
  return workspaces.filter((workspace): workspace is MarketoWorkspace => workspace !== null && !(workspace instanceof Error)).sort(byDefaultThenName);
}
