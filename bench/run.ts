import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { runBulkBenchmarks } from './bulk';
import { runExecutedBenchmarks } from './executed';
import { runHostileBenchmark } from './hostile';
import { runMemoryBenchmark } from './memory';
import { startProcess, stop } from './processes';
import { medianRound, ROUNDS } from './rounds';

/**
 * `npm run bench`: the API's throughput side by side with a bare node:http server returning the same
 * bytes (the limit of this runtime), in one run on this machine; then bulk grants, memory and hostile traffic. Prints
 * figures; asserts nothing.
 */
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = 32;

interface Scenario {
  name: string;
  target: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers: Record<string, string>;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marketo-bench-'));
  console.log(
    `# Benchmarks — ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  console.log(`autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per run, loopback; server and load generator are separate processes\n`);
  const app = await startProcess(join(__dirname, '..', 'src', 'main.js'), {
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    SEED_DEMO: '1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  });
  try {
    const auth = { authorization: 'Bearer demo-admin-token', 'content-type': 'application/json' };
    const teamAccess = JSON.stringify({
      query:
        '{ teamAccess(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name email role marketoAccess { status grantedAt grantedBy { name } workspaces { id name } } } } } }',
    });
    const help = JSON.stringify({
      query: '{ helpArticle(id: "grant-marketo-access-to-users", locale: "sv") { title intro steps { number text screenshots } callouts { kind text } html } }',
    });
    const etag = (await fetch(`${app.url}/locales/sv/ui.json`)).headers.get('etag')!;
    const scenarios: Scenario[] = [
      { name: 'teamAccess(first: 50), replayed from the response cache', target: '25 %', method: 'POST', path: '/graphql', body: teamAccess, headers: auth },
      { name: 'helpArticle', target: '35 %', method: 'POST', path: '/graphql', body: help, headers: { 'content-type': 'application/json' } },
      { name: 'GET /locales/sv/ui.json', target: '80 %', method: 'GET', path: '/locales/sv/ui.json', headers: {} },
      { name: 'GET /locales/sv/ui.json (If-None-Match → 304)', target: '70 %', method: 'GET', path: '/locales/sv/ui.json', headers: { 'if-none-match': etag } },
    ];
    console.log(
      `${ROUNDS} rounds of API and bare server in turn (the order alternating); the round with the median ratio is shown, then every round's ratio.\n`,
    );
    console.log('| scenario | API req/s | API p50 / p99 ms | bare req/s | bare p50 / p99 ms | API / bare | rounds | target |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const scenario of scenarios) {
      const sample = await fetch(`${app.url}${scenario.path}`, { method: scenario.method, headers: scenario.headers, body: scenario.body });
      const bytes = Buffer.from(await sample.arrayBuffer());
      const bodyFile = join(dir, 'body');
      writeFileSync(bodyFile, bytes);
      const bare = await startProcess(join(__dirname, 'bare-server.js'), { BODY_FILE: bodyFile, STATUS: String(sample.status) });
      try {
        const rounds: { api: autocannon.Result; limit: autocannon.Result; ratio: number }[] = [];
        for (let round = 0; round < ROUNDS; round += 1) {
          // The order alternates, so neither side always meets the machine's quieter moment.
          let api: autocannon.Result;
          let limit: autocannon.Result;
          if (round % 2 === 0) {
            api = await load(app.url, scenario);
            limit = await load(bare.url, scenario);
          } else {
            limit = await load(bare.url, scenario);
            api = await load(app.url, scenario);
          }
          rounds.push({ api, limit, ratio: (100 * api.requests.average) / limit.requests.average });
        }
        const { api, limit, ratio } = medianRound(rounds);
        console.log(
          `| ${scenario.name} | ${fmt(api.requests.average)} | ${api.latency.p50} / ${api.latency.p99} | ${fmt(limit.requests.average)} | ${limit.latency.p50} / ${limit.latency.p99} | ${ratio.toFixed(1)} % | ${rounds.map((round) => round.ratio.toFixed(1)).join(', ')} | ${scenario.target} |`,
        );
        if (rounds.some((round) => round.api.non2xx > 0) && sample.status < 300) console.log(`  (non-2xx answers from the API)`);
      } finally {
        await stop(bare);
      }
    }
  } finally {
    await stop(app);
  }
  await runExecutedBenchmarks(dir, DURATION_S, CONNECTIONS, process.env.API_NODE_ARGS?.split(' ') ?? []);
  await runBulkBenchmarks();
  await runMemoryBenchmark(dir);
  await runHostileBenchmark(dir);
  rmSync(dir, { recursive: true, force: true });
}

async function load(url: string, scenario: Scenario) {
  return autocannon({
    url: `${url}${scenario.path}`,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
