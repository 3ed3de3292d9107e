import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess, stop, type Running } from './processes';

/**
 * "Hostile traffic": a normal caller's p99 (the Team Access page with the demo admin token, and
 * `GET /locales/sv/ui.json`) on an idle server, then while bench/hostile-client.ts runs the catalog
 * amplification and GraphQL validation attacks from other processes; and the server's RSS. The issue's
 * goal: under 2× the idle p99, RSS under 300 MB. Part of `npm run bench`; alone: `npm run bench:hostile`.
 * Prints figures; asserts nothing.
 */
const SECONDS = Number(process.env.BENCH_HOSTILE_SECONDS ?? 15);
/** The normal caller's pace: one request at a time, this far apart — a busy user, well inside the HTTP rate limit. */
const PAUSE_MS = 40;

const TEAM_ACCESS = JSON.stringify({
  query:
    '{ teamAccess(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name email role marketoAccess { status grantedAt grantedBy { name } workspaces { id name } } } } } }',
});

interface Sample {
  teamAccess: number[];
  catalog: number[];
  failures: number;
}

export async function runHostileBenchmark(dir: string): Promise<void> {
  const app = await startProcess(join(__dirname, '..', 'src', 'main.js'), {
    DATABASE_URL: `sqlite:${join(dir, 'hostile.sqlite')}`,
    SEED_DEMO: '1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    // The attackers play many clients behind a proxy on the loopback; the HTTP rate limit keeps its default.
    TRUST_PROXY: '127.0.0.1',
    HTTP_RATE_LIMIT_PER_MINUTE: '',
  });
  try {
    const rss = rssSampler(app);
    await measure(app.url, 2); // warm-up
    const idleRss = rss.reset();
    const idle = await measure(app.url, SECONDS);
    const rows: Row[] = [{ name: 'idle', sample: idle, peakRss: rss.reset(), report: '' }];
    for (const attack of ['amplification', 'validation']) {
      const attacker = startAttacker(attack, app.url);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const sample = await measure(app.url, SECONDS);
      const report = await attacker.stop();
      rows.push({ name: attack, sample, peakRss: rss.reset(), report });
      await settle(app.url);
    }
    rss.stop();
    print(rows, idleRss);
    if (app.child.exitCode !== null || app.child.signalCode !== null) console.log(`\nThe server died (exit ${app.child.exitCode ?? app.child.signalCode}).`);
  } finally {
    await stop(app);
  }
}

interface Row {
  name: string;
  sample: Sample;
  peakRss: number;
  report: string;
}

/** Waits until the server answers /health quickly again (work queued by the last attack done). */
async function settle(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const started = performance.now();
    await fetch(`${url}/health`).catch(() => undefined);
    if (performance.now() - started < 20) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The normal caller: alternately the Team Access page and a catalog, one at a time, for `seconds`. */
async function measure(url: string, seconds: number): Promise<Sample> {
  const sample: Sample = { teamAccess: [], catalog: [], failures: 0 };
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    sample.teamAccess.push(
      await timed(sample, `${url}/graphql`, {
        method: 'POST',
        headers: { authorization: 'Bearer demo-admin-token', 'content-type': 'application/json' },
        body: TEAM_ACCESS,
      }),
    );
    sample.catalog.push(await timed(sample, `${url}/locales/sv/ui.json`, {}));
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  return sample;
}

async function timed(sample: Sample, url: string, init: RequestInit): Promise<number> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    if (response.status !== 200) sample.failures += 1;
  } catch {
    sample.failures += 1;
  }
  return performance.now() - started;
}

function startAttacker(attack: string, url: string) {
  const child = spawn(process.execPath, [join(__dirname, 'hostile-client.js')], {
    env: { ...process.env, ATTACK: attack, TARGET: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    async stop(): Promise<string> {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      return output.trim();
    },
  };
}

/** The server's resident memory, sampled every 100 ms: `reset` answers the peak since the last reset. */
function rssSampler(app: Running) {
  let peak = 0;
  // 0 once the server is gone (it ran out of memory before the catalog bounds); the peak stays.
  const sample = () => (app.child.exitCode === null && app.child.signalCode === null ? currentRss(app.child.pid!) : 0);
  peak = sample();
  const timer = setInterval(() => (peak = Math.max(peak, sample())), 100);
  return {
    reset: () => {
      const result = Math.max(peak, sample());
      peak = sample();
      return result;
    },
    stop: () => clearInterval(timer),
  };
}

function currentRss(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

const ATTACKS: Record<string, string> = {
  idle: 'idle server',
  amplification: '(a) 150 sockets, pipelined resources.json, never read',
  validation: '(b) 6 × 5/s anonymous 66 KB `{ locales { code } … }`',
};

function print(rows: Row[], idleRss: number): void {
  const [idle] = rows;
  console.log('\n## Hostile traffic\n');
  console.log(
    `A normal caller, one request at a time (${PAUSE_MS} ms apart, ${SECONDS} s a row): teamAccess(first: 50) with the demo admin token, then GET /locales/sv/ui.json. Attackers run in other processes, each simulated client with its own address. Goal: under 2× the idle p99, RSS under 300 MB.\n`,
  );
  console.log('| traffic | teamAccess p99 | ratio | /locales/sv/ui.json p99 | ratio | normal calls (failed) | server RSS peak |');
  console.log('|---|---|---|---|---|---|---|');
  for (const { name, sample, peakRss } of rows) {
    const cells = (['teamAccess', 'catalog'] as const).map((key) => {
      const value = p99(sample[key]);
      return `${value.toFixed(1)} ms | ${(value / p99(idle.sample[key])).toFixed(2)}×`;
    });
    console.log(
      `| ${ATTACKS[name]} | ${cells.join(' | ')} | ${sample.teamAccess.length + sample.catalog.length} (${sample.failures}) | ${peakRss.toFixed(0)} MB |`,
    );
  }
  console.log(`\nServer RSS at start (after warm-up): ${idleRss.toFixed(0)} MB. What the attackers sent and got back:\n`);
  for (const { report } of rows.slice(1)) console.log(`    ${report}`);
}

function p99(latencies: number[]): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? NaN;
}

if (require.main === module) {
  const dir = mkdtempSync(join(tmpdir(), 'marketo-bench-'));
  runHostileBenchmark(dir)
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
