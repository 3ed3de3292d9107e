import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExecutedPage } from './executed';
import { startProcess, stop } from './processes';
import { seedTeam, distinctSearches } from './team-data';

async function main() {
  const users = Number(process.env.USERS ?? 2000);
  const dir = mkdtempSync(join(tmpdir(), 'exec-bench-'));
  const databaseUrl = `sqlite:${join(dir, 'bench.sqlite')}`;
  // One cursor secret for both servers, so the peer seals the same endCursor as the API (the same bytes).
  const env = { DATABASE_URL: databaseUrl, SEED_DEMO: '1', NODE_ENV: 'production', LOG_LEVEL: 'warn', CURSOR_SECRET: 'bench' };
  await stop(await startProcess(join(__dirname, '..', 'src', 'main.js'), env));
  const team = await seedTeam(databaseUrl, users);
  console.log('distinct searches', distinctSearches(team, 100000).length);
  const api = await startProcess(join(__dirname, '..', 'src', 'main.js'), env, process.env.API_NODE_ARGS ? process.env.API_NODE_ARGS.split(' ') : []);
  const peer = await startProcess(join(__dirname, 'peers', 'mercurius-peer.js'), env);
  try {
    const servers = [
      { name: 'API', running: api },
      { name: 'Mercurius 16 + graphql-jit', running: peer },
    ];
    await runExecutedPage({ label: `sqlite ${users}`, team, servers, dir, durationS: Number(process.env.BENCH_DURATION ?? 5), connections: 32 });
  } finally {
    await Promise.all([stop(api), stop(peer)]);
    rmSync(dir, { recursive: true, force: true });
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
