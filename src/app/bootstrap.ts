import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { FastifyInstance } from 'fastify';
import type { Resource } from 'i18next';
import type { DataSource, Logger } from 'typeorm';
import { systemClock, type Clock } from '../core/clock';
import { DEFAULT_LOCALE } from '../core/language';
import { setCursorSecret } from '../core/pagination';
import { boundLockWaits } from '../db/data-source';
import { hasPendingMigrations, underStartupLease } from '../db/startup-lease';
import { Organization } from '../kernel/organization.entity';
import { Database, DEFAULT_RETRY_POLICY, WRITE_SLOT_LIMITS } from '../db/database';
import { galeraUnreadiness, isGaleraNode } from '../db/galera';
import { compiledExecutor } from '../graphql/compiled-executor';
import { CSRF_PREVENTION, httpSemanticsPlugin } from '../graphql/plugins/http-semantics.plugin';
import { operationLogPlugin } from '../graphql/plugins/operation-log.plugin';
import { queryCostPlugin } from '../graphql/plugins/query-cost.plugin';
import { QUERY_LIMITS, queryLimits } from '../graphql/plugins/query-limits';
import { responseCachePlugin } from '../graphql/plugins/response-cache.plugin';
import { INTERNAL_ERROR_KEY, maskedUnexpectedErrors, translateErrorsPlugin } from '../graphql/plugins/translate-errors.plugin';
import { createHttpServer, type HttpTimeouts } from '../http/server';
import { Catalog, catalogVersion } from '../modules/localization/catalog';
import { createI18n, loadResources } from '../modules/localization/i18n';
import { PSEUDO_LOCALE, pseudoLocalize } from '../modules/localization/pseudo-locale';
import type { AppConfig } from './config';
import { contextFactory } from './context';
import { DEMO_ACCOUNTS, seedDemoIfEmpty } from './demo-seed';
import { createModules } from './modules';
import { createAppDataSource } from './persistence';
import { buildSchema } from './schema';

export type BootstrapConfig = Pick<AppConfig, 'databaseUrl' | 'seedDemo' | 'production' | 'webDist' | 'rateLimit'> &
  Partial<Pick<AppConfig, 'cursorSecret' | 'corsOrigins' | 'trustProxy' | 'httpRateLimit' | 'writeRetryBudgetMs'>> & {
    /** Shorter HTTP timeouts, for the tests of slow clients. */
    httpTimeouts?: Partial<HttpTimeouts>;
  };

export interface BootstrapOptions {
  /** Where time comes from; tests pass a manual clock. */
  clock?: Clock;
  /** Fastify's logger (pino) options; off when absent. */
  logger?: boolean | object;
  /** A TypeORM logger, for example one that counts statements in tests. */
  statementLogger?: Logger;
}

export interface App {
  server: FastifyInstance;
  dataSource: DataSource;
  /** Whether the demo organizations were seeded into an empty database by this start. */
  seeded: boolean;
  /** Whether the database is a MariaDB Galera node (each request's first read is then causal). */
  galera: boolean;
  /** Stops accepting requests, lets in-flight ones finish, closes the database pool. */
  close(): Promise<void>;
}

/**
 * The one start-up sequence, for `main.ts`, the tests and the benchmarks: DataSource → pending
 * migrations → demo seed (empty database only) → modules → schema → HTTP server (not yet listening).
 */
export async function bootstrap(config: BootstrapConfig, options: BootstrapOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  if (config.cursorSecret) setCursorSecret(config.cursorSecret);
  const dataSource = createAppDataSource(config.databaseUrl, options.statementLogger);
  await dataSource.initialize();
  boundLockWaits(dataSource);
  try {
    const retryPolicy = { ...DEFAULT_RETRY_POLICY, budgetMs: config.writeRetryBudgetMs ?? DEFAULT_RETRY_POLICY.budgetMs };
    const db = new Database(dataSource, WRITE_SLOT_LIMITS, retryPolicy);
    db.galera = await isGaleraNode(dataSource);
    if (db.galera) db.addReadinessCheck(() => galeraUnreadiness(dataSource));
    const seeded = await prepareDatabase(db, config.seedDemo, clock);
    const server = await createServer(config, options, db, clock);
    return {
      server,
      dataSource,
      seeded,
      galera: db.galera,
      async close() {
        await server.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/**
 * Pending migrations, then the demo seed, run by one server at a time (the start-up lease), so replicas
 * started together neither run a migration twice nor seed twice; a server with nothing to do takes no
 * lease (it may be on a read-only database).
 */
async function prepareDatabase(db: Database, seedDemo: boolean, clock: Clock): Promise<boolean> {
  const { dataSource } = db;
  if (!(await hasPendingMigrations(dataSource)) && !(seedDemo && (await isEmpty(db)))) return false;
  return underStartupLease(dataSource, async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    return seedDemo && (await seedDemoIfEmpty(db, clock));
  });
}

async function isEmpty(db: Database): Promise<boolean> {
  return (await db.manager.count(Organization)) === 0;
}

/**
 * The catalogs of locales/, plus in development the pseudo-locale made from English (README, "Pseudo-locale"):
 * added here, not in locales/, so the catalog check and production never see it.
 */
function withPseudoLocale(resources: Resource, production: boolean): Resource {
  if (production || !resources[DEFAULT_LOCALE]) return resources;
  return { ...resources, [PSEUDO_LOCALE]: pseudoLocalize(resources[DEFAULT_LOCALE]) };
}

async function createServer(config: BootstrapConfig, options: BootstrapOptions, db: Database, clock: Clock): Promise<FastifyInstance> {
  const resources = loadResources();
  const i18n = createI18n(withPseudoLocale(resources, config.production));
  const catalog = new Catalog(i18n.store.data, catalogVersion(resources), [PSEUDO_LOCALE]);
  const modules = createModules(db, catalog);
  const limits = queryLimits(config.production);
  return createHttpServer({
    apollo: {
      gateway: compiledExecutor(buildSchema(modules.container)),
      validationRules: limits.validationRules,
      parseOptions: limits.parseOptions,
      includeStacktraceInErrorResponses: !config.production,
      // No "Did you mean …?" in validation errors (Armor's blockFieldSuggestion covers fields only); the translate-errors plugin strips the rest.
      hideSchemaDetailsFromClientErrors: config.production,
      formatError: maskedUnexpectedErrors({ production: config.production, internalMessage: i18n.t(INTERNAL_ERROR_KEY, { lng: 'en' }) }),
      // On everywhere; in production the plugin below lets only signed-in callers introspect.
      introspection: true,
      csrfPrevention: CSRF_PREVENTION,
      plugins: [
        httpSemanticsPlugin({ introspectionNeedsViewer: config.production }),
        ...limits.plugins,
        translateErrorsPlugin({ production: config.production }),
        queryCostPlugin({ maxQueryCost: QUERY_LIMITS.maxCost, rateLimit: config.rateLimit }),
        operationLogPlugin(),
        responseCachePlugin({ cleanReadStamp: () => db.cleanReadStamp() }),
        // No HTTP caching hints are used; without this plugin Apollo wraps every field resolver.
        ApolloServerPluginCacheControlDisabled(),
        ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ],
    },
    contextFor: contextFactory({ db, identity: modules.identity, i18n, languages: catalog.languages, clock }),
    unreadiness: () => db.unreadiness(),
    catalog,
    i18n,
    corsOrigins: config.corsOrigins ?? '*',
    trustProxy: config.trustProxy ?? false,
    demoAccounts: config.seedDemo ? DEMO_ACCOUNTS : undefined,
    webDist: config.webDist,
    logger: options.logger,
    httpRateLimit: config.httpRateLimit,
    timeouts: config.httpTimeouts,
  });
}
