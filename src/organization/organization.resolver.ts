import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf } from '../auth/auth-checker';
import type { RequestContext } from '../context';
import { Role } from '../team/team-user.entity';
import { connectionState, type MarketoConnectionState } from './marketo-connection';
import { ConnectMarketoInput } from './organization.inputs';
import { Feature, MarketoConnectionType, ViewerType } from './organization.types';

@Resolver()
export class OrganizationResolver {
  @Authorized()
  @Query(() => ViewerType)
  async viewer(@Ctx() ctx: RequestContext): Promise<ViewerType> {
    const { user } = viewerOf(ctx);
    const organization = await ctx.services.organizations.get(ctx);
    const connected = (await ctx.loaders.marketoAccessByUserId.load(user.id)).grant !== null;
    return {
      user,
      organization,
      role: user.role,
      unlockedFeatures: connected ? [Feature.INTERESTING_MOMENTS_LIVE_FEED, Feature.MARKETING_CAMPAIGNS] : [],
    };
  }

  @Authorized()
  @Query(() => MarketoConnectionType)
  async marketoConnection(@Ctx() ctx: RequestContext): Promise<MarketoConnectionState> {
    return connectionState(await ctx.services.organizations.get(ctx), ctx.clock.now());
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => MarketoConnectionType, { description: "Record the product's connection with Marketo; access can be granted ten minutes later (R2)." })
  async connectMarketo(@Arg('input') input: ConnectMarketoInput, @Ctx() ctx: RequestContext): Promise<MarketoConnectionState> {
    return connectionState(await ctx.services.organizations.connectMarketo(ctx, input), ctx.clock.now());
  }
}
