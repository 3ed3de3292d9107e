import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MarketoAccessType } from '../access/access.types';
import { toConnection, type Connection } from '../common/connection.types';
import { selects } from '../common/selection';
import type { RequestContext } from '../context';
import { describeItemError } from '../errors/item-error';
import { Role, type TeamUser } from './team-user.entity';
import { TeamAccessArgs, InviteUsersInput } from './team.inputs';
import { InviteUserError, InviteUsersPayload, TeamAccessConnection, TeamUserType, UserInvited } from './team.types';

@Resolver(() => TeamUserType)
export class TeamResolver {
  @Authorized()
  @Query(() => TeamAccessConnection, { description: 'The Team Access page: invited users and their Marketo access (R1).' })
  async teamAccess(@Args() args: TeamAccessArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Connection<TeamUser>> {
    const page = await ctx.services.team.teamAccess(ctx, args);
    if (selects(info, ['edges', 'node', 'marketoAccess'])) {
      // Loaded for the whole page before execution goes on, so every row resolves synchronously.
      const access = await ctx.loaders.marketoAccessByUserId.loadMany(page.nodes.map((user) => user.id));
      page.nodes.forEach((user, i) => Object.assign(user, { marketoAccess: access[i] }));
    }
    return toConnection(page, args.after);
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
  marketoAccess(@Root() user: TeamUser & { marketoAccess?: MarketoAccessType }, @Ctx() ctx: RequestContext): MarketoAccessType | Promise<MarketoAccessType> {
    return user.marketoAccess ?? ctx.loaders.marketoAccessByUserId.load(user.id);
  }
}
