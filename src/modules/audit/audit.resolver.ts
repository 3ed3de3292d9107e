import { GraphQLJSONObject } from 'graphql-scalars';
import { Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Role, type Viewer } from '../../core/viewer';
import { CurrentViewer } from '../../graphql/auth-checker';
import { toConnection, type Connection } from '../../graphql/connection.types';
import type { GraphQLContext } from '../../graphql/context';
import { localIdOf, toGlobalId } from '../../graphql/global-id';
import { Node, type NodeRegistry } from '../../graphql/node';
import type { AuditEvent } from '../../kernel/audit-event.entity';
import type { TeamLoaders } from '../team/team.loaders';
import { TeamUser } from '../team/team-user.entity';
import { AuditEventsArgs } from './audit.inputs';
import type { AuditService } from './audit.service';
import { AuditEventConnection, AuditEventType } from './audit.types';

/** The types an audit event can be done to (its target_type column). */
const TARGET_TYPES = ['TeamUser', 'Organization'];

@Resolver(() => AuditEventType)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly users: TeamLoaders,
    private readonly nodes: NodeRegistry,
  ) {}

  @Authorized(Role.ADMIN)
  @Query(() => AuditEventConnection, {
    nullable: true,
    description: "The organization's audit trail, newest first, optionally filtered (admins only; null with a FORBIDDEN error for members).",
  })
  async auditEvents(@Args() args: AuditEventsArgs, @CurrentViewer() viewer: Viewer): Promise<Connection<AuditEvent>> {
    // A filter id of another type names no event: kept as given (then no UUID), it matches none.
    const actorId = args.actorId ? (localIdOf(args.actorId, 'TeamUser') ?? args.actorId) : args.actorId;
    const targetId = args.targetId ? (localIdOf(args.targetId, ...TARGET_TYPES) ?? args.targetId) : args.targetId;
    return toConnection(await this.audit.list(viewer, { ...args, actorId, targetId }));
  }

  @FieldResolver(() => TeamUser, { nullable: true, description: 'Who did it.' })
  actor(@Root() event: AuditEvent, @CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<TeamUser | null> {
    return this.users.userById(ctx, viewer).load(event.actorId);
  }

  @FieldResolver(() => ID, { description: 'The global id of the user or organization it was done to (see `target`).' })
  targetId(@Root() event: AuditEvent): string {
    return toGlobalId(event.targetType, event.targetId);
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The user (TeamUser) or organization (Organization) it was done to.' })
  target(@Root() event: AuditEvent, @Ctx() ctx: GraphQLContext): Promise<object | null> {
    return this.nodes.loadLocal(ctx, event.targetType, event.targetId);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'What changed, for example the workspace ids of a grant (global ids, as everywhere).' })
  details(@Root() event: AuditEvent): Record<string, unknown> {
    // Stored with local ids (the facts of the write); answered with global ids, like every id of the API.
    const details = JSON.parse(event.details);
    if (typeof details.grantId === 'string') details.grantId = toGlobalId('MarketoAccessGrant', details.grantId);
    if (Array.isArray(details.workspaceIds)) details.workspaceIds = details.workspaceIds.map((id: string) => toGlobalId('MarketoWorkspace', id));
    return details;
  }
}
