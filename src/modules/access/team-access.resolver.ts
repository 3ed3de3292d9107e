import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Viewer } from '../../core/viewer';
import { CurrentViewer, viewerOf } from '../../graphql/auth-checker';
import { toConnection, type Connection } from '../../graphql/connection.types';
import type { GraphQLContext } from '../../graphql/context';
import { plainArgsCheck } from '../../graphql/plain-args';
import type { PlainResolvers } from '../../graphql/plain-resolvers';
import { selects } from '../../graphql/selection';
import { ViewerType } from '../team/team.types';
import type { ListedTeamUser } from '../team/team.repository';
import { TeamUser } from '../team/team-user.entity';
import { TeamAccessArgs } from './access.inputs';
import type { AccessLoaders } from './access.loaders';
import type { AccessService } from './access.service';
import { Feature, MarketoAccess, TeamAccessConnection } from './access.types';

type TeamUserWithAccess = ListedTeamUser & { marketoAccess?: MarketoAccess };

@Resolver(() => TeamUser)
export class TeamAccessResolver implements PlainResolvers {
  constructor(
    private readonly access: AccessService,
    private readonly loaders: AccessLoaders,
  ) {}

  @Authorized()
  @Query(() => TeamAccessConnection, { nullable: true, description: 'The Team Access page: invited users and their Marketo access (R1).' })
  async teamAccess(
    @Args() args: TeamAccessArgs,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ListedTeamUser>> {
    const page = await this.access.teamAccess(ctx, viewer, args);
    if (selects(info, ['edges', 'node', 'marketoAccess'])) {
      // Loaded for the whole page before execution goes on, so every row resolves synchronously.
      const access = await this.loaders.marketoAccessByUserId(ctx, viewer).loadMany(page.nodes.map((user) => user.id));
      page.nodes.forEach((user, i) => Object.assign(user, { marketoAccess: access[i] }));
    }
    return toConnection(page);
  }

  // The schema's declaration; resolvePlainly replaces it in the executable schema (one call per row).
  @FieldResolver(() => MarketoAccess, { description: 'Connected or not, with the workspaces of the grant.' })
  marketoAccess(@Root() user: TeamUserWithAccess, @Ctx() ctx: GraphQLContext): MarketoAccess | Promise<MarketoAccess> {
    // Preloaded for a Team Access page; loaded (batched) for users reached another way (node, grantedBy, viewer).
    return user.marketoAccess ?? this.loaders.marketoAccessByUserId(ctx, viewerOf(ctx)).load(user.id);
  }

  /**
   * `TeamUser.marketoAccess` (once per row) and `Query.teamAccess` (once per request, but the hot read)
   * without type-graphql's wrapper. The root field keeps what the wrapper did: a viewer is required
   * (`@Authorized`), and arguments that the plain check of their constraints does not pass go through
   * the wrapper, whose validation words the refusal.
   */
  resolvePlainly(schema: GraphQLSchema): void {
    const teamUser = schema.getType('TeamUser');
    if (!isObjectType(teamUser)) throw new Error('The schema has no TeamUser type');
    teamUser.getFields().marketoAccess.resolve = (user: TeamUserWithAccess, _args, ctx: GraphQLContext) => this.marketoAccess(user, ctx);
    const teamAccess = schema.getQueryType()!.getFields().teamAccess;
    const validated = teamAccess.resolve!;
    const plainlyValid = plainArgsCheck(TeamAccessArgs);
    if (!plainlyValid) return;
    teamAccess.resolve = (root, args: Record<string, unknown>, ctx: GraphQLContext, info) =>
      plainlyValid(args) ? this.teamAccess(args as TeamAccessArgs, viewerOf(ctx), ctx, info) : validated(root, args, ctx, info);
  }
}

@Resolver(() => ViewerType)
export class ViewerFeaturesResolver {
  constructor(private readonly loaders: AccessLoaders) {}

  @FieldResolver(() => [Feature], { description: "Unlocked when the caller's own access is connected (R7)." })
  async unlockedFeatures(@CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<Feature[]> {
    const access = await this.loaders.marketoAccessByUserId(ctx, viewer).load(viewer.userId);
    return access.grant ? [Feature.INTERESTING_MOMENTS_LIVE_FEED, Feature.MARKETING_CAMPAIGNS] : [];
  }
}
