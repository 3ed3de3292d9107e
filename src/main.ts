import 'reflect-metadata';
import { systemClock } from './common/clock';
import { loadConfig } from './config';
import { createDataSource, DEFAULT_SQLITE_PATH, redactUrl } from './db/data-source';
import { Database } from './db/database';
import { DEMO_ACCOUNTS, seedDemoIfEmpty } from './db/demo-seed';
import { createI18n } from './i18n/i18n';
import { buildApp } from './server/app';
import { createServices } from './services';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const db = new Database(dataSource);
  const services = createServices(db, systemClock);
  const app = await buildApp({ services, clock: systemClock, i18n: createI18n(), production: config.production, demo: config.seedDemo, webDist: config.webDist, logger: { level: config.logLevel } });
  if (config.seedDemo && (await seedDemoIfEmpty(db, systemClock))) {
    app.log.info(`seeded the demo organizations Acme and Globex (tokens: ${DEMO_ACCOUNTS.map((account) => account.token).join(', ')})`);
  }
  const closeGracefully = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', closeGracefully);
  process.once('SIGINT', closeGracefully);
  await app.listen({ port: config.port, host: config.host });
  const database = config.databaseUrl ? redactUrl(config.databaseUrl) : DEFAULT_SQLITE_PATH;
  app.log.info(`Team Access page at http://localhost:${config.port}/ and GraphQL at http://localhost:${config.port}/graphql (database: ${database})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
