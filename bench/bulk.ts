import { databaseTargets, mysqlTarget } from '../test/support/databases';
import { CONNECT, INVITE } from '../test/support/operations';
import { startTestServer } from '../test/support/test-server';

const PER_CALL = 1000;

/** connectMarketoUsers with 1 000 and 10 000 users (in calls of 1 000): seconds and SQL statements. */
export async function runBulkBenchmarks(): Promise<void> {
  const mysqlUrl = process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
  const targets = [databaseTargets()[0], ...(mysqlUrl ? [mysqlTarget(mysqlUrl)] : [])];
  console.log('\n## Bulk grants (connectMarketoUsers, calls of 1 000 users, over HTTP)\n');
  console.log('| database | users | seconds | SQL statements per 1 000 users | target |');
  console.log('|---|---|---|---|---|');
  for (const target of targets) {
    const server = await startTestServer(target);
    try {
      const userIds: string[] = [];
      for (let call = 0; call < 11; call += 1) {
        const users = Array.from({ length: PER_CALL }, (_, i) => ({ name: `Bench ${call}-${i}`, email: `bench.${call}.${i}@acme.example` }));
        const response = await server.gql(INVITE, { input: { users } });
        userIds.push(...response.data.inviteUsers.results.map((result: any) => result.user.id));
      }
      for (const [count, target_] of [
        [1000, ''],
        [10_000, target.name === 'sqlite' ? '≤ 1.5 s' : '≤ 2 s'],
      ] as const) {
        const ids = count === 1000 ? userIds.slice(0, 1000) : userIds.slice(1000);
        const started = process.hrtime.bigint();
        const statements = await server.statements.during(async () => {
          for (let start = 0; start < ids.length; start += PER_CALL) {
            const response = await server.gql(CONNECT, { input: { assignments: [{ userIds: ids.slice(start, start + PER_CALL) }] } });
            if (response.data?.connectMarketoUsers.connectedCount !== Math.min(PER_CALL, ids.length - start))
              throw new Error(JSON.stringify(response.errors ?? response.data));
          }
        });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        console.log(
          `| ${target.name} | ${count.toLocaleString('en-US')} | ${seconds.toFixed(2)} | ${((statements.length * 1000) / count).toFixed(1)} | ${target_} |`,
        );
      }
    } finally {
      await server.close();
    }
  }
  if (!mysqlUrl) console.log('\n(MariaDB: set BENCH_MYSQL_URL or TEST_MYSQL_URL to include it.)');
}
