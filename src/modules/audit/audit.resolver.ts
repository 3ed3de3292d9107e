import { GraphQLJSONObject } from 'graphql-scalars';
import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Role, type Viewer } from '../../core/viewer';
import { CurrentViewer } from '../../graphql/auth-checker';
import { toConnection, type Connection } from '../../graphql/connection.types';
import type { GraphQLContext } from '../../graphql/context';
import type { AuditEvent } from '../../kernel/audit-event.entity';
import type { TeamLoaders } from '../team/team.loaders';
import { TeamUser } from '../team/team-user.entity';
import { AuditEventsArgs } from './audit.inputs';
import type { AuditService } from './audit.service';
import { AuditEventConnection, AuditEventType } from './audit.types';

@Resolver(() => AuditEventType)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly users: TeamLoaders,
  ) {}

  @Authorized(Role.ADMIN)
  @Query(() => AuditEventConnection, {
    nullable: true,
    description: "The organization's audit trail, newest first, optionally filtered (admins only; null with a FORBIDDEN error for members).",
  })
  async auditEvents(@Args() args: AuditEventsArgs, @CurrentViewer() viewer: Viewer): Promise<Connection<AuditEvent>> {
    return toConnection(await this.audit.list(viewer, args));
  }

  @FieldResolver(() => TeamUser, { nullable: true, description: 'Who did it.' })
  actor(@Root() event: AuditEvent, @CurrentViewer() viewer: Viewer, @Ctx() ctx: GraphQLContext): Promise<TeamUser | null> {
    return this.users.userById(ctx, viewer).load(event.actorId);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'What changed, for example the workspace ids of a grant.' })
  details(@Root() event: AuditEvent): Record<string, unknown> {
    return JSON.parse(event.details);
  }
}
