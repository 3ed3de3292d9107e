import 'reflect-metadata';
import { bootstrap } from './app/bootstrap';
import { loadConfig } from './app/config';
import { DEMO_ACCOUNTS } from './app/demo-seed';
import { DEFAULT_SQLITE_PATH, redactUrl } from './db/data-source';

/** `npm start`: configuration → bootstrap → listen; SIGTERM/SIGINT close gracefully. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await bootstrap(config, { logger: { level: config.logLevel } });
  const log = app.server.log;
  // Tokens stay out of the logs, demo ones too: the README and /demo.json list them.
  if (app.seeded) log.info(`seeded the demo organizations Acme and Globex (${DEMO_ACCOUNTS.length} demo accounts, listed at /demo.json)`);
  if (app.galera) log.info('the database is a MariaDB Galera node: each request begins with a causal read (wsrep_sync_wait)');
  const closeGracefully = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', closeGracefully);
  process.once('SIGINT', closeGracefully);
  await app.server.listen({ port: config.port, host: config.host });
  const database = config.databaseUrl ? redactUrl(config.databaseUrl) : DEFAULT_SQLITE_PATH;
  log.info(`Team Access page at http://localhost:${config.port}/ and GraphQL at http://localhost:${config.port}/graphql (database: ${database})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
