import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mysqlTarget, type TestDatabase } from '../test/support/databases';
import { startProcess, stop, type Running } from './processes';

/**
 * Fairness between tenants (`node dist/bench/fairness.js` after a build): the p99 of Globex's
 * teamAccess reads on an idle server, then while Acme's admin floods access mutations, side by side.
 * On MariaDB when BENCH_MYSQL_URL or TEST_MYSQL_URL is set, else on SQLite. Prints figures; asserts nothing.
 */
const DURATION_MS = Number(process.env.BENCH_DURATION ?? 5) * 1000;
const READERS = 4;
const WRITERS = 40;

const TEAM_ACCESS = 'query ($first: Int) { teamAccess(first: $first) { totalCount edges { node { id name marketoAccess { status } } } } }';
const NOT_CONNECTED = '{ teamAccess(first: 100, status: NOT_CONNECTED) { edges { node { id } } } }';
const CONNECT = 'mutation ($id: ID!) { connectMarketoUsers(input: { assignments: [{ userIds: [$id] }] }) { connectedCount } }';
const DISCONNECT = 'mutation ($id: ID!) { disconnectMarketoUsers(input: { userIds: [$id] }) { disconnectedCount } }';

async function main(): Promise<void> {
  const mysqlUrl = process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
  const dir = mkdtempSync(join(tmpdir(), 'fairness-bench-'));
  const database: TestDatabase = mysqlUrl ? await mysqlTarget(mysqlUrl).create() : { url: `sqlite:${join(dir, 'bench.sqlite')}`, drop: async () => undefined };
  const app = await startProcess(join(__dirname, '..', 'src', 'main.js'), {
    DATABASE_URL: database.url,
    SEED_DEMO: '1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
  });
  try {
    console.log(
      `# Fairness between tenants — ${mysqlUrl ? 'MariaDB' : 'SQLite'}, ${READERS} Globex readers, ${WRITERS} Acme writers, ${DURATION_MS / 1000} s each\n`,
    );
    await measureReads(app, 1000);
    const idle = await measureReads(app, DURATION_MS);
    const stopFlood = flood(
      app,
      (await gql(app, 'demo-admin-token', NOT_CONNECTED)).data.teamAccess.edges.map((edge: { node: { id: string } }) => edge.node.id),
    );
    const busy = await measureReads(app, DURATION_MS);
    const writes = await stopFlood();
    console.log('| Globex teamAccess reads | requests | p50 ms | p99 ms | max ms |');
    console.log('|---|---|---|---|---|');
    console.log(row('idle server', idle));
    console.log(row(`Acme flooding writes (${writes.done} done, ${writes.busy} BUSY, ${writes.failed} other errors)`, busy));
    console.log(`\np99 under the flood / idle p99: ${(percentile(busy, 0.99) / percentile(idle, 0.99)).toFixed(2)}× (goal: under 2×)`);
  } finally {
    await stop(app);
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Latencies of Globex's reads, READERS at a time, each with a page size of its own so none is a cached replay. */
async function measureReads(app: Running, durationMs: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = Date.now() + durationMs;
  let sequence = 0;
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const answer = await gql(app, 'demo-globex-admin-token', TEAM_ACCESS, { first: 1 + (sequence++ % 100) });
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

/** WRITERS loops, each connecting and disconnecting its own Acme user; returns a function that stops them and counts the answers. */
function flood(app: Running, userIds: string[]): () => Promise<{ done: number; busy: number; failed: number }> {
  const counts = { done: 0, busy: 0, failed: 0 };
  let running = true;
  const writers = userIds.slice(0, WRITERS).map(async (id) => {
    while (running) {
      for (const mutation of [CONNECT, DISCONNECT]) {
        const answer = await gql(app, 'demo-admin-token', mutation, { id });
        const code = answer.errors?.[0]?.extensions?.code;
        if (!code) counts.done += 1;
        else if (code === 'BUSY') counts.busy += 1;
        else counts.failed += 1;
      }
    }
  });
  return async () => {
    running = false;
    await Promise.all(writers);
    return counts;
  };
}

async function gql(app: Running, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function row(name: string, latencies: number[]): string {
  const ms = (value: number) => value.toFixed(1);
  return `| ${name} | ${latencies.length} | ${ms(percentile(latencies, 0.5))} | ${ms(percentile(latencies, 0.99))} | ${ms(latencies.at(-1) ?? 0)} |`;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
