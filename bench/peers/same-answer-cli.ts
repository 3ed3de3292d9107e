import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { startProcess, stop } from '../processes';
import { distinctSearches, seedTeam } from '../team-data';
import { assertSameAnswers } from './same-answer';

/** Searches that match nobody, or that LIKE would misread if they were not escaped. */
const EDGE_SEARCHES = [
  ...[null, '', ' ', 'zzqx', 'no such user', '%', '_', '!', '%_!', "o'b", 'ÅBERG', 'emile', 'Émile', '  lars  ', '@acme.example', 'x'.repeat(200)],
  ...Array.from({ length: 50 }, (_, i) => `qz${i}w`),
];

/**
 * `node dist/bench/peers/same-answer-cli.js`: seeds a team (USERS, default 2 000) into a new SQLite database,
 * or a new MariaDB database of TEST_MYSQL_URL when DATABASE=mysql, starts the API and the Mercurius peer on it
 * and checks that they answer the Team Access page with the same bytes for SEARCHES searches (default 300).
 */
async function main() {
  const users = Number(process.env.USERS ?? 2000);
  const database = process.env.DATABASE === 'mysql' ? await mysqlDatabase(process.env.TEST_MYSQL_URL!) : sqliteDatabase();
  const env = { DATABASE_URL: database.url, SEED_DEMO: '1', NODE_ENV: 'production', LOG_LEVEL: 'warn', CURSOR_SECRET: 'same-answer' };
  try {
    await stop(await startProcess(join(__dirname, '..', '..', 'src', 'main.js'), env));
    const team = await seedTeam(database.url, users);
    const api = await startProcess(join(__dirname, '..', '..', 'src', 'main.js'), env);
    const peer = await startProcess(join(__dirname, 'mercurius-peer.js'), env);
    try {
      const searches = [...EDGE_SEARCHES, ...distinctSearches(team, Number(process.env.SEARCHES ?? 300))];
      const { compared, matchedNobody } = await assertSameAnswers(api.url, peer.url, searches);
      console.log(`${database.name} ${users}: the same bytes for ${compared} searches (${EDGE_SEARCHES.length} edge cases, ${matchedNobody} matching nobody)`);
    } finally {
      await Promise.all([stop(api), stop(peer)]);
    }
  } finally {
    await database.drop();
  }
}

function sqliteDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'same-answer-'));
  return { name: 'sqlite', url: `sqlite:${join(dir, 'bench.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new database on the MariaDB server, as test/support/databases.ts makes one per test file. */
async function mysqlDatabase(serverUrl: string) {
  const name = `same_answer_${Date.now()}`;
  const admin = await createConnection(serverUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const connection = await createConnection(serverUrl);
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.end();
  };
  return { name: 'mariadb', url: url.toString(), drop };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
