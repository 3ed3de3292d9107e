import { GraphQLJSONObject } from 'graphql-scalars';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { viewerOf } from '../auth/auth-checker';
import { toConnection, type Connection } from '../common/connection.types';
import type { RequestContext } from '../context';
import { Role } from '../team/team-user.entity';
import { TeamUserType } from '../team/team.types';
import type { AuditEvent } from './audit-event.entity';
import { AuditEventConnection, AuditEventType } from './audit.types';

@ArgsType()
class AuditEventsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  @MaxLength(1000)
  after?: string | null;
}

@Resolver(() => AuditEventType)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: "The organization's audit trail, newest first (admins only)." })
  async auditEvents(@Args() args: AuditEventsArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    const page = await ctx.services.audit.list(viewerOf(ctx).organizationId, args);
    return toConnection(page, args.after);
  }

  @FieldResolver(() => TeamUserType, { nullable: true, description: 'Who did it.' })
  actor(@Root() event: AuditEvent, @Ctx() ctx: RequestContext) {
    return ctx.loaders.userById.load(event.actorId);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'What changed, for example the workspace ids of a grant.' })
  details(@Root() event: AuditEvent): Record<string, unknown> {
    return JSON.parse(event.details);
  }
}
