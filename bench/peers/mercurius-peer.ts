import 'reflect-metadata';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DocumentNode, GraphQLResolveInfo } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import mercurius, { type IResolvers, type MercuriusContext } from 'mercurius';
import type { EntityManager } from 'typeorm';
import { loadConfig } from '../../src/app/config';
import { createAppDataSource } from '../../src/app/persistence';
import { hasForbiddenCharacter } from '../../src/core/canonical-text';
import { collationOf } from '../../src/core/collation-key';
import { pageRequest, setCursorSecret, type PageArgs } from '../../src/core/pagination';
import type { Viewer } from '../../src/core/viewer';
import { CostBuckets, type RateLimitSettings, type ThrottleStatus } from '../../src/graphql/cost-buckets';
import { toConnection } from '../../src/graphql/connection.types';
import { toGlobalId } from '../../src/graphql/global-id';
import { memoizedQueryCost, returnedRows } from '../../src/graphql/query-cost';
import { selects } from '../../src/graphql/selection';
import { AccessRepository, type TeamAccessFilter } from '../../src/modules/access/access.repository';
import type { MarketoAccess } from '../../src/modules/access/access.types';
import { IdentityRepository } from '../../src/modules/identity/identity.repository';
import { bearerToken, hashToken } from '../../src/modules/identity/token-hash';
import type { MarketoWorkspace } from '../../src/modules/organization/marketo-workspace.entity';
import type { TeamUser } from '../../src/modules/team/team-user.entity';

/**
 * The benchmark's peer (issue 16): the Team Access page served by Mercurius with graphql-jit (compiled on
 * first use) on Fastify, the way a team would build it by hand, over THIS project's data layer (the same
 * DataSource, repository SQL, pagination and global ids), so that only the GraphQL stack differs from the
 * API. It answers the same bytes as the API for bench/executed.ts's query (bench/peers/same-answer.ts checks it).
 * Like the API it prices each query and charges the caller's leaky bucket (Shopify's model, answered in
 * `extensions.cost`): that is part of the API's answer, so the peer does the same work and sends the same bytes.
 * Reads the API's configuration (src/app/config.ts): PORT, HOST, DATABASE_URL, RATE_LIMIT_* and CURSOR_SECRET
 * (cursors are sealed with it, so both servers must share it to answer the same endCursor).
 */
const SCHEMA = /* GraphQL */ `
  scalar DateTimeISO

  enum Role {
    ADMIN
    MEMBER
  }

  enum MarketoAccessStatus {
    CONNECTED
    NOT_CONNECTED
  }

  enum SortDirection {
    ASC
    DESC
  }

  enum TeamAccessOrderField {
    EMAIL
    GRANTED_AT
    NAME
  }

  input TeamAccessOrder {
    direction: SortDirection
    field: TeamAccessOrderField!
  }

  type MarketoWorkspace {
    id: ID!
    isDefault: Boolean!
    name: String!
  }

  type MarketoAccess {
    grantedAt: DateTimeISO
    grantedBy: TeamUser
    status: MarketoAccessStatus!
    workspaces: [MarketoWorkspace!]!
  }

  type TeamUser {
    email: String!
    id: ID!
    invitedAt: DateTimeISO!
    marketoAccess: MarketoAccess!
    name: String!
    role: Role!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
  }

  type TeamAccessEdge {
    cursor: String!
    node: TeamUser!
  }

  type TeamAccessConnection {
    edges: [TeamAccessEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type Query {
    teamAccess(
      after: String
      before: String
      first: Int
      last: Int
      orderBy: TeamAccessOrder
      search: String
      status: MarketoAccessStatus
    ): TeamAccessConnection
  }
`;

/** The page's language: the bench sends no Accept-Language, so English (the root collation), as the API. */
const LOCALE = 'en';

declare module 'mercurius' {
  /** The caller, resolved once per request from its bearer token (null without one). */
  interface MercuriusContext {
    viewer: Viewer | null;
    /** Whose bucket pays: the token's, or the address's for anonymous calls (as the API). */
    client: string;
    /** What the query was charged before execution (null: a walk too large to price), to price what it returned after. */
    queryCost?: { document: DocumentNode; variables: Record<string, unknown>; requested: number | null; status: ThrottleStatus };
  }
}

type TeamAccessArgs = PageArgs & TeamAccessFilter;
type UserWithAccess = TeamUser & { marketoAccess?: MarketoAccess };

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.cursorSecret) setCursorSecret(config.cursorSecret);
  const dataSource = await createAppDataSource(config.databaseUrl).initialize();
  const manager = dataSource.manager;
  const identity = new IdentityRepository();
  const access = new AccessRepository();

  const app = Fastify({ logger: false });
  // Apollo ends each answer with a newline; without it the peer would send one byte fewer than the API.
  app.setReplySerializer((payload) => `${JSON.stringify(payload)}\n`);
  app.get('/health', async () => ({ status: 'ok' }));
  await app.register(mercurius, {
    schema: SCHEMA,
    resolvers: resolvers(manager, access),
    context: async (request) => {
      const caller = await callerOf(manager, identity, request.headers.authorization);
      return { viewer: caller?.viewer ?? null, client: caller ? `token:${caller.tokenHash}` : `ip:${request.ip}` };
    },
    jit: 1,
    graphiql: false,
    path: '/graphql',
  });
  chargeQueryCost(app, config.rateLimit);
  const close = async () => {
    await app.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  await app.listen({ port: config.port, host: config.host });
}

/** The caller of `Authorization: Bearer <token>`, looked up as the API does (token hash → api_token → user). */
async function callerOf(manager: EntityManager, identity: IdentityRepository, authorization: string | undefined) {
  const token = bearerToken(authorization);
  if (!token) return null;
  const tokenHash = hashToken(token);
  const found = await identity.userOfTokenHash(manager, tokenHash);
  return found && { viewer: { userId: found.user.id, organizationId: found.user.organizationId, role: found.user.role }, tokenHash };
}

/**
 * The API's query cost and rate limit as two Mercurius hooks, with the API's own pricing and buckets
 * (src/graphql/query-cost.ts, cost-buckets.ts): the requested cost is charged before execution (a call
 * the bucket cannot pay is refused), the difference to the actual cost given back after, and the
 * answer carries `extensions.cost` as the API's does. The API's maximum query cost is left out: the
 * page costs 301 points, far below it.
 */
function chargeQueryCost(app: FastifyInstance, settings: RateLimitSettings): void {
  const buckets = new CostBuckets(settings);
  let costOf: ReturnType<typeof memoizedQueryCost> | undefined;
  app.graphql.addHook('preExecution', (schema, document, context, variables) => {
    costOf ??= memoizedQueryCost(schema);
    const cost = costOf(document, variables);
    const requested = cost === null ? 0 : Number.isFinite(cost) ? cost : null;
    const charge = buckets.charge(context.client, requested ?? 0, new Date());
    if (!charge.allowed) throw new mercurius.ErrorWithProps('Throttled', { code: 'THROTTLED', retryAfterSeconds: charge.retryAfterSeconds }, 429);
    context.queryCost = { document, variables, requested, status: charge.status };
  });
  app.graphql.addHook('onResolution', (execution, context) => {
    const charged = context.queryCost;
    let actualQueryCost = charged ? charged.requested : 0;
    let throttleStatus = charged?.status;
    const rows = returnedRows(execution.data);
    if (charged && charged.requested !== null && Object.keys(rows).length > 0) {
      actualQueryCost = Math.min(charged.requested, costOf?.(charged.document, charged.variables, undefined, rows) ?? charged.requested);
      throttleStatus = buckets.refund(context.client, charged.requested - actualQueryCost, new Date());
    }
    throttleStatus ??= buckets.peek(context.client, new Date());
    // In the API's key order: the bytes must match.
    const cost = { requestedQueryCost: charged ? charged.requested : 0, actualQueryCost, throttleStatus };
    execution.extensions = { ...execution.extensions, cost };
  });
}

function resolvers(manager: EntityManager, access: AccessRepository): IResolvers {
  return {
    DateTimeISO: DateTimeISOResolver,
    Query: {
      async teamAccess(_root: unknown, args: TeamAccessArgs, { viewer }: MercuriusContext, info: GraphQLResolveInfo) {
        if (!viewer) throw new mercurius.ErrorWithProps('Not authenticated', { code: 'UNAUTHENTICATED' });
        if (args.search && hasForbiddenCharacter(args.search)) throw new mercurius.ErrorWithProps('Forbidden character in search', { code: 'BAD_USER_INPUT' });
        const page = await access.teamAccessPage(manager, viewer.organizationId, args, pageRequest(args), collationOf(LOCALE));
        if (selects(info, ['edges', 'node', 'marketoAccess'])) {
          // The whole page's access in one statement, before execution goes on: every row then resolves synchronously.
          const byUser = await access.marketoAccessOfUsers(
            manager,
            viewer.organizationId,
            page.nodes.map((user) => user.id),
            LOCALE,
          );
          for (const user of page.nodes as UserWithAccess[]) user.marketoAccess = byUser.get(user.id);
        }
        return toConnection(page);
      },
    },
    // A resolver, not a plain property: the count may be a promise, which graphql-jit awaits only from resolvers.
    TeamAccessConnection: {
      totalCount: (connection: { totalCount: number | Promise<number> }) => connection.totalCount,
    },
    TeamUser: {
      id: (user: TeamUser) => toGlobalId('TeamUser', user.id),
    },
    MarketoWorkspace: {
      id: (workspace: MarketoWorkspace) => toGlobalId('MarketoWorkspace', workspace.id),
    },
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
