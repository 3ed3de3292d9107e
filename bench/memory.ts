import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAppDataSource } from '../src/app/persistence';
import { insertMany } from '../src/db/sql';
import { Organization } from '../src/kernel/organization.entity';
import { TeamUser } from '../src/modules/team/team-user.entity';
import { startProcess, stop } from './processes';
import { memberRow } from './team-data';

const USERS = 100_000;

/** RSS of the server after listing 100 000 users page by page (teamAccess, first: 100). */
export async function runMemoryBenchmark(dir: string): Promise<void> {
  const databaseUrl = `sqlite:${join(dir, 'memory.sqlite')}`;
  const env = { DATABASE_URL: databaseUrl, SEED_DEMO: '1', NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  await stop(await startProcess(join(__dirname, '..', 'src', 'main.js'), env)); // migrate and seed
  const dataSource = await createAppDataSource(databaseUrl).initialize();
  const acme = await dataSource.manager.findOneByOrFail(Organization, { name: 'Acme' });
  const now = new Date();
  const users = Array.from({ length: USERS }, (_, i) => memberRow(acme.id, `Member ${String(i).padStart(6, '0')}`, `member.${i}@acme.example`, now, null));
  await dataSource.transaction((manager) => insertMany(manager, TeamUser, users, 2000));
  await dataSource.destroy();

  const server = await startProcess(join(__dirname, '..', 'src', 'main.js'), env);
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))![1]) / 1024;
  const startRss = rss();
  let peak = startRss;
  let listed = 0;
  let after: string | null = null;
  const started = Date.now();
  do {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-admin-token' },
      body: JSON.stringify({
        query:
          'query($after: String) { teamAccess(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name email marketoAccess { status workspaces { name } } } } } }',
        variables: { after },
      }),
    });
    const page = ((await response.json()) as any).data.teamAccess;
    listed += page.edges.length;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    if (listed % 10_000 < 100) peak = Math.max(peak, rss());
  } while (after);
  peak = Math.max(peak, rss());
  const seconds = (Date.now() - started) / 1000;
  await stop(server);
  console.log('\n## Memory\n');
  console.log('| measure | value | target |');
  console.log('|---|---|---|');
  console.log(`| users listed page by page (100 per page) | ${listed.toLocaleString('en-US')} in ${seconds.toFixed(1)} s | |`);
  console.log(`| server RSS at start / peak while listing | ${startRss.toFixed(0)} / ${peak.toFixed(0)} MB | under 200 MB |`);
}
