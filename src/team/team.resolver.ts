import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MarketoAccessType } from '../access/access.types';
import { toConnection, type Connection } from '../common/connection.types';
import type { RequestContext } from '../context';
import { describeItemError } from '../errors/item-error';
import { Role, type TeamUser } from './team-user.entity';
import { TeamAccessArgs, InviteUsersInput } from './team.inputs';
import { MarketoAccessStatus } from './team.service';
import { InviteUserError, InviteUsersPayload, TeamAccessConnection, TeamUserType, UserInvited } from './team.types';

@Resolver(() => TeamUserType)
export class TeamResolver {
  @Authorized()
  @Query(() => TeamAccessConnection, { description: 'The Team Access page: invited users and their Marketo access (R1).' })
  async teamAccess(@Args() args: TeamAccessArgs, @Ctx() ctx: RequestContext): Promise<Connection<TeamUser>> {
    return toConnection(await ctx.services.team.teamAccess(ctx, args), args.after);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InviteUsersPayload, { description: 'Team Management: invite users, so they appear on the Team Access page (R8).' })
  async inviteUsers(@Arg('input') input: InviteUsersInput, @Ctx() ctx: RequestContext): Promise<InviteUsersPayload> {
    const { result, replayed } = await ctx.services.team.invite(ctx, input.users, input.idempotencyKey);
    const invitedIds = result.flatMap((outcome) => (outcome.kind === 'invited' ? [outcome.userId] : []));
    const users = await ctx.loaders.userById.loadMany(invitedIds);
    const userById = new Map(users.map((user, i) => [invitedIds[i], user as TeamUser]));
    const results = result.map((outcome) =>
      outcome.kind === 'invited'
        ? Object.assign(new UserInvited(), { user: userById.get(outcome.userId)! })
        : Object.assign(new InviteUserError(), { email: outcome.email, ...describeItemError(ctx.t, outcome.code, outcome.params) }),
    );
    return { results, invitedCount: invitedIds.length, errorCount: result.length - invitedIds.length, replayed };
  }

  @FieldResolver(() => MarketoAccessType, { description: 'Connected or not, with the workspaces of the grant.' })
  async marketoAccess(@Root() user: TeamUser, @Ctx() ctx: RequestContext): Promise<MarketoAccessType> {
    const grant = await ctx.loaders.grantByUserId.load(user.id);
    return { status: grant ? MarketoAccessStatus.CONNECTED : MarketoAccessStatus.NOT_CONNECTED, grant };
  }
}
