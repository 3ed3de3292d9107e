import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role, type Viewer } from '../../core/viewer';
import { CurrentViewer } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import type { OrganizationService } from '../organization/organization.service';
import { teamErrorKey } from './team.errors';
import { InviteUsersInput } from './team.inputs';
import type { TeamLoaders } from './team.loaders';
import type { InviteOutcome, TeamService } from './team.service';
import { InviteUserError, InviteUsersPayload, UserInvited, ViewerType } from './team.types';
import type { TeamUser } from './team-user.entity';

@Resolver()
export class TeamResolver {
  constructor(
    private readonly team: TeamService,
    private readonly loaders: TeamLoaders,
    private readonly organizations: OrganizationService,
  ) {}

  @Authorized()
  @Query(() => ViewerType, { nullable: true, description: 'The caller; null (with an UNAUTHENTICATED error) without a valid token.' })
  async viewer(@CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<ViewerType> {
    const [user, organization] = await Promise.all([this.loaders.userById(ctx, viewer).load(viewer.userId), this.organizations.organizationOf(viewer)]);
    return { user: user!, organization, role: viewer.role };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InviteUsersPayload, { nullable: true, description: 'Team Management: invite users, so they appear on the Team Access page (R8).' })
  async inviteUsers(
    @Arg('input', { description: 'The users to invite, and an optional idempotency key.' }) input: InviteUsersInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InviteUsersPayload> {
    const { result, replayed } = await this.team.invite(ctx, viewer, input);
    const invitedIds = result.flatMap((outcome) => (outcome.kind === 'invited' ? [outcome.userId] : []));
    const userById = new Map((await this.team.usersByIds(viewer, invitedIds)).map((user) => [user.id, user]));
    return {
      results: result.map((outcome, index) => inviteResult(outcome, index, userById)),
      invitedCount: invitedIds.length,
      errorCount: result.length - invitedIds.length,
      replayed,
    };
  }
}

function inviteResult(outcome: InviteOutcome, index: number, userById: Map<string, TeamUser>): UserInvited | InviteUserError {
  if (outcome.kind === 'invited') return Object.assign(new UserInvited(), { user: userById.get(outcome.userId)!, index });
  const { email, code, params } = outcome;
  return Object.assign(new InviteUserError(), { email, index, code, i18nKey: teamErrorKey(outcome), i18nParams: params });
}
