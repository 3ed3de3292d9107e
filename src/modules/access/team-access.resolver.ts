import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Viewer } from '../../core/viewer';
import { CurrentViewer } from '../../graphql/auth-checker';
import { toConnection, type Connection } from '../../graphql/connection.types';
import type { GraphQLContext } from '../../graphql/context';
import { selects } from '../../graphql/selection';
import { ViewerType } from '../team/team.types';
import { TeamUser } from '../team/team-user.entity';
import { TeamAccessArgs } from './access.inputs';
import type { AccessLoaders } from './access.loaders';
import type { AccessService } from './access.service';
import { Feature, MarketoAccess, TeamAccessConnection } from './access.types';

type TeamUserWithAccess = TeamUser & { marketoAccess?: MarketoAccess };

@Resolver(() => TeamUser)
export class TeamAccessResolver {
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
  ): Promise<Connection<TeamUser>> {
    const page = await this.access.teamAccess(ctx, viewer, args);
    if (selects(info, ['edges', 'node', 'marketoAccess'])) {
      // Loaded for the whole page before execution goes on, so every row resolves synchronously.
      const access = await this.loaders.marketoAccessByUserId(ctx, viewer).loadMany(page.nodes.map((user) => user.id));
      page.nodes.forEach((user, i) => Object.assign(user, { marketoAccess: access[i] }));
    }
    return toConnection(page);
  }

  @FieldResolver(() => MarketoAccess, { description: 'Connected or not, with the workspaces of the grant.' })
  marketoAccess(@Root() user: TeamUserWithAccess, @CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): MarketoAccess | Promise<MarketoAccess> {
    return user.marketoAccess ?? this.loaders.marketoAccessByUserId(ctx, viewer).load(user.id);
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
