import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { mysqlTarget } from '../test/support/databases';
import { startProcess, stop, type Running } from './processes';
import { medianRound, ROUNDS } from './rounds';
import { distinctSearches, meanMatches, seedTeam, type SeededTeam } from './team-data';

/** The Team Access page as the web UI asks for it, with the search box's text as a variable. */
export const TEAM_ACCESS_PAGE = `query TeamAccessPage($search: String) {
  teamAccess(first: 50, search: $search) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name email role marketoAccess { status grantedAt grantedBy { name } workspaces { id name } } } }
  }
}`;

export const ADMIN_HEADERS = { authorization: 'Bearer demo-admin-token', 'content-type': 'application/json' };

export interface LoadResult {
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * Loads `url` with the Team Access page, each request with the next search of `searches` (none repeats
 * within a run, so every answer is executed, never replayed).
 */
async function loadTeamAccess(url: string, durationS: number, connections: number, searches: string[], warnOnRepeats = true): Promise<LoadResult> {
  let next = 0;
  const body = (search: string) => JSON.stringify({ query: TEAM_ACCESS_PAGE, variables: { search } });
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: ADMIN_HEADERS,
    connections,
    duration: durationS,
    requests: [{ setupRequest: (request: object) => ({ ...request, body: body(searches[next++ % searches.length]) }) }],
  });
  // The bare server replays bytes whatever the search; for the others a repeated search could be a replay.
  if (next > searches.length && warnOnRepeats) console.log(`  (searches ran out: ${next} requests for ${searches.length} searches, some replayed)`);
  return { requests: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

interface ServerUnderTest {
  name: string;
  running: Running;
}

/**
 * The executed Team Access page on one database: the API, the Mercurius + graphql-jit peer and the bare
 * server (the bytes of one API answer), each loaded in turn with the same searches, side by side.
 */
async function runExecutedPage(options: {
  label: string;
  team: SeededTeam;
  servers: ServerUnderTest[];
  dir: string;
  durationS: number;
  connections: number;
}): Promise<void> {
  const { team, servers, dir, durationS, connections } = options;
  const searches = distinctSearches(team, 40_000);
  console.log(`  (${options.label}: ${searches.length.toLocaleString('en-US')} searches, matching ${meanMatches(team, searches).toFixed(0)} users on average)`);
  const sample = await fetch(`${servers[0].running.url}/graphql`, {
    method: 'POST',
    headers: ADMIN_HEADERS,
    body: JSON.stringify({ query: TEAM_ACCESS_PAGE, variables: { search: null } }),
  });
  // The bare server answers with the API's first page of everyone (50 users): a full page, the largest answer.
  const bodyFile = join(dir, 'executed-body');
  writeFileSync(bodyFile, Buffer.from(await sample.arrayBuffer()));
  const bare = await startProcess(join(__dirname, 'bare-server.js'), { BODY_FILE: bodyFile, STATUS: String(sample.status) });
  try {
    const rounds: Map<string, LoadResult>[] = [];
    const everyone = [...servers, { name: BARE, running: bare }];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Each round its own slice of searches, the same for every server in it: each server is a process of
      // its own, so each meets them new (no shared answers or totals), and none gets rarer (cheaper) ones.
      const slice = searches.slice(Math.floor((round * searches.length) / ROUNDS));
      const results = new Map<string, LoadResult>();
      // The order rotates, so no server always meets the machine's quieter moment.
      for (let turn = 0; turn < everyone.length; turn += 1) {
        const server = everyone[(turn + round) % everyone.length];
        results.set(server.name, await loadTeamAccess(server.running.url, durationS, connections, slice, server.name !== BARE));
      }
      rounds.push(results);
    }
    for (const server of servers) {
      const ratios = rounds.map((results) => ({ results, ratio: results.get(server.name)!.requests / results.get(BARE)!.requests }));
      const { results } = medianRound(ratios);
      printRow(
        options.label,
        server.name,
        results.get(server.name)!,
        results.get(BARE)!,
        ratios.map(({ ratio }) => `${(100 * ratio).toFixed(1)} %`).join(', '),
      );
    }
    const bareRun = medianRound(rounds.map((results) => ({ results, ratio: results.get(BARE)!.requests }))).results.get(BARE)!;
    printRow(options.label, BARE, bareRun, bareRun, '');
  } finally {
    await stop(bare);
  }
}

const BARE = 'bare node:http, same bytes';

function printRow(label: string, name: string, result: LoadResult, bare: LoadResult, rounds: string): void {
  const percent = ((100 * result.requests) / bare.requests).toFixed(1);
  const p99Ratio = (result.p99 / Math.max(bare.p99, 1)).toFixed(1);
  const failures = result.non2xx + result.errors > 0 ? ` (${result.non2xx} non-2xx, ${result.errors} errors)` : '';
  console.log(
    `| ${label} | ${name} | ${Math.round(result.requests).toLocaleString('en-US')} | ${result.p50} / ${result.p99} | ${percent} % | ${p99Ratio}× | ${rounds} |${failures}`,
  );
}

/** The team sizes of the executed page: the issue's 2 000 invited users and ten times as many (BENCH_TEAM_SIZES="2000" for one). */
const TEAM_SIZES = (process.env.BENCH_TEAM_SIZES ?? '2000,20000').split(',').map(Number);

/**
 * The executed Team Access page on each database (SQLite; MariaDB when BENCH_MYSQL_URL or TEST_MYSQL_URL
 * is set) and team size: a fresh database, migrated and seeded by the API, the team added, then the API
 * (production mode) and the Mercurius + graphql-jit peer on it, both with one cursor secret so they send
 * the same bytes (bench/peers/same-answer.ts checks that), side by side with the bare server.
 */
export async function runExecutedBenchmarks(dir: string, durationS: number, connections: number, apiNodeArguments: string[] = []): Promise<void> {
  const mysqlUrl = process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
  console.log('\n## The Team Access page, every answer executed (a new search each request)\n');
  console.log('Target: this API at ≥ 10 % of bare, p99 ≤ 10× the bare p99, ahead of the peer.\n');
  console.log(
    `${ROUNDS} rounds; each server's round with the median ratio (req/s, p50/p99 and both ratios against the bare server of that same round), then every round's ratio; the bare row is its median round.\n`,
  );
  console.log('| database, users | server | req/s | p50 / p99 ms | % of bare | p99 / bare p99 | rounds |');
  console.log('|---|---|---|---|---|---|---|');
  for (const target of ['sqlite', ...(mysqlUrl ? ['mariadb'] : [])]) {
    for (const users of TEAM_SIZES) {
      const database =
        target === 'sqlite' ? { url: `sqlite:${join(dir, `executed-${users}.sqlite`)}`, drop: async () => undefined } : await mysqlTarget(mysqlUrl!).create();
      try {
        const env = { DATABASE_URL: database.url, SEED_DEMO: '1', NODE_ENV: 'production', LOG_LEVEL: 'warn', CURSOR_SECRET: 'bench' };
        await stop(await startProcess(join(__dirname, '..', 'src', 'main.js'), env)); // migrate and seed
        const team = await seedTeam(database.url, users);
        const api = await startProcess(join(__dirname, '..', 'src', 'main.js'), env, apiNodeArguments);
        const peer = await startProcess(join(__dirname, 'peers', 'mercurius-peer.js'), env);
        try {
          const servers = [
            { name: 'this API', running: api },
            { name: 'Mercurius 16 + graphql-jit', running: peer },
          ];
          await runExecutedPage({ label: `${target}, ${users.toLocaleString('en-US')}`, team, servers, dir, durationS, connections });
        } finally {
          await Promise.all([stop(api), stop(peer)]);
        }
      } finally {
        await database.drop();
      }
    }
  }
  if (!mysqlUrl) console.log('\n(MariaDB: set BENCH_MYSQL_URL or TEST_MYSQL_URL to include it.)');
}
