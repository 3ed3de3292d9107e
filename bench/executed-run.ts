import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExecutedBenchmarks } from './executed';

/**
 * `npm run bench:executed`: only the executed Team Access page (SQLite, and MariaDB when BENCH_MYSQL_URL
 * or TEST_MYSQL_URL is set). API_NODE_ARGS passes Node options to the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marketo-bench-'));
  try {
    await runExecutedBenchmarks(dir, Number(process.env.BENCH_DURATION ?? 5), 32, process.env.API_NODE_ARGS?.split(' ') ?? []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
