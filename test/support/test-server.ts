import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { DataSource, Logger } from 'typeorm';
import { bootstrap, type App } from '../../src/app/bootstrap';
import { DEMO_TOKENS, seedDemoIfEmpty } from '../../src/app/demo-seed';
import { ManualClock } from '../../src/core/clock';
import type { RateLimitSettings } from '../../src/graphql/cost-buckets';
import { Database } from '../../src/db/database';
import type { HttpTimeouts } from '../../src/http/server';
import type { DatabaseTarget, TestDatabase } from './databases';
import type { Operation } from './operations';
import { suiteLogger } from './suite-logs';

export { DEMO_TOKENS };

/** The Accept header of Apollo Client, urql and graphql-request: the GraphQL over HTTP media type preferred. */
export const MODERN_CLIENT_ACCEPT = 'application/graphql-response+json, application/json;q=0.9';

/** Counts every SQL statement TypeORM sends, so tests can bound them (no N+1, bulk stays bulk). */
export class StatementCounter implements Logger {
  count = 0;
  statements: string[] = [];

  logQuery(query: string): void {
    this.count += 1;
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  /** Statements sent while `work` runs. */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    const start = this.statements.length;
    await work();
    return this.statements.slice(start);
  }
}

export interface GraphQLResponse<T = any> {
  status: number;
  /**
   * Typed as present for brevity; it is absent when the request failed before execution and null
   * when a non-null root field failed, so check `errors` first (`ok()` in responses.ts does).
   */
  data: T;
  errors?: { message: string; path?: string[]; extensions: Record<string, any> }[];
  /** `cost` on every answer (query-cost.plugin.ts). */
  extensions?: Record<string, any>;
  /** The HTTP response's headers (`retry-after`, …). */
  headers?: Headers;
}

export interface GqlOptions {
  /** Defaults to the Acme admin's; null sends none. */
  token?: string | null;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  clock: ManualClock;
  dataSource: DataSource;
  statements: StatementCounter;
  /** POSTs a GraphQL operation; `token` defaults to the Acme admin's. A typed document (operations.ts) types the data. */
  gql<T>(query: Operation<T>, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GraphQLResponse<T>>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The rate limit of test servers that do not test it: the manual clock stands still, so a bucket of
 * production size would run dry in any suite that sends a few pages.
 */
export const UNTHROTTLED: RateLimitSettings = { points: 1_000_000_000, refillPerSecond: 1_000_000 };

/** The time the demo seed is written at; Acme connected with Marketo a day before it. */
export const SEEDED_AT = new Date('2026-03-02T09:00:00.000Z');

/** Starts the real server on port 0 over a fresh database with the demo data, as `npm start` would. */
export async function startTestServer(
  target: DatabaseTarget,
  options: {
    production?: boolean;
    logger?: object;
    demo?: boolean;
    webDist?: string;
    corsOrigins?: string[];
    rateLimit?: RateLimitSettings;
    trustProxy?: boolean | string[];
    /** Off unless given (suites send hundreds of requests a minute from one address). */
    httpRateLimit?: { perMinute: number };
    httpTimeouts?: Partial<HttpTimeouts>;
    /** WRITE_RETRY_BUDGET_MS: how long conflicting write transactions are retried. */
    writeRetryBudgetMs?: number;
  } = {},
): Promise<TestServer> {
  const database: TestDatabase = await target.create();
  const statements = new StatementCounter();
  const clock = new ManualClock(SEEDED_AT);
  const suiteLog = options.logger ? undefined : suiteLogger();
  let app: App;
  try {
    app = await bootstrap(
      {
        databaseUrl: database.url,
        seedDemo: options.demo ?? false,
        production: options.production ?? false,
        webDist: options.webDist,
        corsOrigins: options.corsOrigins,
        rateLimit: options.rateLimit ?? UNTHROTTLED,
        trustProxy: options.trustProxy,
        httpRateLimit: options.httpRateLimit,
        httpTimeouts: options.httpTimeouts,
        writeRetryBudgetMs: options.writeRetryBudgetMs,
      },
      { clock, logger: options.logger ?? suiteLog?.options, statementLogger: statements },
    );
    // Every test server has the demo data; only `demo: true` also serves /demo.json, as SEED_DEMO=1 does.
    if (!app.seeded) await seedDemoIfEmpty(new Database(app.dataSource), clock);
    await app.server.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await database.drop();
    await suiteLog?.close();
    throw error;
  }
  const url = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  return {
    url,
    clock,
    dataSource: app.dataSource,
    statements,
    async gql(query: string, variables?: Record<string, unknown>, requestOptions: GqlOptions = {}): Promise<GraphQLResponse> {
      const token = requestOptions.token === undefined ? DEMO_TOKENS.acmeAdmin : requestOptions.token;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        // What Apollo Client, urql and graphql-request send: the spec's media type first, so errors keep their 4xx statuses.
        headers: {
          'content-type': 'application/json',
          accept: MODERN_CLIENT_ACCEPT,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...requestOptions.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const result: GraphQLResponse = { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status' | 'headers'>) };
      // Not enumerable: suites compare whole responses with toEqual, and two answers' headers (Date) differ.
      Object.defineProperty(result, 'headers', { value: response.headers, enumerable: false });
      return result;
    },
    async close() {
      await app.close();
      await database.drop();
      await suiteLog?.close();
    },
  };
}
