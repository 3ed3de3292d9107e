import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role, type Viewer } from '../../core/viewer';
import { CurrentViewer } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { connectionState, type MarketoConnectionState } from './marketo-connection';
import { MarketoWorkspace } from './marketo-workspace.entity';
import { ConnectMarketoInput } from './organization.inputs';
import type { OrganizationService } from './organization.service';
import { MarketoConnectionType } from './organization.types';

@Resolver()
export class OrganizationResolver {
  constructor(private readonly organizations: OrganizationService) {}

  @Authorized()
  @Query(() => MarketoConnectionType, { nullable: true, description: "The product's connection with Marketo (R2's ten minutes included)." })
  async marketoConnection(@CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<MarketoConnectionState> {
    return connectionState(await this.organizations.organizationOf(viewer), ctx.clock.now());
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => MarketoConnectionType, {
    nullable: true,
    description: "Record the product's connection with Marketo; access can be granted ten minutes later (R2).",
  })
  async connectMarketo(
    @Arg('input', { description: "The subscription's workspace settings." }) input: ConnectMarketoInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MarketoConnectionState> {
    return connectionState(await this.organizations.connectMarketo(ctx, viewer, input), ctx.clock.now());
  }

  @Authorized()
  @Query(() => [MarketoWorkspace], { nullable: true, description: "The organization's Marketo workspaces, the Default one first." })
  marketoWorkspaces(@CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<MarketoWorkspace[]> {
    return this.organizations.workspaces(viewer, ctx.locale);
  }
}
